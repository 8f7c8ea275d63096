"""Accuracy floors: the figures CI pins per gold file (``tests/gold/floors.yaml``).

A figure passes when ``value >= floor - tolerance``. Raising a floor is a one-line change;
lowering one needs an entry under ``reasons`` (file, metric, from, to, reason), which
:meth:`Floors.load` checks against the floors.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import E, SitrepError
from .mainevent import MAIN_METRICS
from .report import Report
from .score import FIELDS
from .typing import TYPE_METRICS

GATED_METRICS: frozenset[str] = frozenset(
    {"events.precision", "events.recall", "events.f1", *FIELDS, *TYPE_METRICS, *MAIN_METRICS}
)


@dataclass(frozen=True, slots=True)
class Lowered:
    """A documented lowering of one floor."""

    file: str
    metric: str
    old: float
    new: float
    reason: str


@dataclass(frozen=True, slots=True)
class Floors:
    """Floors per gold file name (e.g. ``"seed.jsonl"``) and metric, and the tolerance."""

    path: Path
    tolerance: float
    files: Mapping[str, Mapping[str, float]]
    reasons: tuple[Lowered, ...] = ()

    @classmethod
    def load(cls, path: str | Path) -> Floors:
        import yaml

        path = Path(path)
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise SitrepError(E.E507, path=path, cause=exc) from exc
        if not isinstance(raw, dict):
            raise SitrepError(E.E507, path=path, cause="the top level must be a mapping")
        floors = cls(path, _tolerance(raw, path), _files(raw.get("files"), path),
                     _reasons(raw.get("reasons") or [], path))
        floors._check_reasons()
        return floors

    def check(self, report: Report) -> list[str]:
        """Messages for each figure of ``report`` below its floor (empty: all pass)."""
        pinned = self.files.get(report.name, {})
        metrics = report.metrics()
        failures = []
        for metric, floor in sorted(pinned.items()):
            value = metrics.get(metric)
            if value is None and floor > 0:
                failures.append(f"{report.name}: {metric} was not measured (floor {floor:.3f})")
            elif value is not None and value < floor - self.tolerance:
                failures.append(f"{report.name}: {metric} = {value:.3f} is below its floor "
                                f"{floor:.3f} (tolerance {self.tolerance:.3f})")
        return failures

    def _check_reasons(self) -> None:
        for r in self.reasons:
            current = self.files.get(r.file, {}).get(r.metric)
            if current is None or abs(current - r.new) > 1e-9:
                raise SitrepError(E.E507, path=self.path, cause=f"reason for {r.file} "
                                  f"{r.metric} says the floor is now {r.new}, but it is {current}")
            if r.new >= r.old or not r.reason.strip():
                raise SitrepError(E.E507, path=self.path, cause=f"reason for {r.file} {r.metric} "
                                  "needs from > to and a written reason")


def _tolerance(raw: Mapping[str, Any], path: Path) -> float:
    value = raw.get("tolerance")
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 0.2:
        raise SitrepError(E.E507, path=path, cause=f"tolerance must be a number in [0, 0.2), "
                                                   f"got {value!r}")
    return float(value)


def _files(raw: Any, path: Path) -> dict[str, dict[str, float]]:
    if not isinstance(raw, dict):
        raise SitrepError(E.E507, path=path, cause="'files' must map gold file names to floors")
    result: dict[str, dict[str, float]] = {}
    for name, floors in raw.items():
        if not isinstance(floors, dict):
            raise SitrepError(E.E507, path=path, cause=f"floors of {name} must be a mapping")
        result[str(name)] = {m: _floor(name, m, v, path) for m, v in floors.items()}
    return result


def _floor(name: str, metric: Any, value: Any, path: Path) -> float:
    if metric not in GATED_METRICS:
        raise SitrepError(E.E507, path=path, cause=f"{name}: unknown metric {metric!r} (known: "
                                                   f"{', '.join(sorted(GATED_METRICS))})")
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise SitrepError(E.E507, path=path, cause=f"{name}: floor of {metric} must be in "
                                                   f"[0, 1], got {value!r}")
    return float(value)


def _reasons(raw: Any, path: Path) -> tuple[Lowered, ...]:
    if not isinstance(raw, list):
        raise SitrepError(E.E507, path=path, cause="'reasons' must be a list")
    result = []
    for entry in raw:
        try:
            result.append(Lowered(str(entry["file"]), str(entry["metric"]), float(entry["from"]),
                                  float(entry["to"]), str(entry["reason"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise SitrepError(E.E507, path=path, cause=f"reason entry {entry!r} needs file, "
                                                       f"metric, from, to, reason ({exc})") from exc
    return tuple(result)


def suggest_floors(reports: Sequence[Report], margin: float = 0.02,
                   min_pairs: int = 5) -> dict[str, dict[str, float]]:
    """Floors from current figures: each gated figure minus ``margin``, rounded down to 0.01.

    Field accuracies measured on fewer than ``min_pairs`` pairs are left out.
    """
    result: dict[str, dict[str, float]] = {}
    for report in reports:
        floors = {}
        for metric, value in report.metrics().items():
            if metric not in GATED_METRICS or value is None:
                continue
            field = report.fields.get(metric)
            if field is not None and field.total < min_pairs:
                continue
            floors[metric] = max(0.0, math.floor((value - margin) * 100 + 1e-9) / 100)
        result[report.name] = floors
    return result
