"""Each shipped gold file, read back as predictions of its own expected values, scores 1.0.

This checks the scorer and the gold files together: an annotation whose expected values
contradict its own constraints (a date outside its range, a place outside its max_km) or two
events that cannot be told apart would show up here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.evaluate import Floors, evaluate, load_gold
from sitrep.evaluate.gold import GoldActor, GoldEvent, GoldLocation
from sitrep.records import Actor, Event, Location, TextSpan

GOLD = Path(__file__).resolve().parents[1] / "gold"
EVENT_GOLD = sorted(GOLD / name for name in Floors.load(GOLD / "floors.yaml").files
                    if (GOLD / name).exists())


def _actor(gold: GoldActor | None) -> Actor | None:
    if gold is None:
        return None
    return Actor(name=gold.name or "unnamed", country=gold.countries[0] if gold.countries else None,
                 type=gold.types[0] if gold.types else "other")


def _location(gold: GoldLocation | None) -> Location | None:
    if gold is None:
        return None
    return Location(name=gold.name or "", country=gold.countries[0] if gold.countries else None,
                    admin1=gold.admin1s[0] if gold.admin1s else None, lat=gold.lat,
                    lon=gold.lon, geo_precision=gold.geo_precision or 3)


def _expected(choice, default=None):  # type: ignore[no-untyped-def]
    return default if choice is None else choice.expected


def as_prediction(gold: GoldEvent) -> Event:
    cameo = _expected(gold.cameo, "00")
    dates = gold.dates
    day = dates.days[0] if dates else None
    return Event(
        id=gold.id, doc_id="", trigger=TextSpan(gold.trigger or "", 0, 0), sentence="",
        cameo=cameo, cameo_root=cameo[:2], quad_class=0, goldstein=0.0,
        main=bool(gold.main), background=bool(gold.background),
        event_date=day,
        date_earliest=dates.earliest if dates and day is None else None,
        date_latest=dates.latest if dates and day is None else None,
        plover=_expected(gold.plover), plover_mode=_expected(gold.plover_mode),
        acled_event_type=_expected(gold.acled_event_type),
        acled_sub_event_type=_expected(gold.acled_sub_event_type),
        actor1=_actor(_expected(gold.actor1)), actor2=_actor(_expected(gold.actor2)),
        victims=[a for v in gold.victims or () if (a := _actor(v)) is not None],
        location=_location(_expected(gold.location)),
        fatalities=_expected(gold.fatalities), injured=_expected(gold.injured),
        modality=_expected(gold.modality, "asserted"),
    )


@pytest.mark.parametrize("path", EVENT_GOLD, ids=lambda p: p.name)
def test_gold_read_as_predictions_scores_perfectly(path: Path) -> None:
    gold = load_gold(path)
    predictions = {doc.id: [as_prediction(e) for e in doc.events] for doc in gold.docs}
    report = evaluate(gold, predictions)
    assert (report.fp, report.fn) == (0, 0), [e for e in report.errors if "event" in e["field"]]
    wrong = [e for e in report.errors if not e["field"].startswith("event_")]
    assert not wrong, wrong[:5]
