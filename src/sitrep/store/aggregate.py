"""Filtered summaries of stored events, computed in SQL so that a caller (the web app's map and
timeline) never needs every row: counts and fatalities by period, country and type, and events
grouped into map grid cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import duckdb

from ..errors import E, SitrepError
from .query import EventFilter

Period = Literal["day", "week", "month"]
PERIODS: tuple[Period, ...] = ("day", "week", "month")
MAX_ZOOM = 18
MAX_CELLS = 5000  # a map never receives more markers than this
CELLS_PER_TILE = 8  # grid cells across one 256-pixel map tile: about 32 pixels each

# Fatalities are summed over events told as having happened, not over background tallies
# ("has killed 850 since April"), as in ``sitrep stats``.
_DEATHS = "coalesce(sum(e.fatalities) FILTER (WHERE NOT e.background), 0)"


@dataclass(slots=True)
class Summary:
    """Events and fatalities matching a filter, in total and by period, country and type."""

    events: int = 0
    fatalities: int = 0
    period: Period = "day"
    by_period: list[tuple[date | None, int, int]] = field(default_factory=list)
    by_country: list[tuple[str | None, int, int]] = field(default_factory=list)
    by_type: list[tuple[str | None, int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def rows(items: list[tuple[Any, int, int]]) -> list[list[Any]]:
            return [[k.isoformat() if isinstance(k, date) else k, n, d] for k, n, d in items]

        return {"events": self.events, "fatalities": self.fatalities, "period": self.period,
                "by_period": rows(self.by_period), "by_country": rows(self.by_country),
                "by_type": rows(self.by_type)}


@dataclass(frozen=True, slots=True)
class Cell:
    """Events whose place falls in one grid cell: their mean position, count, deaths, the
    commonest ACLED event type, and the event's id when the cell holds only one."""

    lat: float
    lon: float
    events: int
    fatalities: int
    type: str | None
    event_id: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"lat": round(self.lat, 5), "lon": round(self.lon, 5), "events": self.events,
                "fatalities": self.fatalities, "type": self.type, "event_id": self.event_id}


@dataclass(slots=True)
class Grid:
    """Map cells for a filter: ``total`` events matched, ``located`` of them with coordinates,
    cells of ``cell_deg`` degrees (at most ``MAX_CELLS``, the fullest first)."""

    total: int
    located: int
    cell_deg: float
    cells: list[Cell]
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "located": self.located, "cell_deg": self.cell_deg,
                "truncated": self.truncated, "cells": [c.to_dict() for c in self.cells]}


def summary(con: duckdb.DuckDBPyConnection, flt: EventFilter, period: str = "day") -> Summary:
    """Counts and fatalities of the events matching ``flt`` (its page aside), in one pass."""
    if period not in PERIODS:
        raise SitrepError(E.E416, name="period", value=period, cause=f"use one of {', '.join(PERIODS)}")
    bucket = "e.event_date" if period == "day" else f"date_trunc('{period}', e.event_date)::DATE"
    sql = f"""
        SELECT grouping(b, c, t) AS g, b, c, t, count(*) AS n, {_DEATHS} AS d
        FROM (SELECT e.*, {bucket} AS b, pl.country AS c, e.acled_event_type AS t
              FROM events e LEFT JOIN event_places pl ON pl.event_id = e.id {flt.where()}) e
        GROUP BY GROUPING SETS ((b), (c), (t), ())"""
    # grouping(b, c, t) is a bit mask of the columns *not* grouped: 3 = by b, 5 = by c, 6 = by t
    sets: dict[int, list[tuple[Any, int, int]]] = {3: [], 5: [], 6: [], 7: []}
    for g, b, c, t, n, d in con.execute(sql, list(flt.params)).fetchall():
        sets[int(g)].append(({3: b, 5: c, 6: t, 7: None}[int(g)], int(n), int(d)))
    total = sets[7][0] if sets[7] else (None, 0, 0)

    def ordered(rows: list[tuple[Any, int, int]]) -> list[tuple[Any, int, int]]:
        return sorted(rows, key=lambda r: (r[0] is None, r[0] if r[0] is not None else ""))

    return Summary(
        events=total[1], fatalities=total[2], period=period,  # checked against PERIODS above
        by_period=[r for r in ordered(sets[3]) if r[0] is not None],
        by_country=ordered(sets[5]), by_type=ordered(sets[6]),
    )


def cell_size(zoom: int) -> float:
    """Degrees of longitude per grid cell at a web-map zoom level (0: the whole world in one
    tile)."""
    if not isinstance(zoom, int) or isinstance(zoom, bool) or not 0 <= zoom <= MAX_ZOOM:
        raise SitrepError(E.E416, name="zoom", value=zoom, cause=f"use an integer 0-{MAX_ZOOM}")
    return 360.0 / (2 ** zoom) / CELLS_PER_TILE


def grid(con: duckdb.DuckDBPyConnection, flt: EventFilter, zoom: int = 2) -> Grid:
    """The events matching ``flt`` grouped into square cells sized for ``zoom``."""
    size = cell_size(zoom)
    params = list(flt.params)
    located = f"{flt.where() or 'WHERE TRUE'} AND p.lat IS NOT NULL AND p.lon IS NOT NULL"
    sql = f"""
        SELECT avg(p.lat), avg(p.lon), count(*) AS n, {_DEATHS},
               mode(e.acled_event_type), CASE WHEN count(*) = 1 THEN min(e.id) END
        FROM events e JOIN event_places p ON p.event_id = e.id {located}
        GROUP BY floor(p.lat / {size}), floor(p.lon / {size})
        ORDER BY n DESC, min(e.id) LIMIT {MAX_CELLS + 1}"""
    rows = con.execute(sql, params).fetchall()
    cells = [Cell(float(a), float(b), int(n), int(d), t, i) for a, b, n, d, t, i in rows]
    truncated = len(cells) > MAX_CELLS
    placed = sum(c.events for c in cells)
    if truncated:  # the cells left out hold events too: count them all
        row = con.execute(f"SELECT count(*) FROM events e JOIN event_places p ON "
                          f"p.event_id = e.id {located}", params).fetchone()
        placed = int(row[0]) if row else 0
    total = con.execute(f"SELECT count(*) FROM events e {flt.where()}", params).fetchone()
    return Grid(total=int(total[0]) if total else 0, located=placed, cell_deg=size,
                cells=cells[:MAX_CELLS], truncated=truncated)
