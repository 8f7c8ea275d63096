"""Per-field counters over matched pairs, and event-level counts per document.

Fields are scored only over matched (gold, predicted) pairs and only where gold has the key.
Event counts: a matched pair is a true positive unless gold marks the event ``background``; an
unmatched gold event is a false negative unless it is background; an unmatched prediction is a
false positive unless it is itself ``background: true`` or the document is not exhaustive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..records import Actor, Event
from .compare import (
    admin1_agree,
    best_actor,
    cameo_accepts,
    cameo_roots,
    count_agrees,
    count_within,
    date_exact,
    date_in_range,
    distance_km,
    names_agree,
)
from .gold import Choice, GoldActor, GoldDoc, GoldEvent, GoldLocation
from .mainevent import MainTally
from .match import Matching
from .typing import TypeTally

FIELDS: tuple[str, ...] = (
    "acled_event_type", "acled_sub_event_type", "cameo_root", "cameo_code", "plover",
    "plover_mode", "date_exact", "date_in_range", "place_country", "place_admin1",
    "place_within_25km", "place_within_50km", "actor1_country", "actor1_type", "actor1_entity",
    "actor2_country", "actor2_type", "actor2_entity", "victims", "fatalities_exact",
    "fatalities_within_20pct", "injured_exact", "modality", "main", "background",
)


@dataclass(slots=True)
class Tally:
    """Mutable counters filled document by document; :class:`Report` is built from it."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    documents: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    background_found: int = 0
    background_missed: int = 0
    ignored_predictions: Counter[str] = field(default_factory=Counter)
    miss_reasons: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    km_errors: list[float] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    by_tag: dict[str, Counter[str]] = field(default_factory=dict)
    types: TypeTally = field(default_factory=TypeTally)
    main: MainTally = field(default_factory=MainTally)

    def check(self, name: str, ok: bool, where: dict[str, Any], expected: Any = None,
              predicted: Any = None) -> None:
        self.total[name] += 1
        if ok:
            self.correct[name] += 1
        else:
            self.errors.append({**where, "field": name, "expected": _plain(expected),
                                "predicted": _plain(predicted)})


def _plain(value: Any) -> Any:
    """A compact JSON-able form of a gold or predicted value for error listings."""
    if isinstance(value, Choice):
        return _plain(value.expected) if len(value.values) == 1 else [
            _plain(v) for v in value.values]
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(v) for k in value.__dataclass_fields__
                if (v := getattr(value, k)) is not None}
    return value


def score_document(doc: GoldDoc, preds: Sequence[Event], matching: Matching, tally: Tally) -> None:
    """Add one document's event counts and field agreements to ``tally``."""
    before = (tally.tp, tally.fp, tally.fn)
    tally.documents += 1
    tally.gold_events += len(doc.events)
    tally.predicted_events += len(preds)
    tally.types.add(doc, preds)
    tally.main.add(doc, preds)
    for g, p in matching.pairs:
        gold = doc.events[g]
        if gold.background:
            tally.background_found += 1
        else:
            tally.tp += 1
        score_pair(gold, preds[p], tally, {"doc": doc.id, "event": gold.id})
    _count_misses(doc, matching, tally)
    _count_spare(doc, preds, matching, tally)
    delta = (tally.tp - before[0], tally.fp - before[1], tally.fn - before[2])
    for tag in doc.tags:
        counts = tally.by_tag.setdefault(tag, Counter())
        counts.update({"documents": 1, "tp": delta[0], "fp": delta[1], "fn": delta[2]})


def _count_misses(doc: GoldDoc, matching: Matching, tally: Tally) -> None:
    for g, reason in zip(matching.unmatched_gold, matching.miss_reasons, strict=True):
        gold = doc.events[g]
        if gold.background:
            tally.background_missed += 1
            continue
        tally.fn += 1
        tally.miss_reasons[reason] += 1
        tally.errors.append({"doc": doc.id, "event": gold.id, "field": "event_missed",
                             "expected": gold.trigger, "predicted": reason})


def _count_spare(doc: GoldDoc, preds: Sequence[Event], matching: Matching, tally: Tally) -> None:
    for p in matching.unmatched_pred:
        pred = preds[p]
        if pred.background:
            tally.ignored_predictions["background"] += 1
        elif not doc.exhaustive:
            tally.ignored_predictions["not_exhaustive"] += 1
        else:
            tally.fp += 1
            tally.errors.append({"doc": doc.id, "event": None, "field": "event_spurious",
                                 "expected": None,
                                 "predicted": f"{pred.cameo} {pred.trigger.text!r}"})


