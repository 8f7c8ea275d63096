from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from sitrep.cli import main
from sitrep.cli import store as cli_store
from tests.store.fake_coder import FakeCoder


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cli_store, "load_coder", lambda args: FakeCoder())
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for i, verb in enumerate(["attacked", "clashed", "protested"]):
        (tmp_path / "in" / f"{i}.txt").write_text(
            f"---\npublished: 2022-03-0{i + 1}\ntitle: T{i}\n---\nGroups {verb} in the city "
            f"and {i + 1} people were killed.\n")
    (tmp_path / "in" / "bad.json").write_text("{nope")
    return tmp_path


def test_ingest_prints_a_summary_and_uses_the_default_store(
        corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "in/*"]) == 1  # one input failed
    out, err = capsys.readouterr()
    assert "coded 3 documents (3 events), skipped 0 duplicates, failed 1" in out
    assert "bad.json" in err and "E403" in err
    assert (corpus / "sitrep.duckdb").exists()
    assert main(["ingest", "in/*"]) == 1
    assert "coded 0 documents (0 events), skipped 3 duplicates, failed 1" in \
        capsys.readouterr().out


def test_ingest_without_failures_exits_zero(corpus: Path, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    (corpus / "in" / "bad.json").unlink()
    assert main(["ingest", "in", "--db", "x.duckdb", "--workers", "2", "--no-progress"]) == 0
    assert "coded 3 documents" in capsys.readouterr().out


def test_events_table_and_jsonl_with_filters(corpus: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", "in"])
    capsys.readouterr()
    assert main(["events", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 3 and rows[0]["event_date"] == "2022-03-01"
    assert main(["query", "--format", "jsonl", "--since", "2022-03-02", "--type", "Battles"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["trigger"]["text"] == "clashed"
    assert main(["events", "--country", "Iraq", "--limit", "2"]) == 0
    table = capsys.readouterr().out
    assert "2 events" in table and "2022-03-01" in table


def test_bad_filter_and_missing_store_are_catalogue_errors(
        corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", "none.duckdb"]) == 2
    assert "E410" in capsys.readouterr().err
    main(["ingest", "in"])
    assert main(["events", "--since", "last week"]) == 2
    assert "E416" in capsys.readouterr().err


def test_stats_table_and_json(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", "in"])
    capsys.readouterr()
    assert main(["stats", "--format", "json", "--events"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["documents"], stats["events"], stats["errors"]) == (3, 3, 1)
    assert stats["fatalities"] == 6 and stats["by_country"] == [["IRQ", 3]]
    assert main(["stats", "--events"]) == 0
    out = capsys.readouterr().out
    assert "fatalities 6" in out and "2022-03-01\t1" in out


@pytest.mark.parametrize("layout", ["native", "acled", "gdelt"])
def test_export(corpus: Path, capsys: pytest.CaptureFixture[str], layout: str) -> None:
    main(["ingest", "in"])
    assert main(["export", "--format", "parquet", "--layout", layout, "out.parquet"]) == 0
    assert "to out.parquet" in capsys.readouterr().out
    frame = pd.read_parquet(corpus / "out.parquet")
    assert len(frame) == 3
    assert main(["export", "--layout", layout, "--type", "ASSAULT", "out.csv"]) == 0
    gdelt = {"sep": "\t", "header": None} if layout == "gdelt" else {}
    assert len(pd.read_csv(corpus / "out.csv", **gdelt)) == 2


def test_progress_bar_only_on_a_terminal_and_not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert cli_store._show_progress(None) is True
    assert cli_store._show_progress(False) is False
    monkeypatch.setenv("CI", "true")
    assert cli_store._show_progress(None) is False
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    monkeypatch.delenv("CI")
    assert cli_store._show_progress(None) is False
    assert cli_store._show_progress(True) is True


def test_forced_progress_goes_to_stderr(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "in", "--progress"]) == 1
    out, err = capsys.readouterr()
    assert "docs/s" in err and "docs/s" not in out.replace("docs/s)", "")
    assert "4/4" in err
