"""The evaluation report: figures, a flat metric dict (what floors pin), JSON and a rich table."""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.console import Group
from rich.table import Table

from .score import FIELDS, Tally
from .typing import TypeScores


@dataclass(frozen=True, slots=True)
class FieldScore:
    """``correct`` of ``total`` matched pairs agree on one field."""

    correct: int
    total: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Report:
    """Scores of one gold file. ``metrics()`` gives the flat figures floors are pinned on."""

    name: str
    documents: int
    gold_events: int
    predicted_events: int
    tp: int
    fp: int
    fn: int
    fields: dict[str, FieldScore]
    km_errors: tuple[float, ...] = ()
    background_found: int = 0
    background_missed: int = 0
    ignored_predictions: dict[str, int] = field(default_factory=dict)
    miss_reasons: dict[str, int] = field(default_factory=dict)
    missing_documents: tuple[str, ...] = ()
    errors: tuple[dict[str, Any], ...] = ()
    by_tag: dict[str, dict[str, int]] = field(default_factory=dict)
    types: TypeScores = field(default_factory=TypeScores)
    main: dict[str, float | None] = field(default_factory=dict)
    main_n: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_tally(cls, name: str, tally: Tally,
                   missing_documents: Sequence[str] = ()) -> Report:
        return cls(
            name=name, documents=tally.documents, gold_events=tally.gold_events,
            predicted_events=tally.predicted_events, tp=tally.tp, fp=tally.fp, fn=tally.fn,
            fields={f: FieldScore(tally.correct[f], tally.total[f]) for f in FIELDS},
            km_errors=tuple(tally.km_errors), background_found=tally.background_found,
            background_missed=tally.background_missed,
            ignored_predictions=dict(tally.ignored_predictions),
            miss_reasons=dict(tally.miss_reasons),
            missing_documents=tuple(missing_documents), errors=tuple(tally.errors),
            by_tag={tag: {k: counts[k] for k in ("documents", "tp", "fp", "fn")}
                    for tag, counts in sorted(tally.by_tag.items())},
            types=TypeScores.from_tally(tally.types),
            main=tally.main.metrics(), main_n=tally.main.counts(),
        )

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def km_median(self) -> float | None:
        return statistics.median(self.km_errors) if self.km_errors else None

    def metrics(self) -> dict[str, float | None]:
        """Flat figures: ``events.precision|recall|f1``, one accuracy per field, km median."""
        result: dict[str, float | None] = {
            "events.precision": self.precision,
            "events.recall": self.recall,
            "events.f1": self.f1,
        }
        result.update({name: score.accuracy for name, score in self.fields.items()})
        result["place_km_median"] = self.km_median
        result.update(self.types.metrics())
        result.update(self.main)
        return result

    def to_dict(self, with_errors: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "gold": self.name,
            "documents": self.documents,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "events": {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                       "precision": self.precision, "recall": self.recall, "f1": self.f1},
            "fields": {name: {"correct": s.correct, "total": s.total, "accuracy": s.accuracy}
                       for name, s in self.fields.items()},
            "place_km": {"median": self.km_median, "n": len(self.km_errors)},
            "background": {"found": self.background_found, "missed": self.background_missed},
            "ignored_predictions": self.ignored_predictions,
            "miss_reasons": self.miss_reasons,
            "missing_documents": list(self.missing_documents),
            "by_tag": {tag: {**c, "precision": _ratio(c["tp"], c["tp"] + c["fp"]),
                             "recall": _ratio(c["tp"], c["tp"] + c["fn"])}
                       for tag, c in self.by_tag.items()},
            "metrics": self.metrics(),
            "types": {
                "main_acled": [{"label": c.label, "precision": c.precision, "recall": c.recall,
                                "f1": c.f1, "support": c.support} for c in self.types.main_acled],
                "acled_n": self.types.acled_n, "plover_n": self.types.plover_n,
                "empty_documents": self.types.empty_docs,
                "confusion": self.types.confusion,
            },
        }
        if with_errors:
            data["errors"] = list(self.errors)
        return data


