"""Parsing and checking the values of a gold line; each problem is an E502 naming the field."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from ..errors import E, SitrepError
from ..records import ACTOR_TYPES, MODALITIES
from .goldrecords import DEFAULT_MAX_KM, Choice, GoldActor, GoldDates, GoldLocation, Labels

T = TypeVar("T")

ACTOR_KEYS = frozenset(
    {"name", "country", "type", "inferred", "code", "accept_types", "accept_countries",
     "accept_names", "text", "note"}
)
LOCATION_KEYS = frozenset(
    {"name", "country", "admin1", "lat", "lon", "geo_precision", "max_km", "geonameid",
     "accept_countries", "accept_admin1", "text", "note"}
)
CHOICE_KEYS = frozenset({"expected", "accept", "note"})


class Where:
    """Where in a gold file a value comes from, to build E502 errors."""

    def __init__(self, path: Path, line: int, labels: Labels) -> None:
        self.path = path
        self.line = line
        self.labels = labels

    def fail(self, field: str, cause: str) -> SitrepError:
        return SitrepError(E.E502, path=self.path, line=self.line, field=field, cause=cause)



def check_keys(raw: Mapping[str, Any], allowed: frozenset[str], prefix: str,
                where: Where) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        allowed_list = ", ".join(sorted(allowed))
        raise where.fail(prefix + unknown[0], f"unknown key (allowed: {allowed_list})")


Parser = Callable[[Any, str, Where], T]


def opt_choice(raw: Mapping[str, Any], key: str, prefix: str, where: Where,
                parse: Parser[T]) -> Choice[T] | None:
    if key not in raw:
        return None
    return choice(raw[key], prefix + key, where, parse)


def choice(value: Any, field: str, where: Where, parse: Parser[T]) -> Choice[T]:
    if not (isinstance(value, dict) and "expected" in value):
        return Choice((parse(value, field, where),))
    check_keys(value, CHOICE_KEYS, field + ".", where)
    accept = value.get("accept", [])
    if not isinstance(accept, list):
        raise where.fail(field + ".accept", "must be a list of alternative values")
    first = parse(value["expected"], field + ".expected", where)
    rest = [parse(a, f"{field}.accept[{i}]", where) for i, a in enumerate(accept)]
    return Choice((first, *rest))


def text(value: Any, field: str, where: Where) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.fail(field, f"must be a non-empty string, got {value!r}")
    return value


def opt_text(value: Any, field: str, where: Where) -> str | None:
    return None if value is None else text(value, field, where)


def nullable_text(value: Any, field: str, where: Where) -> str | None:
    return opt_text(value, field, where)


def opt_bool(value: Any, field: str, where: Where) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise where.fail(field, f"must be true or false, got {value!r}")
    return value


def acled_type(value: Any, field: str, where: Where) -> str | None:
    if value is not None and value not in where.labels.acled:
        raise where.fail(field, f"{value!r} is not an ACLED event type "
                                f"({', '.join(where.labels.acled)})")
    return value


def acled_sub(value: Any, field: str, where: Where) -> str | None:
    if value is not None and value not in where.labels.acled_sub_types:
        raise where.fail(field, f"{value!r} is not one of ACLED's 25 sub-event type labels")
    return value


def cameo(value: Any, field: str, where: Where) -> str:
    if not (isinstance(value, str) and value.isdigit() and 2 <= len(value) <= 4):
        raise where.fail(field, f"a CAMEO code is a string of 2-4 digits, got {value!r}")
    return value


def plover(value: Any, field: str, where: Where) -> str | None:
    if value is None:
        return None
    labels = where.labels
    if isinstance(value, str) and value in labels.plover_legacy:
        return labels.plover_legacy[value]
    if value not in labels.plover:
        known = ", ".join(sorted(labels.plover))
        raise where.fail(field, f"{value!r} is not a PLOVER type ({known})")
    return str(value)


def modality(value: Any, field: str, where: Where) -> str | None:
    if value is not None and value not in MODALITIES:
        raise where.fail(field, f"{value!r} is not one of {', '.join(MODALITIES)}")
    return value


def count(value: Any, field: str, where: Where) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise where.fail(field, f"must be a whole number >= 0 or null, got {value!r}")
    return value


def parse_date(value: Any, field: str, where: Where, nullable: bool) -> date | None:
    if value is None and nullable:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise where.fail(field, f"must be a date 'YYYY-MM-DD', got {value!r}") from None


def parse_dates(raw: Mapping[str, Any], prefix: str, where: Where) -> GoldDates | None:
    keys = ("event_date", "date_earliest", "date_latest")
    if not any(k in raw for k in keys):
        return None
    parse: Parser[date | None] = lambda v, f, w: parse_date(v, f, w, nullable=True)  # noqa: E731
    days = choice(raw["event_date"], prefix + "event_date", where, parse).values \
        if "event_date" in raw else (None,)
    earliest = parse_date(raw.get("date_earliest"), prefix + "date_earliest", where, nullable=True)
    latest = parse_date(raw.get("date_latest"), prefix + "date_latest", where, nullable=True)
    if earliest and latest and earliest > latest:
        raise where.fail(prefix + "date_latest", f"{latest} is before date_earliest {earliest}")
    return GoldDates(days=days, earliest=earliest, latest=latest)


def country(value: Any, field: str, where: Where) -> str | None:
    if value is not None and not (isinstance(value, str) and len(value) == 3
                                  and value.isalpha() and value.isupper()):
        raise where.fail(field, f"a country is an ISO3 code such as 'IRQ' or null, got {value!r}")
    return value


def str_list(raw: Mapping[str, Any], key: str, field: str, where: Where) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise where.fail(field + key, "must be a list")
    return value


def countries(raw: Mapping[str, Any], field: str, where: Where) -> tuple[str | None, ...] | None:
    extra = str_list(raw, "accept_countries", field, where)
    if "country" not in raw and not extra:
        return None
    values = [raw["country"]] if "country" in raw else []
    values += extra
    return tuple(country(v, field + "country", where) for v in values)


def nullable_actor(value: Any, field: str, where: Where) -> GoldActor | None:
    return None if value is None else actor(value, field, where)


def actor(value: Any, field: str, where: Where) -> GoldActor:
    if not isinstance(value, dict):
        raise where.fail(field, "an actor is an object with name, country, type (or null)")
    p = field + "."
    check_keys(value, ACTOR_KEYS, p, where)
    names = [value["name"]] if "name" in value else []
    names += str_list(value, "accept_names", p, where)
    types = [value["type"]] if "type" in value else []
    types += str_list(value, "accept_types", p, where)
    for t in types:
        if t not in ACTOR_TYPES:
            raise where.fail(p + "type", f"{t!r} is not an actor type ({', '.join(ACTOR_TYPES)})")
    return GoldActor(
        names=tuple(text(n, p + "name", where) for n in names) or None,
        countries=countries(value, p, where),
        types=tuple(types) or None,
        inferred=opt_bool(value.get("inferred"), p + "inferred", where),
    )


def victims(value: Any, field: str, where: Where) -> tuple[GoldActor, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise where.fail(field, "must be a list of actor objects")
    return tuple(actor(v, f"{field}[{i}]", where) for i, v in enumerate(value))


def location(value: Any, field: str, where: Where) -> GoldLocation | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise where.fail(field, "a location is an object with name, country, admin1, lat, lon")
    p = field + "."
    check_keys(value, LOCATION_KEYS, p, where)
    admin1s = ([value["admin1"]] if value.get("admin1") else [])
    admin1s += str_list(value, "accept_admin1", p, where)
    lat, lon = coordinate(value, "lat", 90, p, where), coordinate(value, "lon", 180, p, where)
    if (lat is None) != (lon is None):
        raise where.fail(p + "lon", "give both lat and lon, or neither")
    return GoldLocation(
        name=opt_text(value.get("name"), p + "name", where),
        countries=countries(value, p, where),
        admin1s=tuple(text(a, p + "admin1", where) for a in admin1s) or None,
        lat=lat,
        lon=lon,
        geo_precision=precision(value.get("geo_precision"), p + "geo_precision", where),
        max_km=max_km_value(value.get("max_km", DEFAULT_MAX_KM), p + "max_km", where),
    )


def coordinate(raw: Mapping[str, Any], key: str, limit: float, prefix: str,
                where: Where) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > limit:
        raise where.fail(prefix + key, f"must be a number between -{limit} and {limit}")
    return float(value)


def precision(value: Any, field: str, where: Where) -> int | None:
    if value is not None and value not in (1, 2, 3):
        raise where.fail(field, f"must be 1, 2 or 3, got {value!r}")
    return value


def max_km_value(value: Any, field: str, where: Where) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise where.fail(field, f"must be a positive number of kilometres, got {value!r}")
    return float(value)
