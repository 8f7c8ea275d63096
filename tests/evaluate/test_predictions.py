import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.evaluate import (
    event_from_dict,
    load_predictions,
    prediction_lines,
    write_predictions,
)
from sitrep.records import Actor, TextSpan

from .helpers import event, gold_doc, gold_event, load_docs


def test_round_trip_through_to_dict(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event()], doc_id="a"), gold_doc([], doc_id="b")])
    original = event(actor1=Actor("United States", "USA", "state_forces", inferred=True),
                     victims=[Actor("Civilians (Iraq)", "IRQ", "civilians")], fatalities=2,
                     date_earliest=date(2020, 1, 1), trigger="strike")
    path = tmp_path / "pred.jsonl"
    write_predictions(path, prediction_lines(gold, {"a": [original]}))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]
    loaded = load_predictions(path, gold)
    (back,) = loaded["a"]
    assert loaded["b"] == []
    assert back.to_dict() == original.to_dict()


def test_event_from_dict_defaults_and_errors() -> None:
    minimal = event_from_dict({"cameo": "190"}, "doc", 3)
    assert minimal.cameo_root == "19" and minimal.trigger == TextSpan("", 0, 0)
    assert minimal.id == "doc:3" and minimal.modality == "asserted"
    with pytest.raises(ValueError, match="CAMEO"):
        event_from_dict({"cameo": 190})


@pytest.mark.parametrize(
    ("line", "code", "field"),
    [
        ('{"id": "a", "events": [{"cameo": "190", "event_date": "soon"}]}', "E505",
         "events[0].event_date"),
        ('{"id": "a", "events": [{"cameo": "190", "fatalities": "2"}]}', "E505",
         "events[0].fatalities"),
        ('{"id": "a", "events": [{"cameo": "190", "actor1": {"country": "USA"}}]}', "E505",
         "events[0].actor1"),
        ('{"id": "a", "events": {}}', "E505", "events"),
        ('{"events": []}', "E505", "id"),
        ("not json", "E505", "(line)"),
    ],
)
def test_bad_prediction_lines(tmp_path: Path, line: str, code: str, field: str) -> None:
    gold = load_docs(tmp_path, [gold_doc([], doc_id="a")])
    path = tmp_path / "pred.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(SitrepError) as info:
        load_predictions(path, gold)
    assert info.value.code == code and info.value.fields["field"] == field
    assert info.value.fields["line"] == 1


def test_unknown_and_repeated_ids(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([], doc_id="a")])
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "zzz", "events": []}\n', encoding="utf-8")
    with pytest.raises(SitrepError, match="E506.*zzz"):
        load_predictions(path, gold)
    path.write_text('{"id": "a", "events": []}\n{"id": "a", "events": []}\n')
    with pytest.raises(SitrepError, match="appears twice"):
        load_predictions(path, gold)
    with pytest.raises(SitrepError, match="E504"):
        load_predictions(tmp_path / "nope.jsonl", gold)


def test_wrongly_typed_values_are_reported_not_crashed() -> None:
    with pytest.raises(ValueError, match="wrong type") as info:
        event_from_dict({"cameo": "190", "trigger": {"text": "x", "start": "abc"}}, "d", 0)
    assert getattr(info.value, "field", None) == "events[0]"
