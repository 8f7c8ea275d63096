"""Reading while another process ingests (issue 10): Store.snapshot never locks the store."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.records import Document
from sitrep.store import Store
from tests.store.fake_coder import fake_events

ROOT = Path(__file__).resolve().parents[2]
WRITER = textwrap.dedent("""
    import sys
    from sitrep.store import Store
    from tests.store.conftest import make_doc
    from tests.store.fake_coder import fake_events
    doc = make_doc("Rebels clashed with the army near the river.", None, "t", None, "w.txt")
    with Store(sys.argv[1]) as store:
        store.add_batch([(doc, fake_events(doc))])
""")


def _write_in_another_process(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", WRITER, str(path)], cwd=ROOT, text=True,
                          capture_output=True, timeout=120)


def test_open_snapshot_does_not_block_ingest(tmp_path: Path, docs: list[Document]) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_batch([(d, fake_events(d)) for d in docs])
    before = None
    with Store.snapshot(path) as snap:
        before = len(snap.events())
        done = _write_in_another_process(path)
        assert done.returncode == 0, done.stderr
        assert len(snap.events()) == before  # the snapshot is the store as it was
        with pytest.raises(SitrepError, match="E419"):
            snap.export(path, "csv", force=True)  # never over the store it was taken from
        copy = Path(snap.path)
    assert not copy.exists()  # removed on close
    with Store(path, read_only=True) as store:
        assert len(store.events()) == before + 1


def test_plain_read_only_store_blocks_a_writer(tmp_path: Path, docs: list[Document]) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_batch([(d, fake_events(d)) for d in docs])
    with Store(path, read_only=True):
        assert _write_in_another_process(path).returncode != 0  # why snapshot exists


def test_snapshot_of_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(SitrepError, match="E410"):
        Store.snapshot(tmp_path / "none.duckdb")
