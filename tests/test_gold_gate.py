"""CI gate: sitrep's figures on the gold sets must not drop below their pinned floors.

Every ``tests/gold/*.jsonl`` listed in ``tests/gold/floors.yaml`` is validated (fast) and
coded by sitrep and scored (slow); a figure fails when it is below ``floor - tolerance`` (see
docs/evaluate.md). Files the floors file does not list are neither validated nor gated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.evaluate import Floors, evaluate, load_gold

GOLD = Path(__file__).resolve().parent / "gold"
FLOORS = GOLD / "floors.yaml"


def _gated_files() -> list[Path]:
    """Event gold files present in tests/gold that floors.yaml lists (other JSONL files there,
    such as component-level gold for actors or places, are not event gold)."""
    pinned = Floors.load(FLOORS).files
    return [path for path in sorted(GOLD.glob("*.jsonl")) if path.name in pinned]


@pytest.mark.parametrize("path", _gated_files(), ids=lambda p: p.name)
def test_gold_file_is_valid(path: Path) -> None:
    assert load_gold(path).docs


def test_every_pinned_file_exists() -> None:
    missing = {name for name in Floors.load(FLOORS).files if not (GOLD / name).exists()}
    assert not missing, f"floors.yaml pins files that are not in tests/gold: {missing}"


@pytest.mark.slow
@pytest.mark.parametrize("path", _gated_files(), ids=lambda p: p.name)
def test_gold_floors(path: Path) -> None:
    floors = Floors.load(FLOORS)
    report = evaluate(path)
    failures = floors.check(report)
    assert not failures, "\n".join(failures)
