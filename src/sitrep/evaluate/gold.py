"""Gold files: loading and validation (the format is docs/gold-format.md).

Every problem is reported as a catalogue error naming the file, the line and the field, e.g.
``events[1].location.lat``. Values given as ``{"expected": V, "accept": [W, ...]}`` become a
:class:`Choice` whose first value is the expected one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from .._data import read_text
from ..errors import E, SitrepError
from ..records import ACTOR_TYPES, MODALITIES

T = TypeVar("T")

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
ACTOR_KEYS = frozenset(
    {"name", "country", "type", "inferred", "code", "accept_types", "accept_countries",
     "accept_names", "text", "note"}
)
LOCATION_KEYS = frozenset(
    {"name", "country", "admin1", "lat", "lon", "geo_precision", "max_km", "geonameid",
     "accept_countries", "accept_admin1", "text", "note"}
)
CHOICE_KEYS = frozenset({"expected", "accept", "note"})
TYPE_KEYS = ("acled_event_type", "cameo", "plover")
DEFAULT_MAX_KM = 25.0


@dataclass(frozen=True, slots=True)
class Labels:
    """The label vocabularies gold values are checked against (``data/evaluate/labels.yaml``)."""

    acled: Mapping[str, tuple[str, ...]]
    plover: frozenset[str]
    plover_legacy: Mapping[str, str]

    @classmethod
    def load(cls) -> Labels:
        import yaml

        raw = yaml.safe_load(read_text("evaluate", "labels.yaml"))
        return cls(
            acled={k: tuple(v) for k, v in raw["acled"].items()},
            plover=frozenset(raw["plover"]),
            plover_legacy=dict(raw["plover_legacy"]),
        )

    @property
    def acled_sub_types(self) -> frozenset[str]:
        return frozenset(s for subs in self.acled.values() for s in subs)


@dataclass(frozen=True, slots=True)
class Choice(Generic[T]):
    """An expected value plus tolerated alternatives; ``values[0]`` is the expected one."""

    values: tuple[T, ...]

    @property
    def expected(self) -> T:
        return self.values[0]


@dataclass(frozen=True, slots=True)
class GoldActor:
    """A gold actor. A ``None`` tuple means that sub-field is not scored."""

    names: tuple[str, ...] | None = None
    countries: tuple[str | None, ...] | None = None
    types: tuple[str, ...] | None = None
    inferred: bool | None = None

    @property
    def name(self) -> str | None:
        return self.names[0] if self.names else None


@dataclass(frozen=True, slots=True)
class GoldLocation:
    """A gold place. ``countries``/``admin1s`` of ``None`` mean not scored."""

    name: str | None = None
    countries: tuple[str | None, ...] | None = None
    admin1s: tuple[str, ...] | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    max_km: float = DEFAULT_MAX_KM

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldDates:
    """Accepted days (``None`` = must be undated) and an optional range."""

    days: tuple[date | None, ...]
    earliest: date | None = None
    latest: date | None = None

    @property
    def has_range(self) -> bool:
        return self.earliest is not None or self.latest is not None

    @property
    def dated(self) -> bool:
        """True when the gold event has a day or a range the prediction must fall in."""
        return self.has_range or any(d is not None for d in self.days)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event; a field of ``None`` is absent in the file and is not scored."""

    id: str
    line: int
    trigger: str | None = None
    acled_event_type: Choice[str | None] | None = None
    acled_sub_event_type: Choice[str | None] | None = None
    cameo: Choice[str] | None = None
    plover: Choice[str | None] | None = None
    plover_mode: Choice[str | None] | None = None
    modality: Choice[str | None] | None = None
    dates: GoldDates | None = None
    location: Choice[GoldLocation | None] | None = None
    actor1: Choice[GoldActor | None] | None = None
    actor2: Choice[GoldActor | None] | None = None
    victims: tuple[GoldActor, ...] | None = None
    fatalities: Choice[int | None] | None = None
    injured: Choice[int | None] | None = None
    main: bool | None = None
    background: bool | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold document. ``exhaustive`` false: unmatched predictions are not false positives."""

    id: str
    line: int
    text: str
    published: date | None
    events: tuple[GoldEvent, ...]
    exhaustive: bool = True
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldSet:
    """A loaded gold file."""

    path: Path
    docs: tuple[GoldDoc, ...]

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def n_events(self) -> int:
        return sum(len(d.events) for d in self.docs)


class _Where:
    """Where in a gold file a value comes from, to build E502 errors."""

    def __init__(self, path: Path, line: int, labels: Labels) -> None:
        self.path = path
        self.line = line
        self.labels = labels

    def fail(self, field: str, cause: str) -> SitrepError:
        return SitrepError(E.E502, path=self.path, line=self.line, field=field, cause=cause)


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
        doc = _parse_doc(_json_object(path, number, line), _Where(path, number, labels))
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


def _parse_doc(raw: dict[str, Any], where: _Where) -> GoldDoc:
    _check_keys(raw, DOC_KEYS, "", where)
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
    published = _date(raw.get("published"), "published", where, nullable=True)
    return GoldDoc(doc_id, where.line, text, published, events, exhaustive, tuple(tags))


def _check_events(events: tuple[GoldEvent, ...], where: _Where) -> None:
    seen: set[str] = set()
    for event in events:
        if event.id in seen:
            raise where.fail("events", f"event id {event.id!r} is used twice in this document")
        seen.add(event.id)
    mains = [e.id for e in events if e.main]
    if len(mains) > 1:
        raise where.fail("events", f"only one event may have main: true, found {mains}")


def _check_keys(raw: Mapping[str, Any], allowed: frozenset[str], prefix: str,
                where: _Where) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        allowed_list = ", ".join(sorted(allowed))
        raise where.fail(prefix + unknown[0], f"unknown key (allowed: {allowed_list})")


def _parse_event(raw: Any, index: int, where: _Where) -> GoldEvent:
    p = f"events[{index}]."
    if not isinstance(raw, dict):
        raise where.fail(p.rstrip("."), "an event must be a JSON object")
    _check_keys(raw, EVENT_KEYS, p, where)
    if not any(raw.get(k) is not None for k in TYPE_KEYS):
        raise where.fail(p + "cameo", "give at least one of acled_event_type, cameo or plover")
    return GoldEvent(
        id=_str(raw.get("id", f"e{index + 1}"), p + "id", where),
        line=where.line,
        trigger=_opt_str(raw.get("trigger"), p + "trigger", where),
        acled_event_type=_opt_choice(raw, "acled_event_type", p, where, _acled_type),
        acled_sub_event_type=_opt_choice(raw, "acled_sub_event_type", p, where, _acled_sub),
        cameo=_opt_choice(raw, "cameo", p, where, _cameo),
        plover=_opt_choice(raw, "plover", p, where, _plover),
        plover_mode=_opt_choice(raw, "plover_mode", p, where, _nullable_str),
        modality=_opt_choice(raw, "modality", p, where, _modality),
        dates=_dates(raw, p, where),
        location=_opt_choice(raw, "location", p, where, _location),
        actor1=_opt_choice(raw, "actor1", p, where, _nullable_actor),
        actor2=_opt_choice(raw, "actor2", p, where, _nullable_actor),
        victims=_victims(raw.get("victims"), p + "victims", where),
        fatalities=_opt_choice(raw, "fatalities", p, where, _count),
        injured=_opt_choice(raw, "injured", p, where, _count),
        main=_opt_bool(raw.get("main"), p + "main", where),
        background=_opt_bool(raw.get("background"), p + "background", where),
    )


Parser = Callable[[Any, str, _Where], T]


def _opt_choice(raw: Mapping[str, Any], key: str, prefix: str, where: _Where,
                parse: Parser[T]) -> Choice[T] | None:
    if key not in raw:
        return None
    return _choice(raw[key], prefix + key, where, parse)


def _choice(value: Any, field: str, where: _Where, parse: Parser[T]) -> Choice[T]:
    if not (isinstance(value, dict) and "expected" in value):
        return Choice((parse(value, field, where),))
    _check_keys(value, CHOICE_KEYS, field + ".", where)
    accept = value.get("accept", [])
    if not isinstance(accept, list):
        raise where.fail(field + ".accept", "must be a list of alternative values")
    first = parse(value["expected"], field + ".expected", where)
    rest = [parse(a, f"{field}.accept[{i}]", where) for i, a in enumerate(accept)]
    return Choice((first, *rest))


def _str(value: Any, field: str, where: _Where) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.fail(field, f"must be a non-empty string, got {value!r}")
    return value


def _opt_str(value: Any, field: str, where: _Where) -> str | None:
    return None if value is None else _str(value, field, where)


def _nullable_str(value: Any, field: str, where: _Where) -> str | None:
    return _opt_str(value, field, where)


def _opt_bool(value: Any, field: str, where: _Where) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise where.fail(field, f"must be true or false, got {value!r}")
    return value


def _acled_type(value: Any, field: str, where: _Where) -> str | None:
    if value is not None and value not in where.labels.acled:
        raise where.fail(field, f"{value!r} is not an ACLED event type "
                                f"({', '.join(where.labels.acled)})")
    return value


def _acled_sub(value: Any, field: str, where: _Where) -> str | None:
    if value is not None and value not in where.labels.acled_sub_types:
        raise where.fail(field, f"{value!r} is not one of ACLED's 25 sub-event type labels")
    return value


def _cameo(value: Any, field: str, where: _Where) -> str:
    if not (isinstance(value, str) and value.isdigit() and 2 <= len(value) <= 4):
        raise where.fail(field, f"a CAMEO code is a string of 2-4 digits, got {value!r}")
    return value


def _plover(value: Any, field: str, where: _Where) -> str | None:
    if value is None:
        return None
    labels = where.labels
    if isinstance(value, str) and value in labels.plover_legacy:
        return labels.plover_legacy[value]
    if value not in labels.plover:
        known = ", ".join(sorted(labels.plover))
        raise where.fail(field, f"{value!r} is not a PLOVER type ({known})")
    return str(value)


def _modality(value: Any, field: str, where: _Where) -> str | None:
    if value is not None and value not in MODALITIES:
        raise where.fail(field, f"{value!r} is not one of {', '.join(MODALITIES)}")
    return value


def _count(value: Any, field: str, where: _Where) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise where.fail(field, f"must be a whole number >= 0 or null, got {value!r}")
    return value


def _date(value: Any, field: str, where: _Where, nullable: bool) -> date | None:
    if value is None and nullable:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise where.fail(field, f"must be a date 'YYYY-MM-DD', got {value!r}") from None


def _dates(raw: Mapping[str, Any], prefix: str, where: _Where) -> GoldDates | None:
    keys = ("event_date", "date_earliest", "date_latest")
    if not any(k in raw for k in keys):
        return None
    parse: Parser[date | None] = lambda v, f, w: _date(v, f, w, nullable=True)  # noqa: E731
    days = _choice(raw["event_date"], prefix + "event_date", where, parse).values \
        if "event_date" in raw else (None,)
    earliest = _date(raw.get("date_earliest"), prefix + "date_earliest", where, nullable=True)
    latest = _date(raw.get("date_latest"), prefix + "date_latest", where, nullable=True)
    if earliest and latest and earliest > latest:
        raise where.fail(prefix + "date_latest", f"{latest} is before date_earliest {earliest}")
    return GoldDates(days=days, earliest=earliest, latest=latest)


def _country(value: Any, field: str, where: _Where) -> str | None:
    if value is not None and not (isinstance(value, str) and len(value) == 3
                                  and value.isalpha() and value.isupper()):
        raise where.fail(field, f"a country is an ISO3 code such as 'IRQ' or null, got {value!r}")
    return value


def _str_list(raw: Mapping[str, Any], key: str, field: str, where: _Where) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise where.fail(field + key, "must be a list")
    return value


def _countries(raw: Mapping[str, Any], field: str, where: _Where) -> tuple[str | None, ...] | None:
    extra = _str_list(raw, "accept_countries", field, where)
    if "country" not in raw and not extra:
        return None
    values = [raw["country"]] if "country" in raw else []
    values += extra
    return tuple(_country(v, field + "country", where) for v in values)


def _nullable_actor(value: Any, field: str, where: _Where) -> GoldActor | None:
    return None if value is None else _actor(value, field, where)


def _actor(value: Any, field: str, where: _Where) -> GoldActor:
    if not isinstance(value, dict):
        raise where.fail(field, "an actor is an object with name, country, type (or null)")
    p = field + "."
    _check_keys(value, ACTOR_KEYS, p, where)
    names = [value["name"]] if "name" in value else []
    names += _str_list(value, "accept_names", p, where)
    types = [value["type"]] if "type" in value else []
    types += _str_list(value, "accept_types", p, where)
    for t in types:
        if t not in ACTOR_TYPES:
            raise where.fail(p + "type", f"{t!r} is not an actor type ({', '.join(ACTOR_TYPES)})")
    return GoldActor(
        names=tuple(_str(n, p + "name", where) for n in names) or None,
        countries=_countries(value, p, where),
        types=tuple(types) or None,
        inferred=_opt_bool(value.get("inferred"), p + "inferred", where),
    )


def _victims(value: Any, field: str, where: _Where) -> tuple[GoldActor, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise where.fail(field, "must be a list of actor objects")
    return tuple(_actor(v, f"{field}[{i}]", where) for i, v in enumerate(value))


def _location(value: Any, field: str, where: _Where) -> GoldLocation | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise where.fail(field, "a location is an object with name, country, admin1, lat, lon")
    p = field + "."
    _check_keys(value, LOCATION_KEYS, p, where)
    admin1s = ([value["admin1"]] if value.get("admin1") else [])
    admin1s += _str_list(value, "accept_admin1", p, where)
    lat, lon = _coordinate(value, "lat", 90, p, where), _coordinate(value, "lon", 180, p, where)
    if (lat is None) != (lon is None):
        raise where.fail(p + "lon", "give both lat and lon, or neither")
    return GoldLocation(
        name=_opt_str(value.get("name"), p + "name", where),
        countries=_countries(value, p, where),
        admin1s=tuple(_str(a, p + "admin1", where) for a in admin1s) or None,
        lat=lat,
        lon=lon,
        geo_precision=_precision(value.get("geo_precision"), p + "geo_precision", where),
        max_km=_max_km(value.get("max_km", DEFAULT_MAX_KM), p + "max_km", where),
    )


def _coordinate(raw: Mapping[str, Any], key: str, limit: float, prefix: str,
                where: _Where) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > limit:
        raise where.fail(prefix + key, f"must be a number between -{limit} and {limit}")
    return float(value)


def _precision(value: Any, field: str, where: _Where) -> int | None:
    if value is not None and value not in (1, 2, 3):
        raise where.fail(field, f"must be 1, 2 or 3, got {value!r}")
    return value


def _max_km(value: Any, field: str, where: _Where) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise where.fail(field, f"must be a positive number of kilometres, got {value!r}")
    return float(value)
