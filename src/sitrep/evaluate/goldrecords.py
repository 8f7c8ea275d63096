"""Typed records of a loaded gold file (the format is docs/gold-format.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from .._data import read_text

T = TypeVar("T")
DEFAULT_MAX_KM = 25.0


@dataclass(frozen=True, slots=True)
class Labels:
    """The label vocabularies gold values are checked against (``data/evaluate/labels.yaml``)."""

    acled: Mapping[str, tuple[str, ...]]
    plover: frozenset[str]
    plover_legacy: Mapping[str, str]

    @classmethod
    def load(cls) -> Labels:
        import yaml

        raw = yaml.safe_load(read_text("evaluate", "labels.yaml"))
        return cls(
            acled={k: tuple(v) for k, v in raw["acled"].items()},
            plover=frozenset(raw["plover"]),
            plover_legacy=dict(raw["plover_legacy"]),
        )

    @property
    def acled_sub_types(self) -> frozenset[str]:
        return frozenset(s for subs in self.acled.values() for s in subs)


@dataclass(frozen=True, slots=True)
class Choice(Generic[T]):
    """An expected value plus tolerated alternatives; ``values[0]`` is the expected one."""

    values: tuple[T, ...]

    @property
    def expected(self) -> T:
        return self.values[0]


@dataclass(frozen=True, slots=True)
class GoldActor:
    """A gold actor. A ``None`` tuple means that sub-field is not scored."""

    names: tuple[str, ...] | None = None
    countries: tuple[str | None, ...] | None = None
    types: tuple[str, ...] | None = None
    inferred: bool | None = None

    @property
    def name(self) -> str | None:
        return self.names[0] if self.names else None


@dataclass(frozen=True, slots=True)
class GoldLocation:
    """A gold place. ``countries``/``admin1s`` of ``None`` mean not scored."""

    name: str | None = None
    countries: tuple[str | None, ...] | None = None
    admin1s: tuple[str, ...] | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    max_km: float = DEFAULT_MAX_KM

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldDates:
    """Accepted days (``None`` = must be undated) and an optional range."""

    days: tuple[date | None, ...]
    earliest: date | None = None
    latest: date | None = None

    @property
    def has_range(self) -> bool:
        return self.earliest is not None or self.latest is not None

    @property
    def dated(self) -> bool:
        """True when the gold event has a day or a range the prediction must fall in."""
        return self.has_range or any(d is not None for d in self.days)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event; a field of ``None`` is absent in the file and is not scored."""

    id: str
    line: int
    trigger: str | None = None
    acled_event_type: Choice[str | None] | None = None
    acled_sub_event_type: Choice[str | None] | None = None
    cameo: Choice[str] | None = None
    plover: Choice[str | None] | None = None
    plover_mode: Choice[str | None] | None = None
    modality: Choice[str | None] | None = None
    dates: GoldDates | None = None
    location: Choice[GoldLocation | None] | None = None
    actor1: Choice[GoldActor | None] | None = None
    actor2: Choice[GoldActor | None] | None = None
    victims: tuple[GoldActor, ...] | None = None
    fatalities: Choice[int | None] | None = None
    injured: Choice[int | None] | None = None
    main: bool | None = None
    background: bool | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold document. ``exhaustive`` false: unmatched predictions are not false positives."""

    id: str
    line: int
    text: str
    published: date | None
    events: tuple[GoldEvent, ...]
    exhaustive: bool = True
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldSet:
    """A loaded gold file."""

    path: Path
    docs: tuple[GoldDoc, ...]

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def n_events(self) -> int:
        return sum(len(d.events) for d in self.docs)
