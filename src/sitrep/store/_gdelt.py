"""The GDELT 2.0 layouts: the 61-column event table and a Mentions-like table.

GDELT conventions followed here (GDELT 2.0 Event and Mentions codebooks): ids are 64-bit
integers; geo types are 0 none, 1 country, 2 US state, 3 US city, 4 world city, 5 world state
(first-level division); ADM1 codes are the FIPS 10-4 country code followed by the division's code;
actor type codes are the three-letter role codes inside the CAMEO actor code. docs/store.md
explains every column.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from ..records import Actor, Event, Location
from ._lookups import Lookups, event_day

Row = dict[str, Any]

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO = [("Type", "BIGINT"), ("FullName", "VARCHAR"), ("CountryCode", "VARCHAR"),
        ("ADM1Code", "VARCHAR"), ("ADM2Code", "VARCHAR"), ("Lat", "DOUBLE"),
        ("Long", "DOUBLE"), ("FeatureID", "VARCHAR")]
GDELT_COLUMNS: list[tuple[str, str]] = (
    [("GLOBALEVENTID", "BIGINT"), ("SQLDATE", "BIGINT"), ("MonthYear", "BIGINT"),
     ("Year", "BIGINT"), ("FractionDate", "DOUBLE")]
    + [(f"Actor{n}{part}", "VARCHAR") for n in (1, 2) for part in _ACTOR]
    + [("IsRootEvent", "BIGINT"), ("EventCode", "VARCHAR"), ("EventBaseCode", "VARCHAR"),
       ("EventRootCode", "VARCHAR"), ("QuadClass", "BIGINT"), ("GoldsteinScale", "DOUBLE"),
       ("NumMentions", "BIGINT"), ("NumSources", "BIGINT"), ("NumArticles", "BIGINT"),
       ("AvgTone", "DOUBLE")]
    + [(f"{who}Geo_{part}", kind) for who in ("Actor1", "Actor2", "Action")
       for part, kind in _GEO]
    + [("DATEADDED", "BIGINT"), ("SOURCEURL", "VARCHAR")]
)
MENTIONS_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "BIGINT"), ("EventTimeDate", "BIGINT"), ("MentionTimeDate", "BIGINT"),
    ("MentionType", "BIGINT"), ("MentionSourceName", "VARCHAR"),
    ("MentionIdentifier", "VARCHAR"), ("SentenceID", "BIGINT"), ("Actor1CharOffset", "BIGINT"),
    ("Actor2CharOffset", "BIGINT"), ("ActionCharOffset", "BIGINT"), ("InRawText", "BIGINT"),
    ("Confidence", "BIGINT"), ("MentionDocLen", "BIGINT"), ("MentionDocTone", "DOUBLE"),
    ("MentionDocTranslationInfo", "VARCHAR"), ("Extras", "VARCHAR"),
]
_ORGANISATIONS = ("IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS")


def global_event_id(event_id: str) -> int:
    """A stable, positive 63-bit integer for an event id (BLAKE2b of the whole id)."""
    digest = hashlib.blake2b(event_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def gdelt_row(event: Event, doc: Any, look: Lookups) -> Row | None:
    day = event_day(event)
    if day is None or event.background:
        return None
    row: Row = {
        "GLOBALEVENTID": global_event_id(event.id),
        "SQLDATE": int(day.strftime("%Y%m%d")), "MonthYear": int(day.strftime("%Y%m")),
        "Year": day.year,
        "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4),
    }
    row.update(_actor("Actor1", event.actor1, look))
    row.update(_actor("Actor2", event.actor2, look))
    row.update({
        "IsRootEvent": int(event.main), "EventCode": event.cameo,
        "EventBaseCode": event.cameo[:3], "EventRootCode": event.cameo_root,
        "QuadClass": event.quad_class, "GoldsteinScale": event.goldstein,
        "NumMentions": max(len(event.mentions), 1), "NumSources": 1, "NumArticles": 1,
        "AvgTone": None,
    })
    for who, actor in (("Actor1", event.actor1), ("Actor2", event.actor2)):
        row.update(_geo(f"{who}Geo_", _actor_place(actor, event.location), look))
    row.update(_geo("ActionGeo_", event.location, look))
    row["DATEADDED"] = _stamp(doc.get("ingested_at"))
    row["SOURCEURL"] = source_url(doc)
    return row


def source_url(doc: Any) -> str | None:
    """The document's URL when it is one (http, https), else empty: never a path or title."""
    url = doc.get("url") or ""
    return url if url.lower().startswith(("http://", "https://")) else None


