"""Scoring the event model on labelled candidates: accuracy, per-class and detection figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..evaluate.typing import ClassFigures, per_class
from .instances import Instance
from .labels import BACKGROUND, NONE
from .model import EventModel


@dataclass(frozen=True)
class ModelScore:
    """How a model labels a set of candidates."""

    n: int
    accuracy: float
    weighted_f1: float
    macro_f1: float
    detect_precision: float  # candidates called events that are events
    detect_recall: float  # events called events
    type_accuracy: float  # events called events, with the right label
    classes: tuple[ClassFigures, ...]


def predict(model: EventModel, data: Sequence[Instance]) -> list[str]:
    out = []
    for inst in data:
        probs = model.predict_proba(inst.features)
        out.append(max(probs, key=lambda k: probs[k]))
    return out


def score(gold: Sequence[str], pred: Sequence[str]) -> ModelScore:
    classes, weighted_f1 = per_class(list(zip(gold, pred, strict=True)))
    weighted = weighted_f1 or 0.0
    total = len(gold) or 1
    present = [c for c in classes if c.support]
    macro = sum(c.f1 for c in present) / (len(present) or 1)
    is_event = [g not in {NONE, BACKGROUND} for g in gold]
    said = [p not in {NONE, BACKGROUND} for p in pred]
    hits = sum(a and b for a, b in zip(is_event, said, strict=True))
    right = sum(a and g == p for a, g, p in zip(is_event, gold, pred, strict=True))
    return ModelScore(
        len(gold), sum(g == p for g, p in zip(gold, pred, strict=True)) / total, weighted, macro,
        hits / (sum(said) or 1), hits / (sum(is_event) or 1), right / (sum(is_event) or 1), classes)
