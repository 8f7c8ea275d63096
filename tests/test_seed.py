"""The seed article, fully right: every field of every gold event (tests/data/seed/)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from sitrep.records import Event

SEED_DIR = Path(__file__).parent / "data" / "seed"
TEXT = (SEED_DIR / "soleimani_2020-01-03.txt").read_text(encoding="utf-8")
GOLD = json.loads((SEED_DIR / "soleimani_2020-01-03.gold.json").read_text(encoding="utf-8"))
GOLD_EVENTS = {g["id"]: g for g in GOLD["events"]}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def events(coder: Any) -> list[Event]:
    return coder.code(TEXT, published="2020-01-03")


@pytest.fixture(scope="module")
def matched(events: list[Event]) -> dict[str, Event]:
    """Gold id -> predicted event, one-to-one; gold events with exact dates pick first."""
    order = sorted(GOLD_EVENTS, key=lambda g: isinstance(GOLD_EVENTS[g]["event_date"], dict))
    used: set[str] = set()
    found: dict[str, Event] = {}
    for gold_id in order:
        event = _find([e for e in events if e.id not in used], gold_id)
        used.add(event.id)
        found[gold_id] = event
    return found


def _allowed(spec: Any) -> list[Any]:
    if isinstance(spec, dict) and "expected" in spec:
        return [spec["expected"], *spec.get("accept", [])]
    return [spec]


def _code_ok(code: str, spec: Any) -> bool:
    return any(code == a or (len(a) == 2 and code.startswith(a)) for a in _allowed(spec))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _find(events: list[Event], gold_id: str) -> Event:
    gold = GOLD_EVENTS[gold_id]
    for event in events:
        if not event.background and _code_ok(event.cameo, gold["cameo"]) and _date_ok(event, gold):
            return event
    raise AssertionError(f"no event for {gold_id}: {[e.to_dict()['cameo'] for e in events]}")


def _date_ok(event: Event, gold: dict[str, Any]) -> bool:
    spec = gold["event_date"]
    if isinstance(spec, dict) and "earliest" in spec:
        low, high = spec["earliest"], spec["latest"]
        got = event.to_dict()
        if got["event_date"]:
            return bool(low <= got["event_date"] <= high)
        return got["date_earliest"] == low and got["date_latest"] == high
    return event.to_dict()["event_date"] in _allowed(spec)


def test_exactly_the_five_gold_events_and_nothing_else(events: list[Event],
                                                       matched: dict[str, Event]) -> None:
    foreground = [e for e in events if not e.background]
    assert len({e.id for e in matched.values()}) == 5
    assert len(foreground) == 5, [e.trigger.text for e in foreground]


def test_one_main_event_the_airport_strike(events: list[Event], matched: dict[str, Event]) -> None:
    assert [e.id for e in events if e.main] == [matched["airport_strike"].id]


@pytest.mark.parametrize("gold_id", list(GOLD_EVENTS))
def test_types(matched: dict[str, Event], gold_id: str) -> None:
    gold, event = GOLD_EVENTS[gold_id], matched[gold_id]
    assert event.acled_event_type in _allowed(gold["acled_event_type"])
    assert event.acled_sub_event_type in _allowed(gold["acled_sub_event_type"])
    assert event.plover == gold["plover"]["expected"]
    if gold["plover"].get("mode"):
        assert event.plover_mode == gold["plover"]["mode"]


@pytest.mark.parametrize("gold_id", list(GOLD_EVENTS))
def test_location(matched: dict[str, Event], gold_id: str) -> None:
    gold, event = GOLD_EVENTS[gold_id]["location"], matched[gold_id]
    if gold.get("expected", "") is None:
        assert event.location is None or event.location.country in gold.get("accept_countries", [])
        return
    assert event.location is not None
    if "countries" in gold:
        assert event.location.country in gold["countries"]
        assert event.location.geo_precision == gold["geo_precision"]
        return
    assert (event.location.country, event.location.admin1) == (gold["country"], gold["admin1"])
    assert event.location.geo_precision == gold["geo_precision"]
    assert event.location.lat is not None and event.location.lon is not None
    assert _km(event.location.lat, event.location.lon, gold["lat"], gold["lon"]) <= gold["max_km"]


def _actor_ok(actor: Any, spec: Any) -> bool:
    for option in _allowed(spec):
        if option is None and actor is None:
            return True
        if isinstance(option, dict) and actor is not None and _same_actor(actor, option):
            return True
        if isinstance(option, str) and actor is not None and actor.country in spec.get(
                "accept_countries", []):
            return True
    return False


def _same_actor(actor: Any, option: dict[str, Any]) -> bool:
    types = [option["type"], *option.get("accept_types", [])]
    return actor.country == option["country"] and actor.type in types and (
        option.get("inferred") is None or actor.inferred == option["inferred"])


@pytest.mark.parametrize("gold_id", list(GOLD_EVENTS))
def test_actors(matched: dict[str, Event], gold_id: str) -> None:
    gold, event = GOLD_EVENTS[gold_id], matched[gold_id]
    assert _actor_ok(event.actor1, gold["actor1"]), event.actor1
    if isinstance(gold["actor2"], list):  # several named victims: actor2 plus victims
        got = {a.name: a for a in [event.actor2, *event.victims] if a is not None}
        for victim in gold["actor2"]:
            assert victim["name"] in got, list(got)
            assert _same_actor(got[victim["name"]], victim)
    else:
        assert _actor_ok(event.actor2, gold["actor2"]), event.actor2


@pytest.mark.parametrize("gold_id", list(GOLD_EVENTS))
def test_fatalities(matched: dict[str, Event], gold_id: str) -> None:
    gold, event = GOLD_EVENTS[gold_id], matched[gold_id]
    allowed = _allowed(gold["fatalities"])
    assert event.fatalities in allowed or (0 in allowed and event.fatalities is None)


def test_dates_and_their_text(matched: dict[str, Event]) -> None:
    kirkuk, strikes = matched["kirkuk_base_attack"], matched["us_airstrikes"]
    assert kirkuk.date_text == "Last Friday" and kirkuk.date_precision == "day"
    assert strikes.date_precision == "range"
    assert matched["khamenei_threat"].date_precision == "publication"


def test_background_events_carry_no_date(events: list[Event]) -> None:
    for event in events:
        if event.background:
            assert event.event_date is None


def test_every_span_points_into_the_original_text(events: list[Event]) -> None:
    for event in events:
        assert TEXT[event.trigger.start:event.trigger.end] == event.trigger.text
        for actor in [event.actor1, event.actor2, *event.victims]:
            if actor is not None and actor.start is not None:
                assert TEXT[actor.start:actor.end] == actor.text
        if event.location is not None and event.location.start is not None:
            assert TEXT[event.location.start:event.location.end] == event.location.text
        assert event.sentence in TEXT
