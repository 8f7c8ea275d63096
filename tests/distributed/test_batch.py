from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.distributed import CodedBatch, batch_name, local_workers, read_batch, write_batch
from sitrep.errors import SitrepError
from sitrep.ingest import IngestError
from tests.store.conftest import TEXTS, make_doc
from tests.store.fake_coder import fake_events


def _docs() -> list:
    return [make_doc(t, p, ti, u, f"doc{i}.txt") for i, (t, p, ti, u) in enumerate(TEXTS)]


def test_batch_file_round_trips_documents_events_and_errors(tmp_path: Path) -> None:
    docs = _docs()
    error = IngestError("doc3.txt", "E414", "[E414] Coding document doc3.txt failed", docs[3].id)
    batch = CodedBatch([(d, fake_events(d)) for d in docs[:3]] + [(docs[3], [])], [error])
    path = tmp_path / batch_name(docs)
    write_batch(path, batch)
    back = read_batch(path)
    assert back.coded == batch.coded and back.errors == [error]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_batch_name_depends_on_the_documents_only() -> None:
    docs = _docs()
    assert batch_name(docs) == batch_name(list(reversed(docs)))
    assert batch_name(docs) != batch_name(docs[:3])
    assert batch_name(docs).startswith("batch-") and batch_name(docs).endswith(".parquet")


def test_damaged_batch_file_is_a_catalogue_error(tmp_path: Path) -> None:
    path = tmp_path / "batch-x.parquet"
    path.write_bytes(b"not parquet")
    with pytest.raises(SitrepError, match="E423"):
        read_batch(path)


def test_local_cluster_spec() -> None:
    assert local_workers("local:3") == 3 and local_workers("local") == 2
    assert local_workers("tcp://10.0.0.1:8786") is None
    with pytest.raises(SitrepError, match="E422"):
        local_workers("local:0")


def test_merge_of_a_missing_directory_is_a_catalogue_error(tmp_path: Path) -> None:
    from sitrep.cli import main

    assert main(["store", "merge", str(tmp_path / "nope"), "--db", str(tmp_path / "s.duckdb")]) == 2


def test_damaged_batch_file_is_recorded_and_the_others_merged(tmp_path: Path) -> None:
    from sitrep.distributed import merge_dataset
    from sitrep.store import Store

    docs = _docs()
    write_batch(tmp_path / batch_name(docs), CodedBatch([(d, fake_events(d)) for d in docs]))
    (tmp_path / "batch-0damaged.parquet").write_bytes(b"PAR1 truncated")
    with Store(":memory:") as store:
        report = merge_dataset(tmp_path, store)
        assert report.coded == 4 and [e.code for e in store.errors()] == ["E423"]


def test_unreachable_scheduler_is_a_catalogue_error() -> None:
    pytest.importorskip("distributed")
    from sitrep.distributed import connect

    with pytest.raises(SitrepError, match="E422"), connect("tcp://127.0.0.1:9", timeout=1):
        pass


def test_cli_coder_factory_is_picklable_with_absolute_kb_paths() -> None:
    import argparse
    import pickle

    from sitrep.cli.cluster import coder_factory

    factory = coder_factory(argparse.Namespace(model=None, kb=["my_kb.yaml"]))
    kb = pickle.loads(pickle.dumps(factory)).keywords["kb_files"]
    assert len(kb) == 1 and Path(kb[0]).is_absolute() and kb[0].endswith("my_kb.yaml")
