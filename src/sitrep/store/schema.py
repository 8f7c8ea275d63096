"""The store's tables, generated from the typed records of ``sitrep.records``.

Each record field becomes a column (``str`` -> VARCHAR, ``int`` -> BIGINT, ``float`` -> DOUBLE,
``bool`` -> BOOLEAN, ``date`` -> DATE, ``tuple[str, ...]`` -> VARCHAR[], ``Literal`` -> VARCHAR);
a ``TextSpan`` field is flattened into ``<name>_text``, ``<name>_start`` and ``<name>_end``; nested
``Actor``/``Location``/list fields get child tables keyed by the event id. Adding a field to a
record adds a nullable column to existing stores when they are opened (see ``missing_columns``);
``SCHEMA_VERSION`` and ``MIGRATIONS`` cover every other change.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Literal

from ..ingest._base import DocumentCopy, IngestError
from ..records import Actor, Document, Event, Location, TextSpan

SCHEMA_VERSION = 1

# Statements that take a store from version ``n - 1`` to ``n``; applied in one transaction each.
MIGRATIONS: Mapping[int, Sequence[str]] = types.MappingProxyType({})

_SCALARS: Mapping[Any, str] = types.MappingProxyType(
    {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", date: "DATE",
     datetime: "TIMESTAMP"}
)
# Event fields that live in child tables rather than in the events table.
EVENT_CHILD_FIELDS = ("actor1", "actor2", "victims", "location", "mentions")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql_type: str
    nullable: bool = True


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def ddl(self) -> str:
        cols = [f'"{c.name}" {c.sql_type}' + ("" if c.nullable else " NOT NULL")
                for c in self.columns]
        cols.append(f"PRIMARY KEY ({', '.join(quoted(self.primary_key))})")
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n  " + ",\n  ".join(cols) + "\n)"


def quoted(names: Sequence[str]) -> list[str]:
    """Column names as quoted SQL identifiers (fields such as ``end`` are SQL keywords)."""
    return [f'"{n}"' for n in names]


def sql_type(annotation: Any) -> tuple[str, bool]:
    """``(SQL type, nullable)`` of a scalar field annotation; raises TypeError for records."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in args if a is not type(None)]
        return sql_type(inner[0])[0], True
    if origin is Literal:
        return "VARCHAR", False
    if origin is tuple and args and args[0] is str:
        return "VARCHAR[]", False
    if annotation in _SCALARS:
        return _SCALARS[annotation], False
    raise TypeError(f"no column type for {annotation!r}")


def record_columns(cls: type, prefix: str = "", skip: Sequence[str] = ()) -> list[Column]:
    """Columns of a dataclass: scalars as they are, ``TextSpan`` fields flattened."""
    hints = typing.get_type_hints(cls)
    columns: list[Column] = []
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        annotation = hints[f.name]
        if annotation is TextSpan:
            columns.extend(record_columns(TextSpan, prefix=f"{prefix}{f.name}_"))
            continue
        kind, nullable = sql_type(annotation)
        columns.append(Column(prefix + f.name, kind, nullable))
    return columns


@cache
def tables() -> tuple[Table, ...]:
    """Every table of the store, in creation order."""
    key = [Column("event_id", "VARCHAR", False)]
    return (
        Table("sitrep_meta", (Column("key", "VARCHAR", False), Column("value", "VARCHAR")),
              ("key",)),
        Table("documents", tuple(record_columns(Document)) + (
            Column("n_events", "BIGINT"), Column("ingested_at", "TIMESTAMP")), ("id",)),
        Table("events", tuple(record_columns(Event, skip=EVENT_CHILD_FIELDS)), ("id",)),
        Table("event_actors", tuple(key + [Column("role", "VARCHAR", False),
                                           Column("idx", "BIGINT", False)]
                                    + record_columns(Actor)), ("event_id", "role", "idx")),
        Table("event_places", tuple(key + record_columns(Location)), ("event_id",)),
        Table("event_mentions", tuple(key + [Column("idx", "BIGINT", False)]
                                      + record_columns(TextSpan)), ("event_id", "idx")),
        Table("ingest_errors", tuple(record_columns(IngestError))
              + (Column("recorded_at", "TIMESTAMP"),), ("source", "code")),
        Table("document_copies", tuple(record_columns(DocumentCopy))
              + (Column("seen_at", "TIMESTAMP"),), ("doc_id", "path")),
        *incident_tables(),
    )


def incident_tables() -> tuple[Table, ...]:
    """The incident layer (``sitrep.incidents``): matching keys, compatible pairs, members,
    and links between events."""
    def cols(*spec: str) -> tuple[Column, ...]:
        return tuple(Column(n, t, n.endswith("?")) for n, t in
                     (item.split(":") for item in spec))

    def clean(columns: tuple[Column, ...]) -> tuple[Column, ...]:
        return tuple(Column(c.name.rstrip("?"), c.sql_type, c.nullable) for c in columns)

    return (
        Table("incident_reports", clean(cols(
            "event_id:VARCHAR", "doc_id:VARCHAR", "family:VARCHAR", "earliest:DATE",
            "latest:DATE", "precise_day:BOOLEAN", "country:VARCHAR", "lat?:DOUBLE",
            "lon?:DOUBLE", "geo_precision:BIGINT", "place:VARCHAR", "admin1:VARCHAR",
            "actor1:VARCHAR",
            "actor1_known:BOOLEAN", "fatalities?:BIGINT")), ("event_id",)),
        Table("incident_keys", clean(cols("country:VARCHAR", "bucket:BIGINT",
                                          "event_id:VARCHAR")),
              ("country", "bucket", "event_id")),
        Table("incident_pairs", clean(cols("a:VARCHAR", "b:VARCHAR", "score:DOUBLE")),
              ("a", "b")),
        Table("incident_members", clean(cols("event_id:VARCHAR", "incident_id:VARCHAR")),
              ("event_id",)),
        Table("event_links", clean(cols(
            "from_id:VARCHAR", "to_id:VARCHAR", "relation:VARCHAR", "evidence:VARCHAR",
            "doc_id:VARCHAR", "start:BIGINT", "end:BIGINT")), ("from_id", "to_id")),
    )


def table(name: str) -> Table:
    """One table by name."""
    return next(t for t in tables() if t.name == name)


def missing_columns(existing: Mapping[str, set[str]]) -> list[str]:
    """``ALTER TABLE`` statements adding columns that records gained since a store was made."""
    statements = []
    for t in tables():
        present = existing.get(t.name)
        if present is None:
            continue
        for c in t.columns:
            if c.name not in present:
                statements.append(f'ALTER TABLE {t.name} ADD COLUMN "{c.name}" {c.sql_type}')
    return statements


def pending_migrations(found: int, migrations: Mapping[int, Sequence[str]] = MIGRATIONS,
                       target: int = SCHEMA_VERSION) -> list[tuple[int, Sequence[str]]]:
    """The ``(version, statements)`` steps that take a store from ``found`` to ``target``."""
    return [(v, migrations.get(v, ())) for v in range(found + 1, target + 1)]
