"""The main event of each document, judged as an analyst reads a headline row.

One row per document with a gold main event (not background), compared with sitrep's main event
whatever the one-to-one matching did:

- ``main.type``: the ACLED event type agrees (an accepted value counts); where gold's main event
  has no ACLED type, the CAMEO root; no predicted main event is wrong;
- ``main.country``: the predicted place's country is one gold accepts;
- ``main.place_50km``: the predicted place lies within 50 km of gold's (documents whose gold main
  event has coordinates);
- ``main.fatalities_exact``: the same death toll (null and 0 agree), over documents whose gold
  main event gives one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import Event
from .compare import cameo_roots, count_agrees, distance_km
from .gold import GoldDoc, GoldEvent

MAIN_METRICS = ("main.type", "main.country", "main.place_50km", "main.fatalities_exact")


@dataclass(slots=True)
class MainTally:
    """Right/total per main-event figure, filled document by document."""

    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)

    def add(self, doc: GoldDoc, preds: Sequence[Event]) -> None:
        gold = next((g for g in doc.events if g.main and not g.background), None)
        if gold is None:
            return
        pred = next((p for p in preds if p.main and not p.background), None)
        self._check("main.type", _type_right(gold, pred))
        self._location(gold, pred)
        if gold.fatalities is not None:
            got = pred.fatalities if pred else None
            self._check("main.fatalities_exact",
                        any(count_agrees(v, got) for v in gold.fatalities.values))

    def _location(self, gold: GoldEvent, pred: Event | None) -> None:
        if gold.location is None:
            return
        places = [p for p in gold.location.values if p is not None]
        if not places:
            return
        loc = pred.location if pred else None
        countries = [c for p in places if p.countries for c in p.countries]
        if countries:
            self._check("main.country", loc is not None and loc.country in countries)
        with_coords = [p for p in places if p.has_coordinates]
        if with_coords:
            kms = [km for p in with_coords if (km := distance_km(p, loc)) is not None]
            self._check("main.place_50km", bool(kms) and min(kms) <= 50.0)

    def _check(self, name: str, ok: bool) -> None:
        self.total[name] = self.total.get(name, 0) + 1
        self.right[name] = self.right.get(name, 0) + ok

    def metrics(self) -> dict[str, float | None]:
        return {name: (self.right.get(name, 0) / self.total[name] if self.total.get(name)
                       else None) for name in MAIN_METRICS}

    def counts(self) -> dict[str, int]:
        return {name: self.total.get(name, 0) for name in MAIN_METRICS}


def _type_right(gold: GoldEvent, pred: Event | None) -> bool:
    if pred is None:
        return False
    acled = gold.acled_event_type
    if acled is not None and acled.expected is not None:
        return pred.acled_event_type in acled.values
    if gold.cameo is not None:
        return pred.cameo_root in cameo_roots(gold.cameo)
    if gold.plover is not None:
        return pred.plover in gold.plover.values
    return False