def score_pair(gold: GoldEvent, pred: Event, tally: Tally, where: dict[str, Any]) -> None:
    """Field agreements of one matched pair."""
    _score_types(gold, pred, tally, where)
    if gold.dates is not None:
        tally.check("date_exact", date_exact(gold.dates, pred), where, gold.dates,
                    pred.event_date or [pred.date_earliest, pred.date_latest])
        if gold.dates.dated:
            tally.check("date_in_range", date_in_range(gold.dates, pred), where, gold.dates,
                        pred.event_date or [pred.date_earliest, pred.date_latest])
    if gold.location is not None:
        _score_location(gold.location, pred, tally, where)
    for name, choice, actor in (("actor1", gold.actor1, pred.actor1),
                                ("actor2", gold.actor2, pred.actor2)):
        if choice is not None:
            _score_actor(name, choice, actor, tally, where)
    if gold.victims is not None:
        _score_victims(gold.victims, pred, tally, where)
    _score_counts(gold, pred, tally, where)
    for name, flag, value in (("main", gold.main, pred.main),
                              ("background", gold.background, pred.background)):
        if flag is not None:
            tally.check(name, flag == value, where, flag, value)


def _score_types(gold: GoldEvent, pred: Event, tally: Tally, where: dict[str, Any]) -> None:
    simple = (("acled_event_type", gold.acled_event_type, pred.acled_event_type),
              ("acled_sub_event_type", gold.acled_sub_event_type, pred.acled_sub_event_type),
              ("plover", gold.plover, pred.plover),
              ("plover_mode", gold.plover_mode, pred.plover_mode),
              ("modality", gold.modality, pred.modality))
    for name, choice, value in simple:
        if choice is not None:
            tally.check(name, value in choice.values, where, choice, value)
    if gold.cameo is not None:
        tally.check("cameo_root", pred.cameo_root in cameo_roots(gold.cameo), where,
                    gold.cameo, pred.cameo)
        tally.check("cameo_code", cameo_accepts(gold.cameo, pred.cameo), where, gold.cameo,
                    pred.cameo)


def _score_location(choice: Choice[GoldLocation | None], pred: Event, tally: Tally,
                    where: dict[str, Any]) -> None:
    loc = pred.location
    options = [_location_agreement(g, pred) for g in choice.values]
    best = max(options, key=lambda o: sum(o[0].values()) - (o[1] or 0.0) / 1e6)
    agreement, km = best
    shown = None if loc is None else {"name": loc.name, "country": loc.country,
                                      "admin1": loc.admin1, "lat": loc.lat, "lon": loc.lon}
    for name, ok in agreement.items():
        tally.check(name, ok, where, choice, shown)
    if km is not None:
        tally.km_errors.append(km)


def _location_agreement(gold: GoldLocation | None,
                        pred: Event) -> tuple[dict[str, bool], float | None]:
    loc = pred.location
    if gold is None:
        return {"place_country": loc is None}, None
    result: dict[str, bool] = {}
    if gold.countries is not None:
        result["place_country"] = loc is not None and loc.country in gold.countries
    if gold.admin1s is not None:
        result["place_admin1"] = loc is not None and admin1_agree(loc.admin1, gold.admin1s)
    km = distance_km(gold, loc)
    if gold.has_coordinates:
        result["place_within_25km"] = km is not None and km <= 25.0
        result["place_within_50km"] = km is not None and km <= 50.0
    return result, km


def _score_actor(name: str, choice: Choice[GoldActor | None], actor: Actor | None,
                 tally: Tally, where: dict[str, Any]) -> None:
    shown = None if actor is None else {"name": actor.name, "country": actor.country,
                                        "type": actor.type}
    for sub, ok in best_actor(choice, actor).items():
        tally.check(f"{name}_{sub}", ok, where, choice, shown)


def _score_victims(victims: tuple[GoldActor, ...], pred: Event, tally: Tally,
                   where: dict[str, Any]) -> None:
    candidates = [a for a in (*pred.victims, pred.actor2) if a is not None]
    for victim in victims:
        if victim.names is None:
            continue
        names = victim.names
        ok = any(names_agree(a.name, names) for a in candidates)
        tally.check("victims", ok, where, names, [a.name for a in candidates])


def _score_counts(gold: GoldEvent, pred: Event, tally: Tally, where: dict[str, Any]) -> None:
    if gold.fatalities is not None:
        values = gold.fatalities.values
        tally.check("fatalities_exact", any(count_agrees(v, pred.fatalities) for v in values),
                    where, gold.fatalities, pred.fatalities)
        tally.check("fatalities_within_20pct",
                    any(count_within(v, pred.fatalities) for v in values), where,
                    gold.fatalities, pred.fatalities)
    if gold.injured is not None:
        tally.check("injured_exact", any(count_agrees(v, pred.injured)
                                         for v in gold.injured.values),
                    where, gold.injured, pred.injured)
