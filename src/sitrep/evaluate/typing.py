"""Document-level event typing: is the right kind of event found, and nothing where there is none?

These figures judge the event detector apart from places, dates and actors (which the one-to-one
matching also needs):

- ``main_acled``: the gold main event's ACLED sub-type against the predicted main event's
  (``none`` when nothing is predicted), over documents whose main event ACLED codes; per-class
  precision, recall and F1, their support-weighted F1, and the confusion matrix;
- ``main_plover``: the same for the PLOVER type (share right);
- ``cameo_root_found``: the share of gold events (not background) whose CAMEO root some predicted
  event of the document has;
- ``event_found``: the share of documents with gold events where sitrep predicts any event;
- ``no_false_event``: the share of exhaustive documents with no gold event where sitrep predicts
  no event (background predictions aside).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import Event
from .compare import cameo_roots
from .gold import GoldDoc, GoldEvent

NONE = "none"
TYPE_METRICS = ("type.acled_weighted_f1", "type.main_plover", "type.cameo_root_found",
                "type.event_found", "type.no_false_event")


@dataclass(slots=True)
class TypeTally:
    """Counters filled document by document."""

    acled_pairs: list[tuple[str, str]] = field(default_factory=list)
    plover_pairs: list[tuple[str, str]] = field(default_factory=list)
    roots_found: int = 0
    roots_total: int = 0
    event_docs: int = 0
    event_docs_found: int = 0
    empty_docs: int = 0
    empty_docs_clean: int = 0

    def add(self, doc: GoldDoc, preds: Sequence[Event]) -> None:
        real = [p for p in preds if not p.background]
        gold = [g for g in doc.events if not g.background]
        if not gold:
            if doc.exhaustive and not doc.events:
                self.empty_docs += 1
                self.empty_docs_clean += not real
            return
        self.event_docs += 1
        self.event_docs_found += bool(real)
        main = next((g for g in gold if g.main), gold[0])
        pred_main = next((p for p in real if p.main), real[0] if real else None)
        self._pairs(main, pred_main)
        roots = {p.cameo_root for p in real}
        for event in gold:
            if event.cameo is not None:
                self.roots_total += 1
                self.roots_found += bool(roots & cameo_roots(event.cameo))

    def _pairs(self, main: GoldEvent, pred: Event | None) -> None:
        sub = main.acled_sub_event_type
        if sub is not None and sub.expected is not None:
            got = pred.acled_sub_event_type if pred else None
            chosen = got if got is not None and got in sub.values else sub.expected
            self.acled_pairs.append((chosen, got or NONE))
        if main.plover is not None and main.plover.expected is not None:
            got = pred.plover if pred else None
            expected = main.plover.expected
            chosen = got if got is not None and got in main.plover.values else expected
            self.plover_pairs.append((chosen, got or NONE))


@dataclass(frozen=True, slots=True)
class ClassFigures:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class TypeScores:
    """The typing figures of one gold file (``None`` where a figure has no items)."""

    main_acled: tuple[ClassFigures, ...] = ()
    acled_weighted_f1: float | None = None
    acled_n: int = 0
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    main_plover: float | None = None
    plover_n: int = 0
    cameo_root_found: float | None = None
    event_found: float | None = None
    no_false_event: float | None = None
    empty_docs: int = 0

    @classmethod
    def from_tally(cls, tally: TypeTally) -> TypeScores:
        classes, weighted = per_class(tally.acled_pairs)
        confusion: dict[str, dict[str, int]] = {}
        for gold, pred in tally.acled_pairs:
            confusion.setdefault(gold, {}).setdefault(pred, 0)
            confusion[gold][pred] += 1
        plover_right = sum(g == p for g, p in tally.plover_pairs)
        return cls(classes, weighted, len(tally.acled_pairs), confusion,
                   _share(plover_right, len(tally.plover_pairs)), len(tally.plover_pairs),
                   _share(tally.roots_found, tally.roots_total),
                   _share(tally.event_docs_found, tally.event_docs),
                   _share(tally.empty_docs_clean, tally.empty_docs), tally.empty_docs)

    def metrics(self) -> dict[str, float | None]:
        values = (self.acled_weighted_f1, self.main_plover, self.cameo_root_found,
                  self.event_found, self.no_false_event)
        return dict(zip(TYPE_METRICS, values, strict=True))


def per_class(pairs: Sequence[tuple[str, str]]) -> tuple[tuple[ClassFigures, ...], float | None]:
    """Per-class figures over (gold, predicted) labels, and their support-weighted F1."""
    if not pairs:
        return (), None
    support = Counter(g for g, _ in pairs)
    out = []
    for label in sorted(set(support) | {p for _, p in pairs}):
        tp = sum(g == label and p == label for g, p in pairs)
        said = sum(p == label for _, p in pairs)
        precision = tp / said if said else 0.0
        recall = tp / support[label] if support[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out.append(ClassFigures(label, precision, recall, f1, support[label]))
    weighted = sum(c.f1 * c.support for c in out) / len(pairs)
    return tuple(out), weighted


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
