"""Document-level typing figures: per-class F1, confusion, root found, false events."""

from __future__ import annotations

from sitrep.evaluate.typing import per_class


def test_per_class_and_weighted_f1_by_hand() -> None:
    pairs = [("Attack", "Attack"), ("Attack", "Armed clash"), ("Armed clash", "Armed clash"),
             ("Air/drone strike", "none")]
    classes, weighted = per_class(pairs)
    by = {c.label: c for c in classes}
    assert by["Attack"].precision == 1.0 and by["Attack"].recall == 0.5
    assert by["Armed clash"].precision == 0.5 and by["Armed clash"].recall == 1.0
    assert by["Air/drone strike"].f1 == 0.0 and by["none"].support == 0
    # (2/3 * 2 + 2/3 * 1 + 0 * 1) / 4
    assert weighted is not None and abs(weighted - 0.5) < 1e-9
    assert per_class([]) == ((), None)
