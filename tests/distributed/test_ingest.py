"""Distributed ingest on a LocalCluster of two workers: the same rows as one process, no
duplicates on a re-run, bad documents recorded, a killed worker changes nothing."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.cli import cluster as cli_cluster
from sitrep.cli import main
from sitrep.distributed import batch_files, merge_dataset
from sitrep.distributed.run import ClusterStats, ingest_distributed
from sitrep.ingest import ingest
from sitrep.store import Store
from tests.distributed.helpers import fake_coder, slow_coder
from tests.store.fake_coder import FakeCoder, fake_corpus
from tests.store.snapshots import snapshot

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict]:
    """The single-process ingest of the corpus: what every distributed run must equal."""
    tmp = tmp_path_factory.mktemp("clean")
    inputs = fake_corpus(tmp)
    with Store(tmp / "clean.duckdb") as store:
        report = ingest(inputs, store, FakeCoder(), commit_every=16)
    assert report.coded == 301 and report.failed == 8
    return inputs, snapshot(tmp / "clean.duckdb")


def _run(inputs: list[str], db: Path, client: Any, out: Path, **kw: Any) -> Any:
    with Store(db) as store:
        return ingest_distributed(inputs, store, client, fake_coder, out, batch_size=16, **kw)


def test_same_rows_as_single_process(clean: tuple, client: Any, tmp_path: Path) -> None:
    inputs, expected = clean
    stats = ClusterStats()
    report = _run(inputs, tmp_path / "d.duckdb", client, tmp_path / "out", stats=stats)
    assert (report.coded, report.failed, report.duplicates) == (301, 8, 3)
    assert snapshot(tmp_path / "d.duckdb") == expected
    assert len(batch_files(tmp_path / "out")) == stats.batches == 19  # 304 new docs / 16
    assert stats.code_seconds > 0 and stats.merge and stats.merge.files == 19


def test_run_twice_adds_nothing_and_merge_is_idempotent(clean: tuple, client: Any,
                                                        tmp_path: Path) -> None:
    inputs, expected = clean
    db, out = tmp_path / "d.duckdb", tmp_path / "out"
    _run(inputs, db, client, out)
    again = _run(inputs, db, client, out)
    assert again.coded == 0 and again.duplicates == 304
    with Store(db) as store:
        merged = merge_dataset(out, store)
    assert merged.coded == 0 and merged.duplicates == 301
    assert snapshot(db) == expected


def test_dataset_merged_into_a_fresh_store_equals_the_run(clean: tuple, client: Any,
                                                         tmp_path: Path) -> None:
    inputs, expected = clean
    _run(inputs, tmp_path / "d.duckdb", client, tmp_path / "out")
    assert main(["store", "merge", str(tmp_path / "out"), "--db", str(tmp_path / "m.duckdb")]) == 1
    merged = snapshot(tmp_path / "m.duckdb")
    assert merged["documents"] == expected["documents"] and merged["events"] == expected["events"]
    coder_errors = [e for e in expected["ingest_errors"] if e[1] == "E414"]
    assert merged["ingest_errors"] == coder_errors  # reading errors never reach the dataset


def test_bad_documents_are_recorded_and_the_run_goes_on(clean: tuple, client: Any,
                                                        tmp_path: Path) -> None:
    inputs, _ = clean
    report = _run(inputs, tmp_path / "d.duckdb", client, tmp_path / "out")
    with Store(tmp_path / "d.duckdb", read_only=True) as store:
        codes = sorted(e.code for e in store.errors())
        assert store.counts()["documents"] == 301
    assert codes == ["E006", "E400", "E403", "E403", "E403", "E414", "E414", "E414"]
    assert any("RuntimeError: fake coder crash" in e.message for e in report.errors)


def test_batches_already_written_are_reused_not_recoded(clean: tuple, client: Any,
                                                       tmp_path: Path) -> None:
    inputs, expected = clean
    _run(inputs, tmp_path / "first.duckdb", client, tmp_path / "out")
    stats = ClusterStats()
    _run(inputs, tmp_path / "second.duckdb", client, tmp_path / "out", stats=stats)
    assert (stats.reused, stats.batches) == (19, 0)
    assert snapshot(tmp_path / "second.duckdb") == expected


def test_worker_sigkilled_mid_run_loses_and_duplicates_nothing(clean: tuple,
                                                               tmp_path: Path) -> None:
    """Two worker processes; one is SIGKILLed once the first batch file exists."""
    inputs, expected = clean
    out = tmp_path / "out"
    killed: list[int] = []
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", host="127.0.0.1") as cluster, \
            distributed.Client(cluster) as c:
        pids = list(c.run(os.getpid).values())
        killer = threading.Thread(target=_kill_when_written, args=(out, pids[0], killed))
        killer.start()
        with Store(tmp_path / "d.duckdb") as store:
            report = ingest_distributed(inputs, store, c, slow_coder, out, batch_size=16)
        killer.join()
    assert killed == [pids[0]], "the run ended before a worker could be killed"
    assert report.coded == 301 and not [e for e in report.errors if e.code == "E424"]
    assert snapshot(tmp_path / "d.duckdb") == expected


def _kill_when_written(out: Path, pid: int, killed: list[int]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.is_dir() and batch_files(out):
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
            return
        time.sleep(0.01)


def test_cli_ingest_on_a_local_cluster(clean: tuple, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    inputs, expected = clean
    monkeypatch.setattr(cli_cluster, "coder_factory", lambda _args: fake_coder)
    db = tmp_path / "c.duckdb"
    args = ["ingest", *inputs, "--db", str(db), "--cluster", "local:2", "--batch-size", "16",
            "--no-progress"]
    assert main(args) == 1  # some inputs fail on purpose
    assert "coded 301 documents" in capsys.readouterr().out
    assert len(batch_files(f"{db}.batches")) == 19
    assert snapshot(db) == expected
