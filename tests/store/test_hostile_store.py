"""Issue 14: what the store and its exports do with hostile content and careless commands."""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from sitrep.errors import SitrepError
from sitrep.ingest import SourceOptions, ingest
from sitrep.records import replace
from sitrep.store import Store
from tests.store.conftest import make_doc
from tests.store.fake_coder import FakeCoder, fake_events


def test_toll_over_64_bits_fails_one_document_not_its_batch() -> None:
    store = Store(":memory:")
    bad = make_doc("Troops attacked the market, and 5 people were killed.", path="bad.txt")
    good = make_doc("Rebels clashed with the army.", path="good.txt")
    events = [replace(e, fatalities=10**19) for e in fake_events(bad)]
    result = store.add_batch([(bad, events), (good, fake_events(good))])
    assert result.added == 1 and [f.code for f in result.failed] == ["E415"]
    assert store.has_document(good.id) and not store.has_document(bad.id)
    assert [(e.source, e.code) for e in store.errors()] == [("bad.txt", "E415")]


def test_ingest_of_a_ten_to_the_nineteen_toll_keeps_every_other_document(tmp_path: Path) -> None:
    lines = [f"Troops attacked town {i}, and {i + 1} people were killed." for i in range(70)]
    lines[30] = "Troops attacked the town, and 9999999999999999999 people were killed."
    (tmp_path / "a.csv").write_text("text\n" + "".join(f'"{t}"\n' for t in lines))
    store = Store(":memory:")
    for _ in range(2):  # a rerun neither crashes nor duplicates
        report = ingest([tmp_path / "a.csv"], store, FakeCoder(), SourceOptions())
    assert store.counts()["documents"] == 69 and report.failed == 1
    assert [e.code for e in store.errors()] == ["E415"]


@pytest.fixture
def on_disk(tmp_path: Path, filled: Store) -> Path:
    path = tmp_path / "v.duckdb"
    with Store(path) as store:
        docs = [make_doc(text, date(2020, 1, 3), title) for text, title in (
            ("Troops attacked the market in Baghdad, and 5 people were killed.", "-2+3"),
            ("Rebels clashed with the army.", '=HYPERLINK("http://evil.example","click")'),
            ("Students protested outside parliament.", "@SUM(A1)"))]
        store.add_batch([(d, fake_events(d)) for d in docs])
    return path


def test_export_never_replaces_the_store_it_reads(on_disk: Path) -> None:
    size = on_disk.stat().st_size
    with Store(on_disk, read_only=True) as store:
        for force in (False, True):
            with pytest.raises(SitrepError, match="E419"):
                store.export(on_disk, "jsonl", force=force)
    assert on_disk.stat().st_size == size
    with Store(on_disk, read_only=True) as store:
        assert store.counts()["documents"] == 3


def test_export_refuses_an_existing_file_without_force(on_disk: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("precious")
    with Store(on_disk, read_only=True) as store:
        with pytest.raises(SitrepError, match="E419"):
            store.export(out, "csv")
        assert out.read_text() == "precious"
        assert store.export(out, "csv", force=True) == 3
    assert out.read_text().startswith('"id",')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "v.duckdb"]  # no temp left


def test_planted_symlink_at_the_old_temp_name_is_not_followed(on_disk: Path,
                                                              tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch")
    for name in (".out.jsonl.tmp", "out.jsonl.tmp", ".out.jsonl.tmp.tmp"):
        (tmp_path / name).symlink_to(victim)
    with Store(on_disk, read_only=True) as store:
        store.export(tmp_path / "out.jsonl", "jsonl")
    assert victim.read_text() == "do not touch"
    assert not (tmp_path / "out.jsonl").is_symlink()
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 3


def test_export_onto_a_symlink_replaces_the_link_not_its_target(on_disk: Path,
                                                                tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch")
    (tmp_path / "out.csv").symlink_to(victim)
    with Store(on_disk, read_only=True) as store:
        with pytest.raises(SitrepError, match="E419"):
            store.export(tmp_path / "out.csv", "csv")
        store.export(tmp_path / "out.csv", "csv", force=True)
    assert victim.read_text() == "do not touch"


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(on_disk: Path, tmp_path: Path) -> None:
    with Store(on_disk, read_only=True) as store:
        store.export(tmp_path / "n.csv", "csv")
        store.export(tmp_path / "n.parquet")
    with open(tmp_path / "n.csv", newline="", encoding="utf-8") as fh:
        cells = [cell for row in csv.reader(fh) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not _number(c)]
    assert any(c.startswith("'=HYPERLINK(") for c in cells)
    assert any(c.startswith("'@SUM(") for c in cells) and "'-2+3" in cells
    titles = set(pd.read_parquet(tmp_path / "n.parquet")["doc_title"])  # Parquet keeps the text
    assert '=HYPERLINK("http://evil.example","click")' in titles


def test_export_to_a_directory_or_missing_directory_is_a_catalogue_error(
        on_disk: Path, tmp_path: Path) -> None:
    with Store(on_disk, read_only=True) as store:
        with pytest.raises(SitrepError, match="E419"):
            store.export(tmp_path, "csv")
        with pytest.raises(SitrepError, match="E417"):
            store.export(tmp_path / "nope" / "x.csv", "csv")
    assert os.listdir(tmp_path) == ["v.duckdb"]


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
