"""One-to-one matching of predicted events to gold events within one document.

A pair is *compatible* when the types agree (same ACLED event type when both sides give one;
otherwise the same CAMEO root or the same PLOVER type; with ``type_rule="any"`` any of the
three agreeing is enough), the date fits the gold day or range (when
gold is dated) and the place fits (within ``max_km``, else same admin1, else same country). Among
compatible pairs the assignment with the most pairs, then the highest total similarity, is chosen
with the Hungarian algorithm (:func:`assign`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..records import Event
from .compare import (
    best_actor,
    cameo_accepts,
    cameo_roots,
    count_agrees,
    date_compatible,
    date_exact,
    distance_km,
    location_choice_compatible,
    normalise_name,
)
from .gold import GoldEvent

TypeRule = Literal["acled", "any"]
PAIR_BASE = 100.0  # every compatible pair outweighs any similarity bonus: more pairs win
_INF = float("inf")


@dataclass(frozen=True, slots=True)
class Matching:
    """Result for one document: index pairs (gold, predicted) and why gold events missed."""

    pairs: tuple[tuple[int, int], ...]
    unmatched_gold: tuple[int, ...]
    unmatched_pred: tuple[int, ...]
    miss_reasons: tuple[str, ...]  # one per unmatched gold event


def types_compatible(gold: GoldEvent, pred: Event, type_rule: TypeRule = "acled") -> bool:
    """``"acled"``: two ACLED types must agree when both are given; ``"any"``: ACLED type, CAMEO
    root or PLOVER type agreeing is enough."""
    acled = gold.acled_event_type
    if acled is not None and pred.acled_event_type is not None and any(acled.values):
        if pred.acled_event_type in acled.values:
            return True
        if type_rule == "acled":
            return False
    if gold.cameo is not None and pred.cameo_root in cameo_roots(gold.cameo):
        return True
    return gold.plover is not None and pred.plover in gold.plover.values


def incompatibility(gold: GoldEvent, pred: Event, type_rule: TypeRule = "acled") -> str | None:
    """The first rule a pair breaks ("type", "date", "place"), or ``None`` if compatible."""
    if not types_compatible(gold, pred, type_rule):
        return "type"
    if gold.dates is not None and not date_compatible(gold.dates, pred):
        return "date"
    if not location_choice_compatible(gold.location, pred.location):
        return "place"
    return None


def similarity(gold: GoldEvent, pred: Event) -> float:
    """A bonus in [0, 10] that prefers the closer of several compatible predictions."""
    score = 0.0
    if gold.acled_sub_event_type and pred.acled_sub_event_type in gold.acled_sub_event_type.values:
        score += 1.0
    if gold.cameo and cameo_accepts(gold.cameo, pred.cameo):
        score += 1.0
    if gold.dates is not None and date_exact(gold.dates, pred):
        score += 1.0
    score += _place_bonus(gold, pred) + _actor_bonus(gold, pred)
    if gold.fatalities is not None and any(count_agrees(v, pred.fatalities)
                                           for v in gold.fatalities.values):
        score += 1.0
    if gold.trigger and _trigger_seen(gold.trigger, pred):
        score += 2.0
    if gold.background is not None and gold.background == pred.background:
        score += 0.5
    return score


def _place_bonus(gold: GoldEvent, pred: Event) -> float:
    if gold.location is None:
        return 0.0
    distances = [km for g in gold.location.values if g is not None
                 if (km := distance_km(g, pred.location)) is not None]
    return 1.0 / (1.0 + min(distances) / 10.0) if distances else 0.0


def _actor_bonus(gold: GoldEvent, pred: Event) -> float:
    bonus = 0.0
    for choice, actor in ((gold.actor1, pred.actor1), (gold.actor2, pred.actor2)):
        if choice is not None:
            agreement = best_actor(choice, actor)
            bonus += sum(agreement.values()) / max(1, len(agreement))
    return bonus


def _trigger_seen(trigger: str, pred: Event) -> bool:
    words = normalise_name(trigger)
    haystack = normalise_name(f"{pred.trigger.text} {' '.join(m.text for m in pred.mentions)}")
    return bool(words) and (words in haystack or haystack in words) and bool(haystack)


def match_events(gold: Sequence[GoldEvent], preds: Sequence[Event],
                 type_rule: TypeRule = "acled") -> Matching:
    """Match one document's events one-to-one (see the module docstring)."""
    scores: list[list[float | None]] = [
        [None if incompatibility(g, p, type_rule) else PAIR_BASE + similarity(g, p)
         for p in preds]
        for g in gold
    ]
    pairs = tuple(sorted(assign(scores)))
    matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
    unmatched_g = tuple(i for i in range(len(gold)) if i not in matched_g)
    unmatched_p = tuple(j for j in range(len(preds)) if j not in matched_p)
    spare = [preds[j] for j in unmatched_p]
    reasons = tuple(_miss_reason(gold[i], spare, type_rule) for i in unmatched_g)
    return Matching(pairs, unmatched_g, unmatched_p, reasons)


def _miss_reason(gold: GoldEvent, spare: Sequence[Event], type_rule: TypeRule) -> str:
    """Why a gold event found no partner: the furthest rule a spare prediction got past."""
    order = {"place": 2, "date": 1, "type": 0}
    reasons = [r for p in spare if (r := incompatibility(gold, p, type_rule)) is not None]
    if not reasons:
        return "no_prediction" if not spare else "taken"
    return max(reasons, key=order.__getitem__)


def assign(scores: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment; ``None`` marks a forbidden pair.

    Rows and columns may stay unassigned. Solved as a square minimum-cost problem (Hungarian
    algorithm with potentials, O(n^3)) padded with "leave unassigned" slots of cost 0.
    """
    n_rows = len(scores)
    n_cols = len(scores[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    size = n_rows + n_cols
    big = 1.0 + sum(max((s for s in row if s is not None), default=0.0) for row in scores)
    cost = [[0.0] * size for _ in range(size)]
    for i, row in enumerate(scores):
        for j, value in enumerate(row):
            cost[i][j] = big if value is None else -value
    column_of_row = _hungarian(cost)
    return [(i, j) for i, j in enumerate(column_of_row[:n_rows])
            if j < n_cols and scores[i][j] is not None]


def _hungarian(cost: Sequence[Sequence[float]]) -> list[int]:
    """Minimum-cost perfect assignment of a square matrix; returns the column of each row."""
    n = len(cost)
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    owner = [0] * (n + 1)  # owner[j]: row (1-based) assigned to column j; 0 = free
    way = [0] * (n + 1)
    for row in range(1, n + 1):
        owner[0] = row
        col0 = 0
        best = [_INF] * (n + 1)
        used = [False] * (n + 1)
        while owner[col0] != 0:
            used[col0] = True
            i0, delta, col1 = owner[col0], _INF, 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if reduced < best[j]:
                    best[j], way[j] = reduced, col0
                if best[j] < delta:
                    delta, col1 = best[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    best[j] -= delta
            col0 = col1
        while col0:
            prev = way[col0]
            owner[col0] = owner[prev]
            col0 = prev
    result = [0] * n
    for j in range(1, n + 1):
        result[owner[j] - 1] = j - 1
    return result
