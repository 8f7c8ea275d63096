"""The thresholds and phrase lists that decide incidents and links, read from package data.

They live in ``sitrep/data/incidents/rules.json`` (each key is described in its ``_about``);
``Rules.load()`` reads them once per call site (callers keep the instance they get).
"""

from __future__ import annotations

import json
import types
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from .._data import data_path, read_text
from ..errors import E, SitrepError

_PATH = ("incidents", "rules.json")


@dataclass(frozen=True, slots=True)
class Rules:
    """When two reports are one incident, and which words link two events."""

    families: Mapping[str, str]
    radius_km: Mapping[int, float | None]
    lag_days: Mapping[str, int]
    lead_days: Mapping[str, int]
    max_span_days: int
    date_slack_coarse_days: int
    fatality_ratio: float
    bucket_days: int
    day_conflict_days: int | None
    actor_conflict: bool
    links: Mapping[str, tuple[str, ...]]

    @staticmethod
    def load() -> Rules:
        return _load()

    def family(self, cameo: str | None) -> str:
        """Kind of event of a CAMEO code: the longest listed prefix's family, else its root."""
        code = cameo or ""
        for size in range(len(code), 0, -1):
            if code[:size] in self.families:
                return self.families[code[:size]]
        return code[:2] or "?"

    def radius(self, precision: int) -> float | None:
        """Largest distance (km) between two places of this (looser) precision; None: country."""
        return self.radius_km.get(max(1, min(3, precision)))


@cache
def _load() -> Rules:
    try:
        raw: dict[str, Any] = json.loads(read_text(*_PATH))
        return Rules(
            families=types.MappingProxyType(dict(raw["families"])),
            radius_km=types.MappingProxyType({int(k): v for k, v in raw["radius_km"].items()}),
            lag_days=types.MappingProxyType(dict(raw["lag_days"])),
            lead_days=types.MappingProxyType(dict(raw["lead_days"])),
            max_span_days=int(raw["max_span_days"]),
            date_slack_coarse_days=int(raw["date_slack_coarse_days"]),
            fatality_ratio=float(raw["fatality_ratio"]),
            bucket_days=int(raw["bucket_days"]),
            day_conflict_days=raw["day_conflict_days"],
            actor_conflict=bool(raw["actor_conflict"]),
            links=types.MappingProxyType({k: tuple(v) for k, v in raw["links"].items()}),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SitrepError(E.E009, path=data_path(*_PATH), cause=exc) from exc
