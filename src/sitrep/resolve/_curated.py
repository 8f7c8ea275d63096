"""Reading curated place files: the built-in places.tsv and users' TSV or YAML additions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import E, SitrepError
from ._yaml import LINE, items, read_yaml

COLUMNS = ("name", "aliases", "kind", "country", "admin1", "lat", "lon", "source")
PRECISION = {"region": 3, "area": 2}
KINDS = frozenset(
    {
        "site",
        "district",
        "neighbourhood",
        "base",
        "crossing",
        "camp",
        "airport",
        "landmark",
        "city",
        "town",
        "village",
        "region",
        "area",
        "port",
        "prison",
        "embassy",
        "building",
    }
)


@dataclass(frozen=True, slots=True)
class CuratedPlace:
    """One curated place; ``precision`` is its geo_precision when named on its own."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    source: str

    @property
    def precision(self) -> int:
        return PRECISION.get(self.kind, 1)


def read_places(path: Path) -> list[CuratedPlace]:
    """Places from a ``.tsv`` (columns COLUMNS) or a YAML file with a ``places:`` list."""
    if path.suffix.lower() in (".yaml", ".yml"):
        data = read_yaml(path)
        return [_place(item, path, item.get(LINE, 0)) for item in items(data, "places", path)]
    return _read_tsv(path)


def _read_tsv(path: Path) -> list[CuratedPlace]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SitrepError(E.E300, path=path, cause=exc) from exc
    places = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        cols = line.split("\t")
        if len(cols) != len(COLUMNS):
            raise SitrepError(
                E.E305,
                path=path,
                line=number,
                field="columns",
                cause=f"has {len(cols)} tab-separated columns, expected "
                f"{len(COLUMNS)} ({', '.join(COLUMNS)})",
            )
        row: dict[str, Any] = dict(zip(COLUMNS, cols, strict=True))
        row["aliases"] = [a for a in row["aliases"].split("|") if a]
        places.append(_place(row, path, number))
    return places


def _place(row: dict[str, Any], path: Path, line: int) -> CuratedPlace:
    def fail(name: str, cause: str) -> SitrepError:
        return SitrepError(E.E305, path=path, line=line, field=name, cause=cause)

    for name in ("name", "kind", "country", "source"):
        if not isinstance(row.get(name), str) or not row[name].strip():
            raise fail(name, "is missing or empty")
    if row["kind"] not in KINDS:
        raise fail("kind", f"is {row['kind']!r}; use one of {', '.join(sorted(KINDS))}")
    if len(row["country"]) != 3 or not row["country"].isupper():
        raise fail("country", f"must be an ISO3 code such as IRQ, got {row['country']!r}")
    coords = []
    for name, limit in (("lat", 90.0), ("lon", 180.0)):
        try:
            value = float(row.get(name))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise fail(name, f"must be a number, got {row.get(name)!r}") from None
        if not -limit <= value <= limit:
            raise fail(name, f"must be between -{limit:g} and {limit:g}, got {value}")
        coords.append(value)
    aliases = row.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise fail("aliases", "must be a list of names")
    return CuratedPlace(
        name=row["name"].strip(),
        aliases=tuple(aliases),
        kind=row["kind"],
        country=row["country"],
        admin1=(row.get("admin1") or None),
        lat=coords[0],
        lon=coords[1],
        source=row["source"],
    )
