from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from sitrep.cli import main
from sitrep.store import Store
from tests.incidents.fixtures import BOMBING, NEAR_MISSES, reports, retaliation


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "s.duckdb")
    with Store(path) as store:
        store.add_batch(reports(BOMBING + NEAR_MISSES) + [retaliation()])
    return path


def test_incidents_lists_each_event_once(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["incidents", "--db", db, "--format", "jsonl", "--country", "NGA"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["reports"] for r in rows) == [1, 1, 1, 1, 1, 3]
    bombing = next(r for r in rows if r["reports"] == 3)
    assert bombing["fatalities"] == {"best": 17, "low": 5, "high": 17}
    assert len(bombing["report_list"]) == 3


def test_chain_and_stats(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, events = retaliation()
    assert main(["chain", events[0].id, "--db", db]) == 0
    assert "retaliation_for" in capsys.readouterr().out
    assert main(["chain", "nope", "--db", db]) == 1
    capsys.readouterr()
    assert main(["stats", "--db", db, "--format", "json"]) == 0
    incidents = json.loads(capsys.readouterr().out)
    assert main(["stats", "--db", db, "--format", "json", "--events"]) == 0
    events_stats = json.loads(capsys.readouterr().out)
    assert incidents["counted"] == "incidents" and events_stats["counted"] == "events"
    assert incidents["fatalities"] < events_stats["fatalities"]


def test_incident_acled_export(db: str, tmp_path: Path) -> None:
    out = tmp_path / "inc.csv"
    assert main(["incidents", "--db", db, "--out", str(out)]) == 0
    rows = duckdb.sql(f"SELECT * FROM read_csv('{out}')").fetchall()
    cols = [d[0] for d in duckdb.sql(f"SELECT * FROM read_csv('{out}')").description]
    row = next(dict(zip(cols, r, strict=True)) for r in rows if r[cols.index("fatalities")] == 17)
    assert row["source"].count(";") == 2 and "3 reports from 3 sources" in row["notes"]
    assert main(["incidents", "--db", db, "--out", str(out)]) == 2  # exists: refused (E419)


def test_rebuild_flag(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["incidents", "--db", db, "--rebuild", "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert "rebuilt 6 incidents" in captured.err and len(captured.out.splitlines()) == 6
