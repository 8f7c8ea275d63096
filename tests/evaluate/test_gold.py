import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.errors import SitrepError
from sitrep.evaluate import load_gold

from .helpers import gold_doc, gold_event, load_docs, write_gold

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"


def _error(tmp_path: Path, docs: list[dict[str, Any]]) -> SitrepError:
    with pytest.raises(SitrepError) as info:
        load_docs(tmp_path, docs)
    return info.value


def test_loads_choices_ranges_and_legacy_plover(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event(
        cameo={"expected": "190", "accept": ["18", "193"]}, plover="FIGHT",
        event_date=None, date_earliest="2019-12-27", date_latest="2020-01-03",
        actor1={"expected": None, "accept": [{"name": "United States", "country": "USA"}]},
        fatalities={"expected": 0, "accept": [None]})])])
    ev = gold.docs[0].events[0]
    assert ev.cameo is not None and ev.cameo.values == ("190", "18", "193")
    assert ev.plover is not None and ev.plover.expected == "ASSAULT"
    assert ev.dates is not None and ev.dates.earliest == date(2019, 12, 27)
    assert ev.actor1 is not None and ev.actor1.expected is None
    assert ev.actor1.values[1] is not None and ev.actor1.values[1].countries == ("USA",)
    assert ev.id == "e1" and gold.docs[0].published == date(2020, 1, 3)
    assert gold.docs[0].exhaustive


@pytest.mark.parametrize(
    ("event", "field"),
    [
        (gold_event(cameo="19x"), "events[0].cameo"),
        (gold_event(acled_event_type="Battle"), "events[0].acled_event_type"),
        (gold_event(acled_sub_event_type="Airstrike"), "events[0].acled_sub_event_type"),
        (gold_event(plover="FIGHTING"), "events[0].plover"),
        (gold_event(event_date="3 Jan 2020"), "events[0].event_date"),
        (gold_event(location={"lat": 95, "lon": 1}), "events[0].location.lat"),
        (gold_event(location={"lat": 33.0}), "events[0].location.lon"),
        (gold_event(location={"country": "Iraq"}), "events[0].location.country"),
        (gold_event(actor1={"name": "X", "type": "army"}), "events[0].actor1.type"),
        (gold_event(fatalities=-1), "events[0].fatalities"),
        (gold_event(fatalities="3"), "events[0].fatalities"),
        (gold_event(main="yes"), "events[0].main"),
        (gold_event(acled_type="Battles"), "events[0].acled_type"),
        (gold_event(cameo={"expected": "195", "accept": "19"}), "events[0].cameo.accept"),
        (gold_event(cameo={"expected": "195", "accept": ["1x"]}), "events[0].cameo.accept[0]"),
        (gold_event(acled_event_type=None, cameo="DROP", plover="DROP"), "events[0].cameo"),
        (gold_event(date_earliest="2020-01-05", date_latest="2020-01-01"),
         "events[0].date_latest"),
        (gold_event(modality="maybe"), "events[0].modality"),
    ],
)
def test_invalid_values_name_file_line_and_field(tmp_path: Path, event: dict[str, Any],
                                                 field: str) -> None:
    ok = gold_doc([gold_event()], doc_id="ok")
    error = _error(tmp_path, [ok, gold_doc([event], doc_id="bad")])
    assert error.code == "E502"
    assert error.fields["line"] == 2 and error.fields["field"] == field
    assert "g.jsonl" in str(error) and field in str(error)


def test_document_level_errors(tmp_path: Path) -> None:
    assert _error(tmp_path, [{"id": "x", "events": []}]).fields["field"] == "text"
    assert _error(tmp_path, [{"id": "x", "text": "t"}]).fields["field"] == "events"
    assert _error(tmp_path, [{"text": "t", "events": []}]).fields["field"] == "id"
    two_mains = gold_doc([gold_event(id="a", main=True), gold_event(id="b", main=True)])
    assert _error(tmp_path, [two_mains]).fields["field"] == "events"
    same_ids = gold_doc([gold_event(id="a"), gold_event(id="a")])
    assert "used twice" in str(_error(tmp_path, [same_ids]))
    assert _error(tmp_path, [gold_doc([], published="yesterday")]).fields["field"] == "published"


def test_duplicate_document_ids(tmp_path: Path) -> None:
    error = _error(tmp_path, [gold_doc([]), gold_doc([])])
    assert error.code == "E503" and error.fields["first"] == 1 and error.fields["line"] == 2


def test_bad_json_empty_and_missing_files(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(gold_doc([])) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(SitrepError) as info:
        load_gold(path)
    assert info.value.code == "E501" and info.value.fields["line"] == 2
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(SitrepError, match="E501"):
        load_gold(path)
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(SitrepError, match="E509"):
        load_gold(path)
    with pytest.raises(SitrepError, match="E500"):
        load_gold(tmp_path / "missing.jsonl")


def test_blank_lines_are_skipped_and_lines_counted(tmp_path: Path) -> None:
    path = write_gold(tmp_path, [gold_doc([], doc_id="a")])
    path.write_text(path.read_text() + "\n" + json.dumps(gold_doc([], doc_id="b")) + "\n")
    gold = load_gold(path)
    assert [d.line for d in gold.docs] == [1, 3]


@pytest.mark.parametrize("name", ["seed.jsonl", "plover_gsr.jsonl"])
def test_shipped_gold_files_load(name: str) -> None:
    gold = load_gold(GOLD_DIR / name)
    assert gold.docs and gold.n_events >= 5


def test_seed_gold_is_the_seed_article() -> None:
    gold = load_gold(GOLD_DIR / "seed.jsonl")
    (doc,) = gold.docs
    assert doc.published == date(2020, 1, 3)
    assert [e.id for e in doc.events] == ["airport_strike", "kirkuk_base_attack",
                                          "us_airstrikes", "embassy_protest", "khamenei_threat"]
    assert "Kata’ib Hezbollah targeted a military base" in doc.text
    assert sum(bool(e.main) for e in doc.events) == 1


def test_plover_gold_uses_only_2021_types() -> None:
    gold = load_gold(GOLD_DIR / "plover_gsr.jsonl")
    assert len(gold.docs) == 161 and not any(d.exhaustive for d in gold.docs)
    types = {e.plover.expected for d in gold.docs for e in d.events if e.plover}
    assert not types & {"DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE"}
    assert {"REQUEST", "ACCUSE", "ASSAULT"} <= types
