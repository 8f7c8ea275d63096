"""Typed records that the pipeline stages pass to each other.

Every stage takes and returns these records (never nested dicts). ``Event.to_dict`` produces
the output contract of DESIGN.md ("The event record"); all character offsets in records point
into the *original* document text, not the normalised one.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

ActorType = Literal[
    "state_forces",
    "government",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_forces",
    "other",
]
ACTOR_TYPES: tuple[str, ...] = ActorType.__args__  # type: ignore[attr-defined]

Modality = Literal["asserted", "attempted", "threatened", "denied", "reported"]
MODALITIES: tuple[str, ...] = Modality.__args__  # type: ignore[attr-defined]

DatePrecision = Literal["day", "range", "month", "year", "publication"]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of the original document text: ``text == original[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Document:
    """One input article. ``id`` is the SHA-256 of the original text (see ``text.doc_id``)."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who did something, or to whom it was done.

    ``name`` is the canonical name (knowledge-base entry or a normalised generic such as
    "Protesters (Iraq)"); ``text``/``start``/``end`` locate the words it came from.
    ``inferred`` is true when the text implies the actor without naming it.
    """

    name: str
    country: str | None = None
    type: str = "other"
    code: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    inferred: bool = False
    entity_id: str | None = None
    affiliations: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "type": self.type,
            "code": self.code,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "inferred": self.inferred,
        }


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, resolved against the gazetteer.

    ``geo_precision``: 1 the place itself, 2 near/part of a place or region, 3 region or country.
    """

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 3
    geonameid: int | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    feature: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geo_precision": self.geo_precision,
            "geonameid": self.geonameid,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class DateResolution:
    """A time expression resolved against the publication date."""

    event_date: date | None
    date_earliest: date | None
    date_latest: date | None
    date_precision: DatePrecision | None
    date_text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people read from text. ``number`` is None for vague quantities ("dozens")."""

    number: int | None
    text: str
    approximate: bool = False
    qualifier: str | None = None  # "at least", "more than", "as many as", "about", ...


@dataclass(frozen=True, slots=True)
class CameoInfo:
    """One CAMEO event code with its ontology attributes."""

    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float


@dataclass(slots=True)
class Mention:
    """One event mention in one sentence, before mentions are merged into events.

    Offsets are into the original text. ``sentence_index`` orders mentions in the document.
    """

    trigger: TextSpan
    sentence: TextSpan
    sentence_index: int
    cameo: str
    plover_mode: str | None = None
    modality: Modality = "asserted"
    negated: bool = False
    hypothetical: bool = False
    background: bool = False
    actor1: Actor | None = None
    actor2: Actor | None = None
    victims: list[Actor] = field(default_factory=list)
    location: Location | None = None
    date: DateResolution | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    instrument: str | None = None
    violent_protest: bool = False
    confidence: float = 0.5
    headline: bool = False
    own_date: bool = False  # the date comes from a time expression in the mention's own clause
    own_place: bool = False  # the place is attached to the trigger, not only named in the sentence
    has_roles: bool = False  # the text gives the act a doer, a target or a place (resolved or not)
    other_places: list[Location] = field(default_factory=list)  # "in Lahore and Karachi"
    learned: bool = False  # kept and typed by the learned detector (confidence is its probability)
    learned_label: str | None = None  # the detector's class, when it is sure of it
    depth: int = 0  # how deep the trigger sits in its sentence's parse (0: the main verb)


@dataclass(slots=True)
class Event:
    """One real-world event reported in one document: the output record of DESIGN.md."""

    id: str
    doc_id: str
    trigger: TextSpan
    sentence: str
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    main: bool = False
    background: bool = False
    confidence: float = 0.5
    event_date: date | None = None
    date_earliest: date | None = None
    date_latest: date | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    plover: str | None = None
    plover_mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    victims: list[Actor] = field(default_factory=list)
    location: Location | None = None
    fatalities: int | None = None
    fatalities_text: str | None = None
    injured: int | None = None
    modality: Modality = "asserted"
    mentions: list[TextSpan] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The event record of DESIGN.md, JSON-serialisable."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "main": self.main,
            "background": self.background,
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence,
            "event_date": _iso(self.event_date),
            "date_earliest": _iso(self.date_earliest),
            "date_latest": _iso(self.date_latest),
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "victims": [v.to_dict() for v in self.victims],
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "fatalities_text": self.fatalities_text,
            "injured": self.injured,
            "modality": self.modality,
            "mentions": [m.to_dict() for m in self.mentions],
        }


EVENT_FIELDS: tuple[str, ...] = (
    "id", "doc_id", "main", "background", "confidence", "trigger", "sentence",
    "event_date", "date_earliest", "date_latest", "date_precision", "date_text",
    "cameo", "cameo_root", "quad_class", "goldstein", "plover", "plover_mode",
    "acled_event_type", "acled_sub_event_type", "actor1", "actor2", "victims", "location",
    "fatalities", "fatalities_text", "injured", "modality", "mentions",
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def replace(record: Any, **changes: Any) -> Any:
    """``dataclasses.replace`` re-exported for stage code that refines frozen records."""
    return dataclasses.replace(record, **changes)
