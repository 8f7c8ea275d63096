"""``Report``: the few fields of one event record that decide which incident it belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..records import Actor, Event
from .rules import Rules

NO_COUNTRY = ""


@dataclass(frozen=True, slots=True)
class Report:
    """One event record as incident matching sees it (comparable, hashable, storable)."""

    event_id: str
    doc_id: str
    family: str
    earliest: date
    latest: date
    precise_day: bool
    country: str
    lat: float | None
    lon: float | None
    geo_precision: int
    place: str
    admin1: str
    actor1: str
    actor1_known: bool
    fatalities: int | None

    @property
    def coarse(self) -> bool:
        """The place is only a region or the country (or has no coordinates)."""
        return (self.geo_precision >= 3 or self.lat is None or self.lon is None
                or (bool(self.admin1) and self.place == self.admin1))


def from_event(event: Event, rules: Rules) -> Report | None:
    """The report of an event, or None for events that are not incidents (background, undated)."""
    if event.background or event.event_date is None:
        return None
    precision = event.date_precision or "publication"
    latest = event.date_latest or event.event_date
    earliest = event.date_earliest or event.event_date
    earliest -= timedelta(days=rules.lag_days.get(precision, 0))
    latest += timedelta(days=rules.lead_days.get(precision, 0))
    if (latest - earliest).days > rules.max_span_days:
        return None  # "this year", "last month": too vague to say which incident it is
    loc = event.location
    return Report(
        event_id=event.id, doc_id=event.doc_id, family=rules.family(event.cameo),
        earliest=earliest, latest=latest, precise_day=precision == "day",
        country=(loc.country or NO_COUNTRY) if loc else NO_COUNTRY,
        lat=loc.lat if loc else None, lon=loc.lon if loc else None,
        geo_precision=loc.geo_precision if loc else 3,
        place=(loc.name or "").casefold() if loc else "",
        admin1=(loc.admin1 or "").casefold() if loc else "",
        actor1=_name(event.actor1), actor1_known=_known(event.actor1),
        fatalities=event.fatalities,
    )


def _name(actor: Actor | None) -> str:
    return actor.name.casefold() if actor else ""


def _known(actor: Actor | None) -> bool:
    """A named, knowledge-base actor (not an inferred or generic one such as 'Gunmen')."""
    return bool(actor and actor.entity_id and not actor.inferred)