def _stamp(value: Any) -> int | None:
    return int(value.strftime("%Y%m%d%H%M%S")) if isinstance(value, datetime) else None


def type_codes(actor: Actor, look: Lookups) -> tuple[str | None, list[str]]:
    """(known group code, type codes) read from the CAMEO actor code, else from the actor type."""
    code = actor.code or ""
    chunks = [code[i:i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    prefix, rest = (chunks[0], chunks[1:]) if chunks else ("", [])
    types = [c for c in rest if c in look.cameo_codes]
    if prefix in _ORGANISATIONS:
        types.insert(0, prefix)
    known = next((c for c in rest if c not in look.cameo_codes), None)
    if not types and look.cameo_type.get(actor.type):
        types = [look.cameo_type[actor.type]]
    return (known if prefix in _ORGANISATIONS else None), types[:3]


def _actor(prefix: str, actor: Actor | None, look: Lookups) -> Row:
    row: Row = {f"{prefix}{part}": None for part in _ACTOR}
    if actor is None:
        return row
    known, types = type_codes(actor, look)
    code = actor.code or ((actor.country or "") + (types[0] if types else "")) or None
    row.update({f"{prefix}Code": code, f"{prefix}Name": actor.name.upper(),
                f"{prefix}CountryCode": actor.country, f"{prefix}KnownGroupCode": known})
    row.update({f"{prefix}Type{n}Code": t for n, t in enumerate(types, 1)})
    return row


def _actor_place(actor: Actor | None, place: Location | None) -> Location | None:
    """Where an actor is: the event's place when the actor is of that country (or of none),
    else the actor's country as a whole."""
    if actor is None:
        return None
    if place is not None and actor.country in (None, place.country):
        return place
    return Location(name="", country=actor.country, feature="country") if actor.country \
        else None


def geo_type(loc: Location) -> int:
    """1 country, 2 US state, 3 US city, 4 world city, 5 world state (GDELT's ``Geo_Type``)."""
    us = loc.country == "USA"
    if loc.feature == "country" or (loc.feature is None and loc.geo_precision >= 3
                                    and not loc.admin1):
        return 1
    if loc.feature in ("admin1", "region", "area") or (loc.feature is None
                                                      and loc.geo_precision >= 3):
        return 2 if us else 5
    return 3 if us else 4


def _geo(prefix: str, loc: Location | None, look: Lookups) -> Row:
    row: Row = {f"{prefix}{part}": None for part, _ in _GEO}
    row[f"{prefix}Type"] = 0
    if loc is None:
        return row
    country = look.countries.get(loc.country or "")
    fips = country["fips"] if country else None
    kind = geo_type(loc)
    names = [loc.name, loc.admin1 if kind != 1 else None, country["name"] if country else None]
    adm1 = look.admin1_codes.get((country["iso"], loc.admin1 or "")) if country else None
    row.update({
        f"{prefix}Type": kind, f"{prefix}FullName": ", ".join(dict.fromkeys(filter(None, names)))
        or None, f"{prefix}CountryCode": fips,
        f"{prefix}ADM1Code": (fips + adm1) if fips and adm1 and kind != 1 else fips,
        f"{prefix}Lat": loc.lat, f"{prefix}Long": loc.lon,
        f"{prefix}FeatureID": str(loc.geonameid) if loc.geonameid else None,
    })
    return row


def mention_rows(event: Event, doc: Any, _look: Lookups) -> list[Row] | None:
    """One row per mention merged into the event: where in the document it was read."""
    day = event_day(event)
    if day is None or event.background:
        return None
    spans = event.mentions or [event.trigger]
    return [{
        "GLOBALEVENTID": global_event_id(event.id), "EventTimeDate": int(day.strftime("%Y%m%d"))
        * 1000000, "MentionTimeDate": _stamp(doc.get("ingested_at")),
        "MentionType": 1 if source_url(doc) else 6, "MentionSourceName": doc.get("source"),
        "MentionIdentifier": source_url(doc) or doc.get("path"), "SentenceID": None,
        "Actor1CharOffset": _offset(event.actor1), "Actor2CharOffset": _offset(event.actor2),
        "ActionCharOffset": span.start, "InRawText": 1, "Confidence": round(event.confidence *
                                                                           100),
        "MentionDocLen": doc.get("text_len"), "MentionDocTone": None,
        "MentionDocTranslationInfo": None, "Extras": None,
    } for span in spans]


def _offset(actor: Actor | None) -> int:
    return actor.start if actor is not None and actor.start is not None else -1
