"""Validate tests/gold/wire.jsonl: 66 wire, local-press and monitor-style articles the team
wrote to a brief that mirrors how real reports are built (several events per article,
background history, cumulative tolls, report dates, datelines, several places). Fast: no spaCy
model is loaded.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.evaluate.gold import load_gold

HERE = Path(__file__).parent
WIRE = HERE / "wire.jsonl"
CAMEO = HERE.parent.parent / "src" / "sitrep" / "data" / "ontology" / "cameo_eventcodes.tsv"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in WIRE.read_text(encoding="utf-8").splitlines()]


def _values(value: Any) -> list[Any]:
    if isinstance(value, dict) and "expected" in value:
        return [value["expected"], *value.get("accept", [])]
    return [value]


def test_the_file_loads_and_has_at_least_60_articles(rows: list[dict[str, Any]]) -> None:
    assert len(load_gold(WIRE).docs) == len(rows) >= 60
    assert len({row["id"] for row in rows}) == len(rows)
    assert all(row["licence"] and row["source"] for row in rows)


def test_each_article_has_several_events_and_one_main(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        if not row["events"]:
            assert "no_event" in row["tags"] or "misleading_word" in row["tags"], row["id"]
            continue
        assert sum(bool(e.get("main")) for e in row["events"]) == 1, row["id"]
    assert sum(len(r["events"]) >= 3 for r in rows) >= 0.9 * len(rows)


def test_triggers_occur_and_dates_precede_publication(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        published = dt.date.fromisoformat(row["published"])
        for event in row["events"]:
            assert event["trigger"] in row["text"], (row["id"], event["trigger"])
            for key in ("event_date", "date_earliest", "date_latest"):
                for value in _values(event.get(key)):
                    assert value is None or dt.date.fromisoformat(value) <= published, row["id"]
            if event.get("background"):
                assert event.get("event_date") is None, (row["id"], event["id"])


def test_cameo_codes_are_in_the_table(rows: list[dict[str, Any]]) -> None:
    lines = CAMEO.read_text(encoding="utf-8").splitlines()[1:]
    known = {line.split("\t")[0] for line in lines if line.strip()}
    for row in rows:
        for event in row["events"]:
            for code in _values(event.get("cameo")):
                assert code is None or code in known or len(code) == 2, (row["id"], code)


def test_the_hard_cases_of_real_reports_are_covered(rows: list[dict[str, Any]]) -> None:
    tags = {tag for row in rows for tag in row["tags"]}
    assert {"dateline", "report_date", "range_date", "cumulative_toll", "multiple_places",
            "two_acts_one_sentence", "sub_acts", "background", "intent", "demand", "refusal",
            "threat", "hypothetical", "negation", "monitor_report", "local_press"} <= tags
