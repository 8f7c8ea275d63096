"""Keeping the incident layer of a store up to date as documents come and go.

Within the store's write transaction, ``update`` files the new events' reports under
``(country, date bucket)`` keys, compares each new report only with the reports that share one
of its keys (never the whole store), records the compatible pairs, and re-clusters just the
connected parts of the pair graph that the new reports touch. ``forget`` does the reverse for
documents about to be replaced. Because each part is re-clustered from its full pair set, the
incidents depend only on which documents are stored.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from ..records import Document, Event
from . import grouping, links, match
from .report import Report, from_event
from .rules import Rules

Insert = Callable[[str, list[dict[str, Any]]], None]
_REPORT_FIELDS = tuple(f.name for f in dataclasses.fields(Report))


def update(con: duckdb.DuckDBPyConnection, insert: Insert,
           items: Sequence[tuple[Document, Sequence[Event]]], rules: Rules) -> None:
    """File the events of newly stored documents into incidents, and store their links."""
    reports = [r for _, events in items for e in events if (r := from_event(e, rules))]
    insert("event_links", [dataclasses.asdict(link) for doc, events in items
                           for link in links.find_links(doc.text, events, rules)])
    if not reports:
        return
    insert("incident_reports", [dataclasses.asdict(r) for r in reports])
    keys = [{"country": r.country, "bucket": b, "event_id": r.event_id}
            for r in reports for b in buckets(r, rules)]
    insert("incident_keys", keys)
    pairs = _new_pairs(con, reports, keys, rules)
    # both directions, so that a component is reached by one indexed join per step
    insert("incident_pairs", [{"a": x, "b": y, "score": s} for a, b, s in pairs
                              for x, y in ((a, b), (b, a))])
    recluster(con, insert, {r.event_id for r in reports}, rules)


def buckets(report: Report, rules: Rules) -> range:
    """The date buckets (days since 1970 // bucket_days) a report's date range covers."""
    size = rules.bucket_days
    first = (report.earliest - date(1970, 1, 1)).days // size
    last = (report.latest - date(1970, 1, 1)).days // size
    return range(first, last + 1)


def _new_pairs(con: duckdb.DuckDBPyConnection, reports: Sequence[Report],
               keys: list[dict[str, Any]], rules: Rules) -> list[tuple[str, str, float]]:
    """Compatible pairs between the new reports and every report sharing a key with them."""
    low = min(k["bucket"] for k in keys)
    high = max(k["bucket"] for k in keys)
    con.register("_sitrep_new_keys", pa.Table.from_pylist(keys))
    try:
        rows = con.execute(
            "SELECT DISTINCT n.event_id, k.event_id FROM _sitrep_new_keys n "
            "JOIN incident_keys k ON k.bucket = n.bucket AND (k.country = n.country "
            "OR k.country = '' OR n.country = '') "
            "WHERE k.bucket BETWEEN ? AND ? AND k.event_id <> n.event_id",
            [low, high]).fetchall()
    finally:
        con.unregister("_sitrep_new_keys")
    known = {r.event_id: r for r in reports}
    known.update(load_reports(con, {b for _, b in rows} - set(known)))
    pairs: dict[tuple[str, str], float] = {}
    for a, b in rows:
        key = (min(a, b), max(a, b))
        if key not in pairs and (s := match.score(known[a], known[b], rules)) is not None:
            pairs[key] = s
    return sorted((a, b, s) for (a, b), s in pairs.items())


def load_reports(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, Report]:
    wanted = sorted(ids)
    if not wanted:
        return {}
    cols = ", ".join(f'r."{c}"' for c in _REPORT_FIELDS)
    rows = con.execute(f"SELECT {cols} FROM incident_reports r JOIN "
                       "(SELECT unnest(?::VARCHAR[]) AS id) s ON r.event_id = s.id",
                       [wanted]).fetchall()
    return {row[0]: Report(*row) for row in rows}


def recluster(con: duckdb.DuckDBPyConnection, insert: Insert, seeds: set[str],
              rules: Rules) -> None:
    """Re-cluster the connected parts of the pair graph that hold ``seeds``."""
    nodes, edges = _component(con, seeds)
    reports = load_reports(con, nodes)
    if not reports:
        return
    groups = grouping.cluster({e: match.Group.of(r, rules) for e, r in reports.items()},
                              edges)
    con.execute("DELETE FROM incident_members WHERE list_contains(?, event_id)", [sorted(nodes)])
    insert("incident_members", [{"event_id": e, "incident_id": grouping.incident_id(g)}
                                for g in groups for e in g])


def _component(con: duckdb.DuckDBPyConnection, seeds: set[str]
               ) -> tuple[set[str], list[tuple[str, str, float]]]:
    """Every report connected to ``seeds`` through compatible pairs, and those pairs."""
    rows = con.execute(
        "WITH RECURSIVE reach(id) AS (SELECT unnest(?::VARCHAR[]) UNION "
        "SELECT p.b FROM incident_pairs p JOIN reach r ON p.a = r.id) "
        "SELECT p.a, p.b, p.score, r.id FROM reach r "
        "LEFT JOIN incident_pairs p ON p.a = r.id AND p.a < p.b", [sorted(seeds)]).fetchall()
    nodes = {row[3] for row in rows}
    edges = sorted((a, b, s) for a, b, s, _ in rows if a is not None)
    return nodes, edges


def forget(con: duckdb.DuckDBPyConnection, insert: Insert, doc_ids: Sequence[str],
           rules: Rules) -> None:
    """Remove the incident rows of documents about to be deleted, re-clustering what they
    were joined to."""
    rows = con.execute("SELECT event_id FROM incident_reports WHERE list_contains(?, doc_id)",
                       [list(doc_ids)]).fetchall()
    gone = sorted(r[0] for r in rows)
    con.execute("DELETE FROM event_links WHERE list_contains(?, doc_id)", [list(doc_ids)])
    if not gone:
        return
    nodes, _ = _component(con, set(gone))
    for table, column in (("incident_keys", "event_id"), ("incident_members", "event_id"),
                          ("incident_reports", "event_id")):
        con.execute(f"DELETE FROM {table} WHERE list_contains(?, {column})", [gone])
    con.execute("DELETE FROM incident_pairs WHERE list_contains(?, a) OR list_contains(?, b)",
                [gone, gone])  # both directions
    recluster(con, insert, nodes - set(gone), rules)


TABLES = ("incident_reports", "incident_keys", "incident_pairs", "incident_members",
          "event_links")


def clear(con: duckdb.DuckDBPyConnection) -> None:
    """Remove every incident row and link (before ``update`` files every document again)."""
    for table in TABLES:
        con.execute(f"DELETE FROM {table}")
