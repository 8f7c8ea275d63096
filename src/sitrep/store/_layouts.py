"""The export layouts: native (the event record), ACLED, GDELT 2.0 events and mentions.

A layout is a list of ``(column, SQL type)`` pairs and a function from an event (plus its
document) to one row, or to no row when the layout cannot hold the event. docs/store.md explains
every column.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from ..errors import E, SitrepError
from ..records import Actor, Event, Location
from ._acled import ACLED_COLUMNS, acled_row
from ._gdelt import GDELT_COLUMNS, MENTIONS_COLUMNS, gdelt_row, mention_rows
from ._lookups import Lookups, event_day
from .schema import EVENT_CHILD_FIELDS, record_columns

__all__ = ["ACLED_COLUMNS", "GDELT_COLUMNS", "LAYOUTS", "MENTIONS_COLUMNS", "Columns", "Lookups",
           "event_day", "layout", "native_columns"]

Row = dict[str, Any]
Doc = Mapping[str, Any]
Columns = list[tuple[str, str]]

def native_columns() -> Columns:
    """The event record flattened: scalars, trigger_*, actor1_*, actor2_*, location_*, ..."""
    cols = [(c.name, c.sql_type) for c in record_columns(Event, skip=EVENT_CHILD_FIELDS)]
    for prefix in ("actor1_", "actor2_"):
        cols += [(c.name, _flat_type(c.sql_type)) for c in record_columns(Actor, prefix)]
    cols += [(c.name, c.sql_type) for c in record_columns(Location, "location_")]
    cols += [("victims", "VARCHAR"), ("mentions", "VARCHAR"), ("doc_title", "VARCHAR"),
             ("doc_url", "VARCHAR"), ("doc_published", "DATE")]
    return cols


def _flat_type(sql_type: str) -> str:
    return "VARCHAR" if sql_type.endswith("[]") else sql_type


def native_row(event: Event, doc: Doc) -> Row:
    row: Row = dict(event.to_dict())
    for key in (*EVENT_CHILD_FIELDS, "trigger"):
        row.pop(key)
    row.update({f"trigger_{k}": v for k, v in event.trigger.to_dict().items()})
    row.update({"event_date": event.event_date, "date_earliest": event.date_earliest,
                "date_latest": event.date_latest, "confidence": event.confidence})
    for prefix, actor in (("actor1_", event.actor1), ("actor2_", event.actor2)):
        row.update(_prefixed(prefix, _actor_fields(actor), [c for c, _ in native_columns()]))
    location = {c.name: None for c in record_columns(Location)}
    if event.location:
        location = {f: getattr(event.location, f) for f in location}
    row.update({f"location_{k}": v for k, v in location.items()})
    row["victims"] = json.dumps([v.to_dict() for v in event.victims], ensure_ascii=False)
    row["mentions"] = json.dumps([m.to_dict() for m in event.mentions], ensure_ascii=False)
    row.update({"doc_title": doc.get("title"), "doc_url": doc.get("url"),
                "doc_published": doc.get("published")})
    return row


def _actor_fields(actor: Actor | None) -> Row:
    if actor is None:
        return {c.name: None for c in record_columns(Actor)}
    fields = {c.name: getattr(actor, c.name) for c in record_columns(Actor)}
    fields["affiliations"] = "; ".join(actor.affiliations) or None
    return fields


def _prefixed(prefix: str, fields: Row, columns: list[str]) -> Row:
    return {prefix + k: v for k, v in fields.items() if prefix + k in columns}


LayoutFn = Callable[[Event, Doc, Lookups], Row | list[Row] | None]
LAYOUTS = ("native", "acled", "gdelt", "gdelt_mentions")


def layout(name: str) -> tuple[Columns, LayoutFn]:
    """Columns and row function of a layout by name; E412 for an unknown name."""
    if name == "native":
        return native_columns(), lambda event, doc, _look: native_row(event, doc)
    if name == "acled":
        return ACLED_COLUMNS, acled_row
    if name == "gdelt":
        return GDELT_COLUMNS, gdelt_row
    if name == "gdelt_mentions":
        return MENTIONS_COLUMNS, mention_rows
    raise SitrepError(E.E412, name="layout", value=name, choices=", ".join(LAYOUTS))
