"""Loading a dataset of batch files into the store, idempotently.

Each batch file goes in as one store transaction (``Store.add_batch``): documents already stored
are skipped, so merging the same directory twice, or a directory that an ingest has already
merged, adds nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import E, SitrepError
from ..ingest._base import IngestError
from ..ingest.ingest import IngestReport, Progress, _Run
from ._batch import SUFFIX, CodedBatch, read_batch

if TYPE_CHECKING:
    from ..store import Store


@dataclass(slots=True)
class MergeTimer:
    """Seconds spent reading batch files and writing them into the store."""

    files: int = 0
    seconds: float = 0.0


def batch_files(directory: str | Path) -> list[Path]:
    """The batch files of a dataset directory, in name order (temporary files left out)."""
    root = Path(directory)
    if not root.is_dir():
        raise SitrepError(E.E400, path=root)
    return sorted(p for p in root.glob(f"batch-*{SUFFIX}") if p.is_file())


def merge_batch(run: _Run, batch: CodedBatch, timer: MergeTimer | None = None) -> None:
    """Store one batch through ``run``: its documents, events and coder errors in one
    transaction (with whatever reading errors and copies ``run`` has pending)."""
    started = time.perf_counter()
    bad = {e.doc_id for e in batch.errors}
    for error in batch.errors:
        run.error(error)
    run.pending.extend((doc, events) for doc, events in batch.coded if doc.id not in bad)
    run.flush()
    if timer is not None:
        timer.files += 1
        timer.seconds += time.perf_counter() - started


def merge_dataset(directory: str | Path, store: Store,
                  progress: Callable[[Progress], None] | None = None) -> IngestReport:
    """Load every batch file of ``directory`` into ``store``; a damaged file is recorded (E423)
    in ``ingest_errors`` and the others still go in."""
    files = batch_files(directory)
    run = _Run(store, 1 << 30, len(files), progress)
    try:
        for path in files:
            try:
                batch = read_batch(path)
            except SitrepError as exc:
                run.error(IngestError.from_exception(str(path), exc))
                continue
            merge_batch(run, batch)
    finally:
        run.flush()
    run.report.elapsed = time.perf_counter() - run.started
    return run.report
