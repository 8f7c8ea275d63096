"""The gazetteer: GeoNames towns, first-level regions, airports, countries and curated places.

``Gazetteer.load()`` reads the compact cached table (see ``_geonames.py``), the curated
``data/places/places.tsv`` and the countries of the knowledge base, plus users' files
(``extra_files`` or the ``SITREP_KB`` setting: ``.tsv`` rows or YAML ``places:`` lists).
``resolve("Iraq's Kirkuk City", context_countries=["IRQ"])`` returns a ``records.Location``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, overload

from .._data import data_path
from ..records import Location
from ._curated import CuratedPlace, read_places
from ._geonames import Table, load_table
from ._names import apostrophe_variants, key
from .kb import KB_FILES, CountryRecord, kb_paths, load_country_records
from .places import Candidate, PlacePhrase, parse_place, precision, score, spelling_variants

_FAC_KINDS = frozenset(
    {
        "site",
        "base",
        "crossing",
        "camp",
        "airport",
        "landmark",
        "port",
        "prison",
        "embassy",
        "building",
    }
)


class Gazetteer:
    """Name -> place lookups with context-aware disambiguation; immutable after ``load``."""

    def __init__(
        self, table: Table, countries: dict[str, CountryRecord], curated: list[CuratedPlace]
    ) -> None:
        self._t = table
        self._curated = curated
        self._country_rows: dict[str, int] = {}
        self._largest = _largest_places(table)
        self._capitals: set[int] = set()
        for place in curated:
            table.add(
                place.name,
                place.country,
                place.admin1,
                place.lat,
                place.lon,
                0,
                None,
                place.kind,
                place.aliases,
            )
        for record in countries.values():
            self._add_country(record)

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> Gazetteer:
        curated = read_places(data_path("places", "places.tsv"))
        for path in kb_paths(extra_files)[len(KB_FILES) :]:
            curated += read_places(path)
        return cls(load_table(), load_country_records(extra_files), curated)

    def _add_country(self, record: CountryRecord) -> None:
        point = self._capital_point(record)
        if point is None:
            return
        row = self._t.add(
            record.name,
            record.iso3,
            None,
            point[0],
            point[1],
            0,
            None,
            "country",
            (*record.aliases, record.iso3),
        )
        self._country_rows[record.iso3] = row

    def _capital_point(self, record: CountryRecord) -> tuple[float, float] | None:
        rows = [
            r
            for r in self._t.rows(key(record.capital or ""))
            if self._t.country[r] == record.iso3 and self._t.feature[r] == "city"
        ]
        if not rows and record.iso3 in self._largest:
            rows = [self._largest[record.iso3]]
        if not rows:
            return None
        best = max(rows, key=lambda r: self._t.population[r])
        if self._t.feature[best] == "city" and record.capital:
            self._capitals.add(best)
        return self._t.lat[best], self._t.lon[best]

    def resolve(
        self,
        name: str,
        *,
        context_countries: Sequence[str] = (),
        near: bool = False,
        start: int | None = None,
        end: int | None = None,
    ) -> Location | None:
        """The place ``name`` most likely refers to, or None when nothing matches."""
        phrase = parse_place(name)
        context = list(context_countries)
        constraint, parent = self._prefix(phrase, context)
        for query, part in phrase.queries:
            row = self._best(query, phrase, context, constraint, parent)
            if row is not None:
                phrase.part = part
                if context and self._t.country[row] not in context:  # "Taji": Iraq, not Japan
                    row = self._respelled(phrase, context, context[0], parent, row)
                return self._location(row, phrase, near, name, start, end)
        row = self._respelled(phrase, context, constraint, parent)
        if row is not None:
            return self._location(row, phrase, near, name, start, end)
        if parent is not None:
            return self._location(parent, phrase, True, name, start, end)
        return None

    @overload
    def _respelled(
        self,
        phrase: PlacePhrase,
        context: list[str],
        constraint: str | None,
        parent: int | None,
        fallback: int,
    ) -> int: ...

    @overload
    def _respelled(
        self,
        phrase: PlacePhrase,
        context: list[str],
        constraint: str | None,
        parent: int | None,
        fallback: None = None,
    ) -> int | None: ...

    def _respelled(
        self,
        phrase: PlacePhrase,
        context: list[str],
        constraint: str | None,
        parent: int | None,
        fallback: int | None = None,
    ) -> int | None:
        """The main query under other romanisations ("Makhmour", "Taji" -> "At Taji"); with a
        constraint, only a place in that country counts; else ``fallback``."""
        if not phrase.queries:
            return fallback
        for variant in spelling_variants(key(phrase.queries[0][0])):
            row = self._best(variant, phrase, context, constraint, parent)
            if row is not None and (constraint is None or self._t.country[row] == constraint):
                return row
        return fallback

    def _prefix(self, phrase: PlacePhrase, context: list[str]) -> tuple[str | None, int | None]:
        """A possessive prefix or a comma qualifier: a country constrains; a region
        constrains and is preferred as the admin1; a town constrains and anchors."""
        outer = phrase.prefix or phrase.qualifier
        if outer is None:
            return None, None
        row = self._best(outer, PlacePhrase(outer), context, None, None)
        if row is None:
            return None, None
        feature = self._t.feature[row]
        if feature == "admin1" and phrase.qualifier:
            phrase.qualifier_admin1 = key(self._t.admin1[row] or "")
        if feature in ("country", "admin1"):
            return self._t.country[row], None
        return self._t.country[row], row

    def _best(
        self,
        query: str,
        phrase: PlacePhrase,
        context: list[str],
        constraint: str | None,
        parent: int | None,
    ) -> int | None:
        query_key = key(query)
        rows = self._t.rows(query_key)
        if not rows:
            return None
        if constraint is not None:
            rows = tuple(r for r in rows if self._t.country[r] == constraint) or rows
        anchor = (self._t.lat[parent], self._t.lon[parent]) if parent is not None else None
        return max(rows, key=lambda r: score(self._candidate(r), query_key, phrase, context, anchor))

    def _candidate(self, row: int) -> Candidate:
        t = self._t
        return Candidate(
            row=row,
            name_key=key(t.name[row]),
            feature=t.feature[row],
            country=t.country[row],
            population=t.population[row],
            lat=t.lat[row],
            lon=t.lon[row],
            capital=row in self._capitals,
            admin1_key=key(t.admin1[row] or ""),
        )

    def _location(
        self,
        row: int,
        phrase: PlacePhrase,
        near: bool,
        text: str,
        start: int | None,
        end: int | None,
    ) -> Location:
        t = self._t
        feature = t.feature[row]
        admin1 = t.admin1[row] if feature != "country" else None
        return Location(
            name=t.name[row],
            country=t.country[row],
            admin1=admin1,
            lat=round(t.lat[row], 5),
            lon=round(t.lon[row], 5),
            geo_precision=precision(feature, phrase, near),
            geonameid=t.geonameid[row],
            text=text,
            start=start,
            end=end,
            feature=feature,
        )

    def country(self, iso3_or_name: str) -> Location | None:
        """A country as a place: the point of its capital, geo_precision 3."""
        row = self._country_rows.get(iso3_or_name.strip().upper())
        if row is None:
            rows = [r for r in self._t.rows(key(iso3_or_name)) if self._t.feature[r] == "country"]
            row = rows[0] if rows else None
        if row is None:
            return None
        return self._location(row, PlacePhrase(iso3_or_name), False, iso3_or_name, None, None)

    def entity_ruler_patterns(self) -> list[dict[str, Any]]:
        """Phrase patterns for curated places and first-level regions (not all GeoNames towns)."""
        patterns: list[dict[str, Any]] = []
        seen: set[str] = set()
        for place in self._curated:
            label = (
                "FAC" if place.kind in _FAC_KINDS else "LOC" if place.kind in ("region", "area") else "GPE"
            )
            for name in (place.name, *place.aliases):
                _pattern(patterns, seen, label, name, place.name)
        for row, feature in enumerate(self._t.feature):
            if feature == "admin1" and " " in self._t.name[row]:
                _pattern(patterns, seen, "GPE", self._t.name[row], self._t.name[row])
        return patterns


def _pattern(patterns: list[dict[str, Any]], seen: set[str], label: str, text: str, ident: str) -> None:
    for variant in apostrophe_variants(text):
        if len(variant) > 2 and variant[0].isupper() and variant not in seen:
            seen.add(variant)
            patterns.append({"label": label, "pattern": variant, "id": ident})


def _largest_places(table: Table) -> dict[str, int]:
    """Each country's most populous town (where a country has no capital to stand for it)."""
    best: dict[str, int] = {}
    for row, (country, feature) in enumerate(zip(table.country, table.feature, strict=True)):
        if feature == "city" and (
            country not in best or table.population[row] > table.population[best[country]]
        ):
            best[country] = row
    return best
