"""Measuring sitrep: gold files, one-to-one event matching, per-field scores, floors.

    from sitrep.evaluate import evaluate, load_gold
    report = evaluate("tests/gold/seed.jsonl")          # runs sitrep on the gold texts
    report = evaluate(gold, predictions={"doc-1": [event, ...]})
    report.metrics()["events.f1"]

The gold format is docs/gold-format.md; scoring rules are docs/evaluate.md.
"""

from __future__ import annotations

from .api import evaluate, predict
from .floors import Floors, suggest_floors
from .gold import GoldDoc, GoldEvent, GoldSet, Labels, load_gold
from .match import Matching, assign, match_events
from .predictions import event_from_dict, load_predictions, prediction_lines, write_predictions
from .report import (
    FieldScore,
    Report,
    render_class_table,
    render_confusion,
    render_tables,
    render_tag_table,
    reports_json,
)

__all__ = [
    "FieldScore",
    "Floors",
    "GoldDoc",
    "GoldEvent",
    "GoldSet",
    "Labels",
    "Matching",
    "Report",
    "assign",
    "evaluate",
    "event_from_dict",
    "load_gold",
    "load_predictions",
    "match_events",
    "predict",
    "prediction_lines",
    "render_class_table",
    "render_confusion",
    "render_tables",
    "render_tag_table",
    "reports_json",
    "suggest_floors",
    "write_predictions",
]
