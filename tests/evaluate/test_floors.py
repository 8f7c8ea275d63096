from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.evaluate import Floors, evaluate, suggest_floors

from .helpers import event, gold_doc, gold_event, load_docs

GOLD_FLOORS = Path(__file__).resolve().parents[1] / "gold" / "floors.yaml"


def _floors(tmp_path: Path, text: str) -> Floors:
    path = tmp_path / "floors.yaml"
    path.write_text(text, encoding="utf-8")
    return Floors.load(path)


def test_check_passes_within_tolerance_and_fails_below(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event(), gold_event(event_date="2019-12-01")])])
    report = evaluate(gold, {"d1": [event()]})  # recall 0.5, precision 1.0
    floors = _floors(tmp_path, "tolerance: 0.02\nfiles:\n  g.jsonl:\n"
                               "    events.precision: 1.0\n    events.recall: 0.51\n")
    assert floors.check(report) == []
    strict = _floors(tmp_path, "tolerance: 0.0\nfiles:\n  g.jsonl:\n    events.recall: 0.6\n"
                               "    fatalities_exact: 0.5\n")
    failures = strict.check(report)
    assert len(failures) == 2
    assert "events.recall = 0.500 is below its floor 0.600" in failures[0]
    assert "fatalities_exact was not measured" in failures[1]
    other = _floors(tmp_path, "tolerance: 0.0\nfiles:\n  other.jsonl:\n    events.f1: 0.9\n")
    assert other.check(report) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("files: {}\n", "tolerance"),
        ("tolerance: 0.01\nfiles:\n  g.jsonl:\n    events.f2: 0.5\n", "unknown metric"),
        ("tolerance: 0.01\nfiles:\n  g.jsonl:\n    events.f1: 1.5\n", "must be in"),
        ("tolerance: 0.01\nfiles:\n  g.jsonl:\n    events.f1: 0.5\nreasons:\n"
         "  - {file: g.jsonl, metric: events.f1, from: 0.6, to: 0.4, reason: x}\n", "but it is"),
        ("tolerance: 0.01\nfiles:\n  g.jsonl:\n    events.f1: 0.5\nreasons:\n"
         "  - {file: g.jsonl, metric: events.f1, from: 0.6, to: 0.5, reason: ''}\n",
         "written reason"),
        ("tolerance: 0.01\nfiles:\n  g.jsonl:\n    events.f1: 0.5\nreasons:\n"
         "  - {file: g.jsonl}\n", "needs file"),
        ("- a\n", "top level"),
        ("tolerance: [\n", "E507"),
    ],
)
def test_invalid_floors_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SitrepError, match=message) as info:
        _floors(tmp_path, text)
    assert info.value.code == "E507"


def test_documented_lowering_is_accepted(tmp_path: Path) -> None:
    floors = _floors(tmp_path, "tolerance: 0.01\nfiles:\n  g.jsonl:\n    events.f1: 0.5\n"
                               "reasons:\n  - {file: g.jsonl, metric: events.f1, from: 0.6, "
                               "to: 0.5, reason: 'stricter gold for dates'}\n")
    assert floors.reasons[0].reason == "stricter gold for dates"


def test_project_floors_file_is_valid() -> None:
    floors = Floors.load(GOLD_FLOORS)
    assert 0 < floors.tolerance <= 0.05
    assert "seed.jsonl" in floors.files


def test_suggested_floors_round_down_with_margin(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event(), gold_event(event_date="2019-12-01")])])
    report = evaluate(gold, {"d1": [event()]})
    suggested = suggest_floors([report], margin=0.02, min_pairs=1)["g.jsonl"]
    assert suggested["events.recall"] == 0.48 and suggested["events.precision"] == 0.98
    assert suggested["cameo_code"] == 0.98 and "fatalities_exact" not in suggested
    assert "cameo_code" not in suggest_floors([report], min_pairs=2)["g.jsonl"]
