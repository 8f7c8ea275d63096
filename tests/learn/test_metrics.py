"""Candidate-level scores of the event model, by hand."""

from __future__ import annotations

from sitrep.learn.metrics import score


def test_detection_and_typing_figures() -> None:
    gold = ["Attack", "Attack", "none", "R:04", "background"]
    pred = ["Attack", "Armed clash", "Attack", "none", "background"]
    s = score(gold, pred)
    assert s.n == 5 and s.accuracy == 2 / 5
    assert s.detect_precision == 2 / 3  # three called events, two of them events
    assert s.detect_recall == 2 / 3  # three events, two called events
    assert s.type_accuracy == 1 / 3  # one event with the right class
    assert {c.label for c in s.classes} >= {"Attack", "Armed clash", "R:04", "none", "background"}
