"""Gold files: loading and validation (the format is docs/gold-format.md).

Every problem is reported as a catalogue error naming the file, the line and the field, e.g.
``events[1].location.lat``. Values given as ``{"expected": V, "accept": [W, ...]}`` become a
:class:`Choice` whose first value is the expected one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import E, SitrepError
from . import _goldvalues as v
from ._goldvalues import Where, check_keys
from .goldrecords import (
    Choice,
    GoldActor,
    GoldDates,
    GoldDoc,
    GoldEvent,
    GoldLocation,
    GoldSet,
    Labels,
)

__all__ = ["Choice", "GoldActor", "GoldDates", "GoldDoc", "GoldEvent", "GoldLocation",
           "GoldSet", "Labels", "load_gold"]

DOC_KEYS = frozenset(
    {"id", "text", "published", "title", "url", "source", "licence", "tags", "events",
     "notes", "exhaustive"}
)
EVENT_KEYS = frozenset(
    {"id", "trigger", "cameo", "plover", "plover_mode", "acled_event_type",
     "acled_sub_event_type", "event_date", "date_earliest", "date_latest", "location",
     "actor1", "actor2", "victims", "fatalities", "injured", "modality", "main", "background",
     "summary", "notes", "note", "date_text", "fatalities_text", "tags"}
)
TYPE_KEYS = ("acled_event_type", "cameo", "plover")


def load_gold(path: str | Path, labels: Labels | None = None) -> GoldSet:
    """Read and validate a gold file; raises ``SitrepError`` (E500-E503, E509) on any problem."""
    path = Path(path)
    labels = labels or Labels.load()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SitrepError(E.E500, path=path, cause=exc) from exc
    docs: list[GoldDoc] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        doc = _parse_doc(_json_object(path, number, line), Where(path, number, labels))
        if doc.id in first_line:
            raise SitrepError(E.E503, path=path, line=number, id=doc.id, first=first_line[doc.id])
        first_line[doc.id] = number
        docs.append(doc)
    if not docs:
        raise SitrepError(E.E509, path=path)
    return GoldSet(path=path, docs=tuple(docs))


def _json_object(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SitrepError(E.E501, path=path, line=number, cause=exc) from exc
    if not isinstance(raw, dict):
        raise SitrepError(E.E501, path=path, line=number, cause=f"got {type(raw).__name__}")
    return raw


def _parse_doc(raw: dict[str, Any], where: Where) -> GoldDoc:
    check_keys(raw, DOC_KEYS, "", where)
    doc_id = raw.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise where.fail("id", "a non-empty string is required")
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise where.fail("text", "a non-empty string is required")
    events_raw = raw.get("events")
    if not isinstance(events_raw, list):
        raise where.fail("events", "a list of event objects is required (may be empty)")
    events = tuple(_parse_event(e, i, where) for i, e in enumerate(events_raw))
    _check_events(events, where)
    exhaustive = raw.get("exhaustive", True)
    if not isinstance(exhaustive, bool):
        raise where.fail("exhaustive", f"must be true or false, got {exhaustive!r}")
    tags = raw.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise where.fail("tags", "must be a list of strings")
    published = v.parse_date(raw.get("published"), "published", where, nullable=True)
    return GoldDoc(doc_id, where.line, text, published, events, exhaustive, tuple(tags))


def _check_events(events: tuple[GoldEvent, ...], where: Where) -> None:
    seen: set[str] = set()
    for event in events:
        if event.id in seen:
            raise where.fail("events", f"event id {event.id!r} is used twice in this document")
        seen.add(event.id)
    mains = [e.id for e in events if e.main]
    if len(mains) > 1:
        raise where.fail("events", f"only one event may have main: true, found {mains}")



def _parse_event(raw: Any, index: int, where: Where) -> GoldEvent:
    p = f"events[{index}]."
    if not isinstance(raw, dict):
        raise where.fail(p.rstrip("."), "an event must be a JSON object")
    check_keys(raw, EVENT_KEYS, p, where)
    if not any(raw.get(k) is not None for k in TYPE_KEYS):
        raise where.fail(p + "cameo", "give at least one of acled_event_type, cameo or plover")
    return GoldEvent(
        id=v.text(raw.get("id", f"e{index + 1}"), p + "id", where),
        line=where.line,
        trigger=v.opt_text(raw.get("trigger"), p + "trigger", where),
        acled_event_type=v.opt_choice(raw, "acled_event_type", p, where, v.acled_type),
        acled_sub_event_type=v.opt_choice(raw, "acled_sub_event_type", p, where, v.acled_sub),
        cameo=v.opt_choice(raw, "cameo", p, where, v.cameo),
        plover=v.opt_choice(raw, "plover", p, where, v.plover),
        plover_mode=v.opt_choice(raw, "plover_mode", p, where, v.nullable_text),
        modality=v.opt_choice(raw, "modality", p, where, v.modality),
        dates=v.parse_dates(raw, p, where),
        location=v.opt_choice(raw, "location", p, where, v.location),
        actor1=v.opt_choice(raw, "actor1", p, where, v.nullable_actor),
        actor2=v.opt_choice(raw, "actor2", p, where, v.nullable_actor),
        victims=v.victims(raw.get("victims"), p + "victims", where),
        fatalities=v.opt_choice(raw, "fatalities", p, where, v.count),
        injured=v.opt_choice(raw, "injured", p, where, v.count),
        main=v.opt_bool(raw.get("main"), p + "main", where),
        background=v.opt_bool(raw.get("background"), p + "background", where),
    )