def reports_json(reports: Sequence[Report], with_errors: bool = True) -> str:
    """All reports as one JSON document: ``{"reports": [...]}``."""
    return json.dumps({"reports": [r.to_dict(with_errors) for r in reports]}, indent=2,
                      ensure_ascii=False, default=str)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def render_tag_table(report: Report) -> Table:
    """Event precision and recall per gold document tag (what each item exercises)."""
    table = Table(title=f"{report.name}: events by tag", title_justify="left")
    for column in ("tag", "docs", "tp", "fp", "fn", "precision", "recall"):
        table.add_column(column, justify="left" if column == "tag" else "right")
    for tag, c in report.by_tag.items():
        table.add_row(tag, str(c["documents"]), str(c["tp"]), str(c["fp"]), str(c["fn"]),
                      _fmt(_ratio(c["tp"], c["tp"] + c["fp"])),
                      _fmt(_ratio(c["tp"], c["tp"] + c["fn"])))
    return table


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def render_tables(reports: Sequence[Report]) -> Group:
    """A readable summary: one events table and one per-field table, a column per gold file."""
    events = Table(title="Events (one-to-one matching)", title_justify="left")
    fields = Table(title="Fields: accuracy over matched pairs (n)",
                   title_justify="left")
    events.add_column("figure")
    fields.add_column("field")
    for report in reports:
        events.add_column(report.name, justify="right")
        fields.add_column(report.name, justify="right")
    for label, getter in _EVENT_ROWS:
        events.add_row(label, *(getter(r) for r in reports))
    for name in FIELDS:
        if any(r.fields[name].total for r in reports):
            fields.add_row(name, *(_field_cell(r.fields[name]) for r in reports))
    fields.add_row("place_km_median", *(_km_cell(r) for r in reports))
    types = Table(title="Event typing, per document (n)", title_justify="left")
    types.add_column("figure")
    for report in reports:
        types.add_column(report.name, justify="right")
    for label, getter in _TYPE_ROWS:
        types.add_row(label, *(getter(r) for r in reports))
    for name, label in _MAIN_ROWS:
        types.add_row(label, *(_typed(r.main.get(name), r.main_n.get(name, 0)) for r in reports))
    return Group(events, fields, types)


def render_class_table(report: Report) -> Table:
    """Per-class precision, recall and F1 of the main event's ACLED sub-type."""
    table = Table(title=f"{report.name}: main event ACLED sub-type by class", title_justify="left")
    for column in ("class", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "class" else "right")
    for c in report.types.main_acled:
        table.add_row(c.label, _fmt(c.precision), _fmt(c.recall), _fmt(c.f1), str(c.support))
    return table


def render_confusion(report: Report) -> Table:
    """Gold main-event ACLED sub-type against the predicted one: each gold class with its count
    right and what it was taken for (``none``: no event predicted)."""
    table = Table(title=f"{report.name}: confusion of the main event's ACLED sub-type",
                  title_justify="left")
    for column in ("gold", "n", "right", "predicted instead"):
        table.add_column(column, justify="left" if column in {"gold", "predicted instead"}
                         else "right")
    for gold, row in sorted(report.types.confusion.items()):
        wrong = sorted(((p, n) for p, n in row.items() if p != gold), key=lambda pn: (-pn[1], pn[0]))
        table.add_row(gold, str(sum(row.values())), str(row.get(gold, 0)),
                      ", ".join(f"{p} {n}" for p, n in wrong))
    return table


def _typed(value: float | None, n: int) -> str:
    return "" if value is None else f"{value:.3f} ({n})"


def _field_cell(score: FieldScore) -> str:
    return "" if not score.total else f"{_fmt(score.accuracy)} ({score.total})"


def _km_cell(report: Report) -> str:
    median = report.km_median
    return "" if median is None else f"{median:.1f} km ({len(report.km_errors)})"


def _reasons(report: Report) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(report.miss_reasons.items())) or "—"


_TYPE_ROWS = (
    ("main ACLED sub-type, weighted F1", lambda r: _typed(r.types.acled_weighted_f1, r.types.acled_n)),
    ("main PLOVER type right", lambda r: _typed(r.types.main_plover, r.types.plover_n)),
    ("CAMEO root found", lambda r: _typed(r.types.cameo_root_found, r.gold_events)),
    ("some event found", lambda r: _typed(r.types.event_found, r.documents - r.types.empty_docs)),
    ("no false event (no-event docs)", lambda r: _typed(r.types.no_false_event, r.types.empty_docs)),
)

_MAIN_ROWS = (
    ("main.type", "main event: type right (ACLED, else CAMEO root)"),
    ("main.country", "main event: country right"),
    ("main.place_50km", "main event: place within 50 km"),
    ("main.fatalities_exact", "main event: death toll exact"),
)

_EVENT_ROWS = (
    ("documents", lambda r: str(r.documents)),
    ("gold events", lambda r: str(r.gold_events)),
    ("predicted events", lambda r: str(r.predicted_events)),
    ("true positives", lambda r: str(r.tp)),
    ("false positives", lambda r: str(r.fp)),
    ("false negatives", lambda r: str(r.fn)),
    ("precision", lambda r: _fmt(r.precision)),
    ("recall", lambda r: _fmt(r.recall)),
    ("F1", lambda r: _fmt(r.f1)),
    ("missed because", _reasons),
    ("background found/missed", lambda r: f"{r.background_found}/{r.background_missed}"),
    ("not counted (bg / not exhaustive)",
     lambda r: f"{r.ignored_predictions.get('background', 0)}"
               f" / {r.ignored_predictions.get('not_exhaustive', 0)}"),
)
