"""Predictions files: one JSON line per gold document, ``{"id": ..., "events": [...]}``.

Events are ``Event.to_dict()`` records; reading turns them back into :class:`~sitrep.records.Event`
so that the scorer only ever sees typed records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import E, SitrepError
from ..records import Actor, Event, Location, TextSpan
from .gold import GoldSet

Predictions = dict[str, list[Event]]


class _Bad(ValueError):
    """A field of one event record is wrong; carries the field path."""

    def __init__(self, field: str, cause: str) -> None:
        super().__init__(cause)
        self.field = field


def load_predictions(path: str | Path, gold: GoldSet) -> Predictions:
    """Read a predictions file; ids must be ids of ``gold``. Missing documents get no events."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SitrepError(E.E504, path=path, cause=exc) from exc
    known = {d.id for d in gold.docs}
    result: Predictions = {}
    for number, line in enumerate(lines, start=1):
        if line.strip():
            doc_id, events = _parse_line(path, number, line)
            _check_id(path, number, doc_id, known, result, gold)
            result[doc_id] = events
    return result


def _check_id(path: Path, number: int, doc_id: str, known: set[str], seen: Predictions,
              gold: GoldSet) -> None:
    if doc_id not in known:
        raise SitrepError(E.E506, path=path, line=number, id=doc_id,
                          cause="is not a document of the gold file", gold=gold.path)
    if doc_id in seen:
        raise SitrepError(E.E506, path=path, line=number, id=doc_id,
                          cause="appears twice", gold=gold.path)


def _parse_line(path: Path, number: int, line: str) -> tuple[str, list[Event]]:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SitrepError(E.E505, path=path, line=number, field="(line)",
                          cause=f"not JSON: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise SitrepError(E.E505, path=path, line=number, field="id",
                          cause="each line must be an object with a string id")
    events = raw.get("events")
    if not isinstance(events, list):
        raise SitrepError(E.E505, path=path, line=number, field="events",
                          cause="must be a list of event records")
    try:
        return raw["id"], [event_from_dict(e, raw["id"], i) for i, e in enumerate(events)]
    except _Bad as exc:
        raise SitrepError(E.E505, path=path, line=number, field=exc.field, cause=exc) from exc


def event_from_dict(raw: Any, doc_id: str = "", index: int = 0) -> Event:
    """Rebuild an :class:`Event` from its ``to_dict()`` record (missing keys take defaults)."""
    p = f"events[{index}]."
    if not isinstance(raw, dict):
        raise _Bad(p.rstrip("."), "an event record must be an object")
    cameo = raw.get("cameo")
    if not isinstance(cameo, str) or not cameo.isdigit():
        raise _Bad(p + "cameo", f"a CAMEO code string is required, got {cameo!r}")
    try:
        return _event(raw, cameo, doc_id, index, p)
    except _Bad:
        raise
    except (TypeError, ValueError) as exc:
        raise _Bad(p.rstrip("."), f"a value has the wrong type ({exc})") from exc


def _event(raw: dict[str, Any], cameo: str, doc_id: str, index: int, p: str) -> Event:
    return Event(
        id=str(raw.get("id") or f"{doc_id}:{index}"),
        doc_id=str(raw.get("doc_id") or doc_id),
        trigger=_span(raw.get("trigger"), p + "trigger"),
        sentence=str(raw.get("sentence") or ""),
        cameo=cameo,
        cameo_root=str(raw.get("cameo_root") or cameo[:2]),
        quad_class=int(raw.get("quad_class") or 0),
        goldstein=float(raw.get("goldstein") or 0.0),
        main=bool(raw.get("main", False)),
        background=bool(raw.get("background", False)),
        confidence=float(raw.get("confidence") or 0.5),
        event_date=_day(raw.get("event_date"), p + "event_date"),
        date_earliest=_day(raw.get("date_earliest"), p + "date_earliest"),
        date_latest=_day(raw.get("date_latest"), p + "date_latest"),
        date_precision=raw.get("date_precision"),
        date_text=raw.get("date_text"),
        plover=raw.get("plover"),
        plover_mode=raw.get("plover_mode"),
        acled_event_type=raw.get("acled_event_type"),
        acled_sub_event_type=raw.get("acled_sub_event_type"),
        actor1=_actor(raw.get("actor1"), p + "actor1"),
        actor2=_actor(raw.get("actor2"), p + "actor2"),
        victims=[a for i, v in enumerate(raw.get("victims") or [])
                 if (a := _actor(v, f"{p}victims[{i}]")) is not None],
        location=_location(raw.get("location"), p + "location"),
        fatalities=_int(raw.get("fatalities"), p + "fatalities"),
        fatalities_text=raw.get("fatalities_text"),
        injured=_int(raw.get("injured"), p + "injured"),
        modality=raw.get("modality") or "asserted",
    )


def _span(raw: Any, field: str) -> TextSpan:
    if raw is None:
        return TextSpan("", 0, 0)
    if not isinstance(raw, dict):
        raise _Bad(field, "must be an object {text, start, end}")
    return TextSpan(str(raw.get("text") or ""), int(raw.get("start") or 0),
                    int(raw.get("end") or 0))


def _day(raw: Any, field: str) -> date | None:
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise _Bad(field, f"must be 'YYYY-MM-DD' or null, got {raw!r}") from None


def _int(raw: Any, field: str) -> int | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _Bad(field, f"must be an integer or null, got {raw!r}")
    return raw


def _actor(raw: Any, field: str) -> Actor | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise _Bad(field, "an actor must be an object with a string name")
    return Actor(name=raw["name"], country=raw.get("country"), type=raw.get("type") or "other",
                 code=raw.get("code"), text=raw.get("text"), inferred=bool(raw.get("inferred")))


def _location(raw: Any, field: str) -> Location | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise _Bad(field, "a location must be an object")
    try:
        lat = None if raw.get("lat") is None else float(raw["lat"])
        lon = None if raw.get("lon") is None else float(raw["lon"])
    except (TypeError, ValueError):
        raise _Bad(field + ".lat", "lat and lon must be numbers or null") from None
    return Location(name=str(raw.get("name") or ""), country=raw.get("country"),
                    admin1=raw.get("admin1"), lat=lat, lon=lon,
                    geo_precision=int(raw.get("geo_precision") or 3),
                    geonameid=raw.get("geonameid"), text=raw.get("text"))


def prediction_lines(gold: GoldSet, predictions: Mapping[str, Sequence[Event]]) -> Iterator[str]:
    """The predictions file's lines (without newlines), in gold document order."""
    for doc in gold.docs:
        events = predictions.get(doc.id, [])
        yield json.dumps({"id": doc.id, "events": [e.to_dict() for e in events]},
                         ensure_ascii=False)


def write_predictions(path: str | Path, lines: Iterable[str]) -> None:
    """Write predictions lines to ``path`` (UTF-8, one per line)."""
    path = Path(path)
    try:
        with path.open("w", encoding="utf-8") as out:
            for line in lines:
                out.write(line + "\n")
    except OSError as exc:
        raise SitrepError(E.E504, path=path, cause=exc) from exc
