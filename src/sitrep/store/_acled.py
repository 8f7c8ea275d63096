"""The ACLED layout: the 31 columns of ACLED's current data files, in ACLED's order.

ACLED conventions (ACLED Codebook, 2024) followed here: actor1 is always named (an unnamed
perpetrator is "Unidentified Armed Group (Country)", "Protesters (Country)" or "Rioters
(Country)"); victims stand as actor2 when no other target is named; associated actors are the
actors' affiliations; inter codes are ACLED's 1-8; ``civilian_targeting`` only in the event types
where ACLED sets it. docs/store.md explains every column.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from ..records import Actor, Event, Location
from ._lookups import AcledType, Lookups, event_day

Row = dict[str, Any]

ACLED_COLUMNS: list[tuple[str, str]] = [
    ("event_id_cnty", "VARCHAR"), ("event_date", "DATE"), ("year", "BIGINT"),
    ("time_precision", "BIGINT"), ("disorder_type", "VARCHAR"), ("event_type", "VARCHAR"),
    ("sub_event_type", "VARCHAR"), ("actor1", "VARCHAR"), ("assoc_actor_1", "VARCHAR"),
    ("inter1", "BIGINT"), ("actor2", "VARCHAR"), ("assoc_actor_2", "VARCHAR"),
    ("inter2", "BIGINT"), ("interaction", "BIGINT"), ("civilian_targeting", "VARCHAR"),
    ("iso", "BIGINT"), ("region", "VARCHAR"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
    ("admin2", "VARCHAR"), ("admin3", "VARCHAR"), ("location", "VARCHAR"),
    ("latitude", "DOUBLE"), ("longitude", "DOUBLE"), ("geo_precision", "BIGINT"),
    ("source", "VARCHAR"), ("source_scale", "VARCHAR"), ("notes", "VARCHAR"),
    ("fatalities", "BIGINT"), ("tags", "VARCHAR"), ("timestamp", "BIGINT"),
    ("source_url", "VARCHAR"),  # not an ACLED column: kept last, for provenance
]
_UNKNOWN = AcledType("", "Unidentified Armed Group ({country})", 3, "never")


def acled_row(event: Event, doc: Any, look: Lookups) -> Row | None:
    day = event_day(event)
    if event.acled_event_type is None or day is None or event.background:
        return None
    kind = look.acled_types.get(event.acled_event_type, _UNKNOWN)
    loc = event.location
    country = look.countries.get(loc.country or "") if loc else None
    country_name = country["name"] if country else None
    actor1, inter1 = _actor1(event.actor1, kind, country_name, look)
    target = event.actor2 or (event.victims[0] if event.victims else None)
    inter2 = _inter(target, look) if target else None
    row: Row = {
        "event_id_cnty": event.id, "event_date": day, "year": day.year,
        "time_precision": time_precision(event),
        "disorder_type": look.sub_disorder.get(event.acled_sub_event_type or "")
        or kind.disorder or None,
        "event_type": event.acled_event_type, "sub_event_type": event.acled_sub_event_type,
        "actor1": actor1, "assoc_actor_1": _assoc(event.actor1), "inter1": inter1,
        "actor2": target.name if target else None, "assoc_actor_2": _assoc(target),
        "inter2": inter2, "interaction": interaction(inter1, inter2),
        "civilian_targeting": _civilian_targeting(kind, inter2),
    }
    row.update(_place(loc, country, look))
    row.update({
        "source": _outlet(doc), "source_scale": None, "notes": notes(event, day, loc),
        "fatalities": event.fatalities or 0, "tags": None,
        "timestamp": _unix(doc.get("ingested_at")), "source_url": doc.get("url"),
    })
    return row


def _actor1(actor: Actor | None, kind: AcledType, country: str | None,
            look: Lookups) -> tuple[str, int]:
    if actor is not None:
        return actor.name, _inter(actor, look)
    name = kind.default_actor1.format(country=country or "").replace(" ()", "")
    return name, kind.default_inter1


def _inter(actor: Actor, look: Lookups) -> int:
    return look.acled_inter.get(actor.type, 8)


def interaction(inter1: int, inter2: int | None) -> int:
    """ACLED's interaction code: both inter codes, smaller first (17); ``inter1 × 10`` alone."""
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _civilian_targeting(kind: AcledType, inter2: int | None) -> str | None:
    if kind.civilian_targeting == "always" or (kind.civilian_targeting == "civilians"
                                               and inter2 == 7):
        return "Civilian targeting"
    return None


def time_precision(event: Event) -> int:
    """1 the day is known, 2 within a week, 3 a longer span, a month or year, or the date only
    fell back to the publication day (ACLED codebook)."""
    if event.date_precision == "day":
        return 1
    if event.date_precision == "range" and event.date_earliest and event.date_latest:
        return 2 if (event.date_latest - event.date_earliest).days <= 7 else 3
    return 3


def _assoc(actor: Actor | None) -> str | None:
    return "; ".join(actor.affiliations) or None if actor else None


def _place(loc: Location | None, country: Any, look: Lookups) -> Row:
    iso3 = loc.country if loc else None
    return {
        "iso": int(country["isonumeric"]) if country else None,
        "region": look.regions.get(iso3 or ""),
        "country": country["name"] if country else iso3,
        "admin1": acled_admin1(loc.admin1, iso3, look) if loc else None,
        "admin2": None, "admin3": None, "location": loc.name if loc else None,
        "latitude": loc.lat if loc else None, "longitude": loc.lon if loc else None,
        "geo_precision": int(loc.geo_precision) if loc else None,
    }


def acled_admin1(name: str | None, iso3: str | None, look: Lookups) -> str | None:
    """An admin1 name as ACLED writes it ("Kharkiv Oblast" -> "Kharkiv")."""
    if not name:
        return None
    if (iso3 or "", name) in look.acled_admin1:
        return look.acled_admin1[(iso3 or "", name)]
    for suffix in look.admin1_suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            return name[: -len(suffix)]
    return name


def _outlet(doc: Any) -> str | None:
    """The outlet: the document's source, else its URL's host (never its headline)."""
    if doc.get("source"):
        return str(doc["source"])
    host = urlsplit(doc.get("url") or "").hostname
    return host.removeprefix("www.") if host else None


def notes(event: Event, day: date, loc: Location | None) -> str:
    """One sentence: the date, the place, what the article says, and the toll."""
    where = f" in {loc.name}" if loc else ""
    toll = f" [{event.fatalities} fatalities]" if event.fatalities else ""
    return f"On {day.day} {day:%B %Y},{where}: {event.sentence.strip()}{toll}"


def _unix(value: Any) -> int | None:
    return int(value.timestamp()) if isinstance(value, datetime) else None
