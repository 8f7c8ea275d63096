"""Records <-> table rows: the one place that knows how an ``Event`` is laid out in tables."""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from ..ingest._base import IngestError
from ..records import Actor, Document, Event, Location, TextSpan
from .schema import EVENT_CHILD_FIELDS

R = TypeVar("R")
Row = dict[str, Any]


def flatten(record: Any, prefix: str = "", skip: Sequence[str] = ()) -> Row:
    """A record's scalar fields as a row; ``TextSpan`` fields become ``<name>_text`` etc."""
    row: Row = {}
    for f in dataclasses.fields(record):
        if f.name in skip:
            continue
        value = getattr(record, f.name)
        if isinstance(value, TextSpan):
            row.update(flatten(value, prefix=f"{prefix}{f.name}_"))
        elif isinstance(value, tuple):
            row[prefix + f.name] = list(value)
        else:
            row[prefix + f.name] = value
    return row


def unflatten(cls: type[R], row: Mapping[str, Any], prefix: str = "", **extra: Any) -> R:
    """The inverse of ``flatten`` (child-record fields are passed in ``extra``)."""
    key: Any = cls  # record classes are hashable; the caches key on them
    hints = _hints(key)
    values: dict[str, Any] = {}
    for f in _fields(key):
        if f.name in extra:
            values[f.name] = extra[f.name]
        elif hints[f.name] is TextSpan:
            values[f.name] = unflatten(TextSpan, row, prefix=f"{prefix}{f.name}_")
        elif f"{prefix}{f.name}" in row:
            values[f.name] = _value(row[f"{prefix}{f.name}"], hints[f.name])
    return cls(**values)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """A record class's resolved annotations (resolving them is slow: once per class)."""
    return typing.get_type_hints(cls)


@functools.cache
def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(cls)


def _value(value: Any, annotation: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, datetime) and annotation in (date, date | None):
        return value.date()
    return value


def document_row(doc: Document, n_events: int, now: datetime) -> Row:
    return {**flatten(doc), "n_events": n_events, "ingested_at": now}


def error_row(error: IngestError, now: datetime) -> Row:
    return {**flatten(error), "recorded_at": now}


def event_rows(event: Event) -> dict[str, list[Row]]:
    """Rows of one event for each table: events, event_actors, event_places, event_mentions."""
    rows: dict[str, list[Row]] = {
        "events": [flatten(event, skip=EVENT_CHILD_FIELDS)],
        "event_actors": [],
        "event_places": [],
        "event_mentions": [],
    }
    actors = [("actor1", 0, event.actor1), ("actor2", 0, event.actor2)]
    actors += [("victim", i, v) for i, v in enumerate(event.victims)]
    for role, idx, actor in actors:
        if actor is not None:
            rows["event_actors"].append({"event_id": event.id, "role": role, "idx": idx,
                                         **flatten(actor)})
    if event.location is not None:
        rows["event_places"].append({"event_id": event.id, **flatten(event.location)})
    for idx, span in enumerate(event.mentions):
        rows["event_mentions"].append({"event_id": event.id, "idx": idx, **flatten(span)})
    return rows


def event_from_rows(row: Row, actors: Sequence[Row], place: Row | None,
                    mentions: Sequence[Row]) -> Event:
    """An ``Event`` from its events row and its child rows."""
    by_role = {(a["role"], a["idx"]): unflatten(Actor, a) for a in actors}
    victims = [by_role[k] for k in sorted(k for k in by_role if k[0] == "victim")]
    return unflatten(
        Event, row,
        actor1=by_role.get(("actor1", 0)),
        actor2=by_role.get(("actor2", 0)),
        victims=victims,
        location=unflatten(Location, place) if place else None,
        mentions=[unflatten(TextSpan, m) for m in sorted(mentions, key=lambda m: m["idx"])],
    )


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """An ``Event`` from its ``to_dict()`` form (the native JSONL layout)."""
    flat = {k: v for k, v in data.items() if k not in EVENT_CHILD_FIELDS and k != "trigger"}
    for key in ("event_date", "date_earliest", "date_latest"):
        flat[key] = date.fromisoformat(flat[key]) if flat.get(key) else None
    flat.update({f"trigger_{k}": v for k, v in data["trigger"].items()})
    location = data.get("location")
    return unflatten(
        Event, flat,
        actor1=_actor(data.get("actor1")), actor2=_actor(data.get("actor2")),
        victims=[_actor(v) for v in data.get("victims") or []],
        location=unflatten(Location, location) if location else None,
        mentions=[unflatten(TextSpan, m) for m in data.get("mentions") or []],
    )


def _actor(data: Mapping[str, Any] | None) -> Actor | None:
    return unflatten(Actor, data) if data else None
