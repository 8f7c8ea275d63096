"""CI gate: sitrep's figures on the gold sets must not drop below their pinned floors.

Every ``tests/gold/*.jsonl`` listed in ``tests/gold/floors.yaml`` is coded by sitrep and
scored; a figure fails when it is below ``floor - tolerance`` (see docs/evaluate.md). Files the
floors file does not list are only validated, not gated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.evaluate import Floors, evaluate, load_gold

GOLD = Path(__file__).resolve().parent / "gold"
FLOORS = GOLD / "floors.yaml"


def _gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.jsonl"))


def _gated_files() -> list[Path]:
    pinned = Floors.load(FLOORS).files
    return [path for path in _gold_files() if path.name in pinned]


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.name)
def test_gold_file_is_valid(path: Path) -> None:
    assert load_gold(path).docs


def test_every_pinned_file_exists() -> None:
    missing = set(Floors.load(FLOORS).files) - {p.name for p in _gold_files()}
    assert not missing, f"floors.yaml pins files that are not in tests/gold: {missing}"


@pytest.mark.slow
@pytest.mark.parametrize("path", _gated_files(), ids=lambda p: p.name)
def test_gold_floors(path: Path) -> None:
    floors = Floors.load(FLOORS)
    report = evaluate(path)
    failures = floors.check(report)
    assert not failures, "\n".join(failures)
