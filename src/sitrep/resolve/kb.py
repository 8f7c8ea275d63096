"""The actor knowledge base as data: entry records and validated loading of the YAML files.

Built-in files live in ``sitrep/data/kb/`` (countries, institutions, groups, people, generics);
users add or override entries with their own YAML files of the same shape (``--kb FILE`` or
the ``SITREP_KB`` setting, a ``os.pathsep``-separated list of paths). A later file's entry
with the same ``id`` replaces the earlier one. The schema is documented in docs/kb.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._data import data_path
from ..errors import E, SitrepError
from ..records import ACTOR_TYPES
from ._yaml import LINE, items, read_yaml

KB_FILES = ("countries.yaml", "institutions.yaml", "groups.yaml", "people.yaml", "generics.yaml")
SECTIONS = ("institutions", "groups", "people")
KINDS = {"institutions": "institution", "groups": "group", "people": "person"}
SETTING = "SITREP_KB"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[A-Za-z0-9_.:-]+$")


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held: ``start``/``end`` ISO dates or years; ``end`` None = current."""

    office: str
    country: str | None = None
    org: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One named actor: a person, an armed group or movement, a state institution or a country."""

    id: str
    name: str
    kind: str
    type: str
    country: str | None = None
    code: str | None = None
    aliases: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """A country named by a mention; ``is_metonym`` when the mention was its capital ("Tehran")."""

    iso3: str
    name: str
    capital: str | None
    is_metonym: bool = False


@dataclass(frozen=True, slots=True)
class GenericActor:
    """An unnamed actor from a head noun ("police", "gunmen"); ``label`` is the canonical label."""

    type: str
    label: str
    anaphoric: bool = False
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class CountryRecord:
    """A row of countries.yaml: every name a country goes by in the news."""

    iso3: str
    iso2: str | None
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    capital_aliases: tuple[str, ...]
    sources: tuple[str, ...]
    metonym: bool = True


@dataclass(frozen=True, slots=True)
class GenericRecord:
    """A row of generics.yaml: head nouns that name one kind of unnamed actor."""

    terms: tuple[str, ...]
    actor: GenericActor


@dataclass
class KBData:
    """Everything read from the knowledge-base files, validated, before indexing."""

    countries: dict[str, CountryRecord] = field(default_factory=dict)
    entries: dict[str, KBEntry] = field(default_factory=dict)
    generics: list[GenericRecord] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    office_words: list[str] = field(default_factory=list)
    military_titles: list[str] = field(default_factory=list)
    origins: dict[str, tuple[Path, int]] = field(default_factory=dict)
    rank: dict[str, tuple[int, int]] = field(default_factory=dict)


def kb_paths(extra_files: Sequence[str | Path] = ()) -> list[Path]:
    """Built-in files, then the files named by the SITREP_KB setting, then ``extra_files``."""
    paths = [data_path("kb", name) for name in KB_FILES]
    setting = os.environ.get(SETTING, "")
    paths += [Path(p) for p in setting.split(os.pathsep) if p.strip()]
    return paths + [Path(p) for p in extra_files]


def load_kb_data(extra_files: Sequence[str | Path] = ()) -> KBData:
    """Read and validate all knowledge-base files; user files override built-in ids."""
    data = KBData()
    for order, path in enumerate(kb_paths(extra_files)):
        if path.suffix.lower() != ".tsv":  # TSV files hold places, for the gazetteer
            _read_file(data, path, order)
    _check_affiliations(data)
    return data


def _read_file(data: KBData, path: Path, order: int) -> None:
    raw = read_yaml(path)
    defaults = tuple(_strings(raw, "default_sources", path))
    for item in items(raw, "countries", path):
        record = _country(item, path, defaults)
        data.countries[record.iso3] = record
    seen: dict[str, int] = {}
    for section in SECTIONS:
        for item in items(raw, section, path):
            entry = _entry(item, KINDS[section], path, defaults, data)
            if entry.id in seen:
                raise SitrepError(E.E302, path=path, line=item[LINE], id=entry.id, first=seen[entry.id])
            seen[entry.id] = item[LINE]
            data.entries[entry.id] = entry
            data.origins[entry.id] = (path, item[LINE])
            data.rank[entry.id] = (-order, item[LINE])
    data.generics += [_generic(item, path) for item in items(raw, "generics", path)]
    data.titles += _strings(raw, "titles", path)
    data.office_words += _strings(raw, "office_words", path)
    data.military_titles += _strings(raw, "military_titles", path)


def _fail(path: Path, item: dict[str, Any], name: str, cause: str) -> SitrepError:
    return SitrepError(E.E301, path=path, line=item.get(LINE, "?"), field=name, cause=cause)


def _text(item: dict[str, Any], name: str, path: Path, required: bool = True) -> str | None:
    value = item.get(name)
    if value is None:
        if required:
            raise _fail(path, item, name, "is missing")
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool) or not str(value):
        raise _fail(path, item, name, f"must be a non-empty string, got {value!r}")
    return str(value)


def _strings(item: dict[str, Any], name: str, path: Path) -> list[str]:
    value = item.get(name) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, item, name, f"must be a list of non-empty strings, got {value!r}")
    return list(value)


def _country(item: dict[str, Any], path: Path, defaults: tuple[str, ...]) -> CountryRecord:
    iso3 = _text(item, "iso3", path) or ""
    if not re.fullmatch(r"[A-Z]{3}", iso3):
        raise _fail(path, item, "iso3", f"must be three capital letters, got {iso3!r}")
    return CountryRecord(
        iso3=iso3,
        iso2=_text(item, "iso2", path, required=False),
        name=_text(item, "name", path) or "",
        aliases=tuple(_strings(item, "aliases", path)),
        demonyms=tuple(_strings(item, "demonyms", path)),
        capital=_text(item, "capital", path, required=False),
        capital_aliases=tuple(_strings(item, "capital_aliases", path)),
        sources=tuple(_strings(item, "sources", path)) or defaults,
        metonym=_flag(item, "metonym", path, default=True),
    )


def _flag(item: dict[str, Any], name: str, path: Path, default: bool) -> bool:
    value = item.get(name, default)
    if not isinstance(value, bool):
        raise _fail(path, item, name, f"must be true or false, got {value!r}")
    return value


def _entry(item: dict[str, Any], kind: str, path: Path, defaults: tuple[str, ...], data: KBData) -> KBEntry:
    ident = _text(item, "id", path) or ""
    if not _ID.fullmatch(ident):
        raise _fail(path, item, "id", f"must be letters, digits, '_', '.', ':' or '-', got {ident!r}")
    actor_type = _text(item, "type", path) or ""
    if actor_type not in ACTOR_TYPES:
        raise _fail(path, item, "type", f"is {actor_type!r}; use one of {', '.join(ACTOR_TYPES)}")
    return KBEntry(
        id=ident,
        name=_text(item, "name", path) or "",
        kind=kind,
        type=actor_type,
        country=_country_code(item, "country", path, data),
        code=_text(item, "code", path, False),
        aliases=tuple(_strings(item, "aliases", path)),
        affiliations=tuple(_strings(item, "affiliations", path)),
        roles=tuple(_role(r, path, data) for r in _roles(item, path)),
        sources=tuple(_strings(item, "sources", path)) or defaults,
    )


def _country_code(item: dict[str, Any], name: str, path: Path, data: KBData) -> str | None:
    value = _text(item, name, path, required=False)
    if value is not None and value not in data.countries:
        raise _fail(path, item, name, f"is {value!r}, not an ISO3 code in countries.yaml")
    return value


def _roles(item: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    value = item.get("roles") or []
    if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
        raise _fail(path, item, "roles", "must be a list of mappings {office, from, to, ...}")
    return value


def _role(item: dict[str, Any], path: Path, data: KBData) -> Role:
    dates = [_text(item, k, path, required=False) for k in ("from", "to")]
    for name, value in zip(("from", "to"), dates, strict=True):
        if value is not None and not _DATE.fullmatch(value):
            raise _fail(path, item, name, f"must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return Role(
        office=_text(item, "office", path) or "",
        country=_country_code(item, "country", path, data),
        org=_text(item, "org", path, required=False),
        start=dates[0],
        end=dates[1],
    )


def _generic(item: dict[str, Any], path: Path) -> GenericRecord:
    actor_type = _text(item, "type", path) or ""
    if actor_type not in ACTOR_TYPES:
        raise _fail(path, item, "type", f"is {actor_type!r}; use one of {', '.join(ACTOR_TYPES)}")
    terms = _strings(item, "terms", path)
    if not terms:
        raise _fail(path, item, "terms", "is missing or empty")
    anaphoric = _flag(item, "anaphoric", path, default=False)
    actor = GenericActor(
        type=actor_type,
        label=_text(item, "label", path) or "",
        anaphoric=anaphoric,
        sector=_text(item, "sector", path, False),
    )
    return GenericRecord(terms=tuple(terms), actor=actor)


def _check_affiliations(data: KBData) -> None:
    for entry in data.entries.values():
        for target in entry.affiliations:
            if target not in data.entries and target not in data.countries:
                path, line = data.origins[entry.id]
                raise SitrepError(E.E303, path=path, line=line, field="affiliations", target=target)


def load_country_records(extra_files: Sequence[str | Path] = ()) -> dict[str, CountryRecord]:
    """Only the ``countries`` sections of the knowledge-base files (for the gazetteer)."""
    data = KBData()
    for path in kb_paths(extra_files):
        if path.suffix.lower() in (".yaml", ".yml"):
            raw = read_yaml(path)
            defaults = tuple(_strings(raw, "default_sources", path))
            for item in items(raw, "countries", path):
                record = _country(item, path, defaults)
                data.countries[record.iso3] = record
    return data.countries
