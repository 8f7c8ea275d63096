"""Scoring the event model on labelled candidates: accuracy, per-class and detection figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .instances import Instance
from .labels import BACKGROUND, NONE
from .model import EventModel


@dataclass(frozen=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


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
    classes: tuple[ClassScore, ...]


def predict(model: EventModel, data: Sequence[Instance]) -> list[str]:
    out = []
    for inst in data:
        probs = model.predict_proba(inst.features)
        out.append(max(probs, key=lambda k: probs[k]))
    return out


def score(gold: Sequence[str], pred: Sequence[str]) -> ModelScore:
    labels = sorted(set(gold) | set(pred))
    classes = tuple(_class(label, gold, pred) for label in labels)
    support = Counter(gold)
    total = sum(support.values()) or 1
    weighted = sum(c.f1 * support[c.label] for c in classes) / total
    present = [c for c in classes if support[c.label]]
    macro = sum(c.f1 for c in present) / (len(present) or 1)
    is_event = [g not in {NONE, BACKGROUND} for g in gold]
    said = [p not in {NONE, BACKGROUND} for p in pred]
    hits = sum(a and b for a, b in zip(is_event, said, strict=True))
    right = sum(a and g == p for a, g, p in zip(is_event, gold, pred, strict=True))
    return ModelScore(
        len(gold), sum(g == p for g, p in zip(gold, pred, strict=True)) / total, weighted, macro,
        hits / (sum(said) or 1), hits / (sum(is_event) or 1), right / (sum(is_event) or 1), classes)


def _class(label: str, gold: Sequence[str], pred: Sequence[str]) -> ClassScore:
    tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
    fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
    fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClassScore(label, precision, recall, f1, tp + fn)
