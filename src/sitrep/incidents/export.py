"""The incident-level ACLED layout: one row per incident.

Each incident becomes one ACLED-like row (the columns of the ``acled`` event layout,
docs/store.md): its merged date, place, types and actors, its best fatality estimate,
``source`` listing the outlets that reported it, and ``notes`` summarising the reports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..records import Actor, Event, replace
from ..store.export import export_chunks
from .merge import Incident


def incident_rows(incidents: Sequence[Incident], events: Mapping[str, Event]
                  ) -> tuple[list[Event], dict[str, dict[str, Any]]]:
    """One event-shaped record per incident (id = incident id) and its pseudo-document."""
    rows: list[Event] = []
    docs: dict[str, dict[str, Any]] = {}
    for incident in incidents:
        members = [events[r.event_id] for r in incident.reports if r.event_id in events]
        if not members:
            continue
        rows.append(_row(incident, members))
        outlets = sorted({r.source or r.title or r.doc_id for r in incident.reports})
        docs[incident.id] = {"title": "; ".join(outlets), "source": "; ".join(outlets),
                             "url": None, "path": None}
    return rows, docs


def _row(incident: Incident, members: Sequence[Event]) -> Event:
    chosen = next((e for e in members if e.event_date == incident.event_date), members[0])
    return replace(
        chosen, id=incident.id, doc_id=incident.id, main=True, background=False,
        event_date=incident.event_date, date_earliest=incident.date_earliest,
        date_latest=incident.date_latest, date_precision=incident.date_precision,
        location=incident.location, acled_event_type=incident.acled_event_type,
        acled_sub_event_type=incident.acled_sub_event_type, fatalities=incident.fatalities_best,
        actor1=_actor(members, "actor1", incident.actor1),
        actor2=_actor(members, "actor2", incident.actor2), sentence=notes(incident))


def _actor(members: Sequence[Event], role: str, name: str | None) -> Actor | None:
    return next((getattr(e, role) for e in members if getattr(e, role) is not None
                 and getattr(e, role).name == name), None)


def notes(incident: Incident) -> str:
    """A one-line summary: reports, sources, tolls, disagreements, and the first report."""
    parts = [f"{len(incident.reports)} reports from {incident.sources} sources"]
    if incident.fatalities_best is not None:
        parts.append(f"fatalities best {incident.fatalities_best} (low "
                     f"{incident.fatalities_low}, high {incident.fatalities_high})")
    if incident.disagreements:
        parts.append("reports differ on " + ", ".join(sorted(incident.disagreements)))
    first = incident.reports[0].sentence if incident.reports else ""
    return "; ".join(parts) + (f". First report: {first}" if first else "")


def export_incidents(incidents: Sequence[Incident], events: Mapping[str, Event],
                     out: str | Path, format: str = "csv", force: bool = False,
                     protect: Sequence[str | Path] = ()) -> int:
    """Write the incidents in the ACLED-like layout; returns the number of rows."""
    rows, docs = incident_rows(incidents, events)
    return export_chunks([rows], lambda _chunk: docs, out, format, "acled", force=force,
                         protect=protect)
