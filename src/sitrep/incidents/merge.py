"""``Incident``: one real-world event with all the reports of it, and its merged fields.

Merged fields say how they were chosen: the most precise date and place the reports give
(ties: the value most reports give), fatalities as UCDP does (``best`` from the latest report
that gives a toll, as counts rise; ``low`` and ``high`` the smallest and largest reported), and
the actors most reports name. ``disagreements`` lists the fields on which reports differ.
Events stay as coded: ``reports`` lists every one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..records import Event, Location

_DATE_RANK = {"day": 0, "range": 1, "publication": 2, "month": 3, "year": 4}


@dataclass(frozen=True, slots=True)
class ReportRef:
    """One report of an incident: the event as coded and where it came from."""

    event_id: str
    doc_id: str
    source: str | None
    title: str | None
    published: date | None
    trigger: str
    start: int
    end: int
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "doc_id": self.doc_id, "source": self.source,
                "title": self.title, "published": _iso(self.published),
                "trigger": {"text": self.trigger, "start": self.start, "end": self.end},
                "sentence": self.sentence}


@dataclass(slots=True)
class Incident:
    """One real-world event reported by one or more event records."""

    id: str
    reports: list[ReportRef]
    event_date: date | None = None
    date_earliest: date | None = None
    date_latest: date | None = None
    date_precision: str | None = None
    location: Location | None = None
    cameo: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    plover: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    fatalities_best: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    how: dict[str, str] = field(default_factory=dict)
    disagreements: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def sources(self) -> int:
        return len({r.source or r.doc_id for r in self.reports})

    @property
    def event_ids(self) -> list[str]:
        return [r.event_id for r in self.reports]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "reports": len(self.reports), "sources": self.sources,
            "event_date": _iso(self.event_date), "date_earliest": _iso(self.date_earliest),
            "date_latest": _iso(self.date_latest), "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "cameo": self.cameo, "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type, "plover": self.plover,
            "actor1": self.actor1, "actor2": self.actor2,
            "fatalities": {"best": self.fatalities_best, "low": self.fatalities_low,
                           "high": self.fatalities_high},
            "how": dict(self.how),
            "disagreements": {k: [_iso(v) if isinstance(v, date) else v for v in vs]
                              for k, vs in self.disagreements.items()},
            "report_list": [r.to_dict() for r in self.reports],
        }


def merge(incident_id: str, events: Sequence[Event],
          documents: Mapping[str, Mapping[str, Any]]) -> Incident:
    """The incident record of ``events`` (its reports); ``documents`` by id give source,
    title and publication date."""
    def doc(e: Event, key: str) -> Any:
        return documents.get(e.doc_id, {}).get(key)

    ordered = sorted(events, key=lambda e: (_published(doc(e, "published")) or date.min, e.id))
    incident = Incident(incident_id, [
        ReportRef(e.id, e.doc_id, doc(e, "source"), doc(e, "title"),
                  _published(doc(e, "published")), e.trigger.text, e.trigger.start,
                  e.trigger.end, e.sentence) for e in ordered])
    _merge_date(incident, ordered)
    _merge_place(incident, ordered)
    _merge_type(incident, ordered)
    _merge_actors(incident, ordered)
    _merge_tolls(incident, ordered)
    return incident


def _published(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _most(values: Sequence[Any]) -> tuple[Any, int]:
    """The most frequent value (ties: the first met) and how many give it."""
    if not values:
        return None, 0
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best), best


def _disagree(incident: Incident, name: str, values: Sequence[Any]) -> None:
    unique = {v for v in values if v is not None}
    try:
        distinct = sorted(unique)
    except TypeError:
        distinct = sorted(unique, key=str)
    if len(distinct) > 1:
        incident.disagreements[name] = distinct


def _pick(events: Sequence[Event], rank: Callable[[Event], Any]) -> Event | None:
    return min(events, key=rank) if events else None


def _merge_date(incident: Incident, events: Sequence[Event]) -> None:
    dated = [e for e in events if e.event_date is not None]
    counts = Counter(e.event_date for e in dated)
    best = _pick(dated, lambda e: (_DATE_RANK.get(e.date_precision or "", 9),
                                   -counts[e.event_date], e.id))
    if best is None:
        return
    incident.event_date, incident.date_precision = best.event_date, best.date_precision
    incident.date_earliest, incident.date_latest = best.date_earliest, best.date_latest
    incident.how["date"] = (f"most precise ({best.date_precision}) of {len(dated)} dated "
                            f"reports; {counts[best.event_date]} give this day")
    _disagree(incident, "event_date", [e.event_date for e in dated])


def _merge_place(incident: Incident, events: Sequence[Event]) -> None:
    placed = [e for e in events if e.location is not None]
    counts = Counter(e.location.name for e in placed if e.location)
    best = _pick(placed, lambda e: (e.location.geo_precision if e.location else 9,
                                    -counts[e.location.name if e.location else ""], e.id))
    if best is None or best.location is None:
        return
    incident.location = best.location
    incident.how["location"] = (f"most precise (geo_precision {best.location.geo_precision}) "
                                f"of {len(placed)} placed reports; {counts[best.location.name]} "
                                "name it")
    _disagree(incident, "location", [e.location.name for e in placed if e.location])


def _merge_type(incident: Incident, events: Sequence[Event]) -> None:
    acled, n = _most([e.acled_event_type for e in events if e.acled_event_type])
    incident.acled_event_type = acled
    typed = [e for e in events if e.acled_event_type == acled] or list(events)
    incident.acled_sub_event_type, _ = _most([e.acled_sub_event_type for e in typed
                                              if e.acled_sub_event_type])
    incident.cameo, _ = _most([e.cameo for e in typed])
    incident.plover, _ = _most([e.plover for e in typed if e.plover])
    incident.how["type"] = f"the ACLED type {n} of {len(events)} reports give"
    _disagree(incident, "acled_event_type", [e.acled_event_type for e in events])


def _merge_actors(incident: Incident, events: Sequence[Event]) -> None:
    for role in ("actor1", "actor2"):
        actors = [getattr(e, role) for e in events if getattr(e, role) is not None]
        named = [a.name for a in actors if not a.inferred] or [a.name for a in actors]
        name, n = _most(named)
        setattr(incident, role, name)
        if name:
            incident.how[role] = f"named by {n} of {len(events)} reports"
        _disagree(incident, role, named)


def _merge_tolls(incident: Incident, events: Sequence[Event]) -> None:
    tolls = [e.fatalities for e in events if e.fatalities is not None]
    if not tolls:
        return
    latest = [e for e in events if e.fatalities is not None][-1]
    incident.fatalities_best = latest.fatalities
    incident.fatalities_low, incident.fatalities_high = min(tolls), max(tolls)
    incident.how["fatalities"] = (f"best: the latest report giving a toll ({latest.doc_id}); "
                                  f"low/high: the range of {len(tolls)} reported tolls")
    _disagree(incident, "fatalities", tolls)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
