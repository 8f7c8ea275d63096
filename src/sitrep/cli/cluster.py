"""``sitrep ingest --cluster`` (coding on Dask workers) and ``sitrep store merge DIR``."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..store import DEFAULT_PATH, Store
from ._safe import plain


def register(sub: Any) -> None:
    store = sub.add_parser("store", help="store maintenance: merge a Parquet batch dataset",
                           description="Store maintenance commands.")
    actions = store.add_subparsers(dest="store_command", required=True, metavar="ACTION")
    merge = actions.add_parser("merge", help="load a dataset of batch files into the store",
                               description="Load every batch file of DIR (written by `sitrep "
                               "ingest --cluster ... --out DIR`) into the store. Documents "
                               "already stored are skipped, so merging again adds nothing.")
    merge.add_argument("directory", metavar="DIR", help="dataset directory of batch-*.parquet")
    merge.add_argument("--db", default=DEFAULT_PATH, metavar="PATH",
                       help=f"store file (default ./{DEFAULT_PATH})")
    merge.set_defaults(handler=run_merge)


def add_ingest_arguments(parser: argparse.ArgumentParser) -> None:
    """``--cluster`` and ``--out`` on ``sitrep ingest``."""
    parser.add_argument("--cluster", metavar="ADDRESS", help="code on a Dask cluster: a "
                        "scheduler address (tcp://host:8786) or local:N for N local worker "
                        "processes (needs `pip install sitrep[dask]`; docs/scale.md)")
    parser.add_argument("--out", metavar="DIR", help="with --cluster: dataset directory of "
                        "Parquet batch files, shared by the workers (default: DB.batches)")


def coder_factory(args: argparse.Namespace) -> Callable[[], Any]:
    """A picklable function that loads the coder on a worker (tests substitute their own).
    ``--kb`` paths are made absolute: workers do not share the client's directory."""
    from ..pipeline import Coder

    kb = [str(Path(p).resolve()) for p in args.kb]
    return functools.partial(Coder.load, model=args.model, kb_files=kb)


def run_cluster_ingest(args: argparse.Namespace, opts: Any,
                       progress: Callable[[Any], None] | None) -> Any:
    """The ingest report of an ingest coded on the cluster ``args.cluster``."""
    from ..distributed import connect
    from ..distributed.run import ingest_distributed

    out = args.out or f"{args.db}.batches"
    with Store(args.db) as store, connect(args.cluster) as client:
        return ingest_distributed(args.inputs, store, client, coder_factory(args), out, opts,
                                  batch_size=max(args.batch_size, 1), progress=progress,
                                  update_metadata=args.update_metadata)


def run_merge(args: argparse.Namespace) -> int:
    from ..distributed import merge_dataset

    with Store(args.db) as store:
        report = merge_dataset(args.directory, store)
    print(f"merged {report.coded} documents ({report.events} events), skipped "
          f"{report.duplicates} already stored, {report.failed} errors recorded from "
          f"{plain(args.directory)} -> {plain(args.db)}")
    return 1 if report.failed else 0
