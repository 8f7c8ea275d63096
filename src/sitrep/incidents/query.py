"""Reading incidents, links and threads back from a store (SQL over the incident tables)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from ..store import query as event_query
from .links import Link
from .merge import Incident, merge

# One row per incident: its most precise member (narrowest date range, then place).
_REPRESENTATIVE = """
WITH m AS (
  SELECT im.incident_id, e.id, e.event_date, e.acled_event_type, e.plover, e.fatalities,
         p.country, d.published,
         coalesce(date_diff('day', e.date_earliest, e.date_latest), 999) AS span,
         coalesce(p.geo_precision, 9) AS prec
  FROM incident_members im JOIN events e ON e.id = im.event_id
  LEFT JOIN event_places p ON p.event_id = e.id
  LEFT JOIN documents d ON d.id = e.doc_id),
tolls AS (
  SELECT incident_id,
         arg_max(fatalities, coalesce(published, DATE '0001-01-01'))
           FILTER (WHERE fatalities IS NOT NULL) AS best
  FROM m GROUP BY incident_id)
SELECT m.*, tolls.best FROM m JOIN tolls USING (incident_id)
QUALIFY row_number() OVER (PARTITION BY m.incident_id ORDER BY span, prec, m.id) = 1
"""


@dataclass(slots=True)
class Thread:
    """Incidents joined by links, in date order, with the links between their events."""

    incidents: list[Incident] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"incidents": [i.to_dict() for i in self.incidents],
                "links": [k.to_dict() for k in self.links]}


def incident_of(con: duckdb.DuckDBPyConnection, ident: str) -> str | None:
    """The incident id for an incident id or an event id (None when neither is stored)."""
    row = con.execute("SELECT incident_id FROM incident_members WHERE incident_id = ? OR "
                      "event_id = ? LIMIT 1", [ident, ident]).fetchone()
    return str(row[0]) if row else None


def incidents_for(con: duckdb.DuckDBPyConnection, flt: event_query.EventFilter,
                  limit: int | None = None) -> list[Incident]:
    """Incidents with at least one report matching ``flt``, in date order."""
    unlimited = event_query.EventFilter(flt.conditions, flt.params, None)
    ids = event_query.select_ids(con, unlimited)
    rows = con.execute(
        "SELECT DISTINCT im.incident_id FROM incident_members im JOIN "
        "(SELECT unnest(?::VARCHAR[]) AS id) s ON im.event_id = s.id", [ids]).fetchall()
    found = load(con, [r[0] for r in rows])
    found.sort(key=lambda i: (i.event_date or date.max, i.id))
    return found[:limit] if limit is not None else found


def load(con: duckdb.DuckDBPyConnection, incident_ids: Sequence[str]) -> list[Incident]:
    """Incident records, merged from their stored reports."""
    if not incident_ids:
        return []
    rows = con.execute("SELECT im.incident_id, im.event_id FROM incident_members im JOIN "
                       "(SELECT unnest(?::VARCHAR[]) AS id) s ON im.incident_id = s.id "
                       "ORDER BY im.incident_id, im.event_id", [list(incident_ids)]).fetchall()
    members: dict[str, list[str]] = {}
    for incident_id, event_id in rows:
        members.setdefault(incident_id, []).append(event_id)
    events = {e.id: e for e in event_query.load_by_ids(con, [r[1] for r in rows])}
    docs = event_query.documents_for(con, list(events.values()))
    return [merge(i, [events[e] for e in members[i] if e in events], docs)
            for i in incident_ids if i in members]


def links(con: duckdb.DuckDBPyConnection, event_ids: Sequence[str] | None = None) -> list[Link]:
    """Stored links (those touching ``event_ids`` when given)."""
    cols = "from_id, to_id, relation, evidence, doc_id, start, \"end\""
    if event_ids is None:
        rows = con.execute(f"SELECT {cols} FROM event_links ORDER BY doc_id, start").fetchall()
    else:
        rows = con.execute(f"SELECT {cols} FROM event_links WHERE list_contains(?, from_id) "
                           "OR list_contains(?, to_id) ORDER BY doc_id, start",
                           [list(event_ids)] * 2).fetchall()
    return [Link(*row) for row in rows]


def chain(con: duckdb.DuckDBPyConnection, ident: str) -> Thread | None:
    """The thread an event or incident belongs to: every incident reachable through links
    (within articles, and across articles through the incidents their events belong to)."""
    start = incident_of(con, ident)
    if start is None:
        return None
    seen, frontier, found = {start}, [start], {}
    while frontier:
        members = [r[0] for r in con.execute(
            "SELECT event_id FROM incident_members WHERE list_contains(?, incident_id)",
            [frontier]).fetchall()]
        step = links(con, members)
        found.update({(k.from_id, k.to_id): k for k in step})
        ends = sorted({e for k in step for e in (k.from_id, k.to_id)})
        rows = con.execute("SELECT DISTINCT incident_id FROM incident_members WHERE "
                           "list_contains(?, event_id)", [ends]).fetchall()
        frontier = sorted({r[0] for r in rows} - seen)
        seen.update(frontier)
    incidents = load(con, sorted(seen))
    incidents.sort(key=lambda i: (i.event_date or date.max, i.id))
    return Thread(incidents, sorted(found.values(), key=lambda k: (k.doc_id, k.start)))


def stats(con: duckdb.DuckDBPyConnection) -> event_query.Stats:
    """The store's counts with each incident counted once (its most precise report's day,
    country and type; fatalities: the sum of the incidents' best estimates)."""
    base = event_query.stats(con)
    rows = event_query.fetch_dicts(con.execute(_REPRESENTATIVE))

    def grouped(key: str) -> list[tuple[Any, int]]:
        counts: dict[Any, int] = {}
        for row in rows:
            counts[row[key]] = counts.get(row[key], 0) + 1
        return sorted(counts.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))

    base.incidents = len(rows)
    base.counted = "incidents"
    base.fatalities = sum(row["best"] or 0 for row in rows)
    base.by_day, base.by_country = grouped("event_date"), grouped("country")
    base.by_type, base.by_plover = grouped("acled_event_type"), grouped("plover")
    return base
