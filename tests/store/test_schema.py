from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb
import pytest

from sitrep.errors import SitrepError
from sitrep.records import Actor, Document, Event, Location
from sitrep.store import Store
from sitrep.store.schema import (
    EVENT_CHILD_FIELDS,
    SCHEMA_VERSION,
    missing_columns,
    pending_migrations,
    table,
    tables,
)


def test_every_event_field_is_stored_somewhere() -> None:
    events = set(table("events").column_names)
    for f in dataclasses.fields(Event):
        if f.name == "trigger":
            assert {"trigger_text", "trigger_start", "trigger_end"} <= events
        elif f.name not in EVENT_CHILD_FIELDS:
            assert f.name in events
    assert {f.name for f in dataclasses.fields(Actor)} <= set(table("event_actors").column_names)
    assert {f.name for f in dataclasses.fields(Location)} <= set(
        table("event_places").column_names)
    assert {f.name for f in dataclasses.fields(Document)} <= set(table("documents").column_names)


def test_types_follow_annotations() -> None:
    cols = {c.name: c for c in table("events").columns}
    assert cols["event_date"].sql_type == "DATE" and cols["event_date"].nullable
    assert cols["goldstein"].sql_type == "DOUBLE" and not cols["goldstein"].nullable
    assert cols["main"].sql_type == "BOOLEAN"
    assert cols["fatalities"].sql_type == "BIGINT"
    assert cols["modality"].sql_type == "VARCHAR"
    actors = {c.name: c for c in table("event_actors").columns}
    assert actors["affiliations"].sql_type == "VARCHAR[]"


def test_ddl_runs_and_quotes_keywords() -> None:
    con = duckdb.connect()
    for t in tables():
        con.execute(t.ddl())
    assert '"end"' in table("event_mentions").ddl()


def test_new_record_field_becomes_added_column() -> None:
    existing = {t.name: set(t.column_names) for t in tables()}
    assert missing_columns(existing) == []
    existing["events"].discard("injured")
    assert missing_columns(existing) == ['ALTER TABLE events ADD COLUMN "injured" BIGINT']


def test_store_opened_with_a_missing_column_gets_it(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE events DROP COLUMN injured")
    con.close()
    with Store(path) as store:
        cols = {r[0] for r in store._con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name='events'"
        ).fetchall()}
    assert "injured" in cols


def test_version_is_recorded_and_migrations_run_in_order(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    steps = {SCHEMA_VERSION + 1: ["CREATE TABLE m1 (x INTEGER)"],
             SCHEMA_VERSION + 2: ["INSERT INTO m1 VALUES (7)"]}
    assert [v for v, _ in pending_migrations(SCHEMA_VERSION, steps, SCHEMA_VERSION + 2)] == [
        SCHEMA_VERSION + 1, SCHEMA_VERSION + 2]
    with Store(path, migrations=steps, schema_version=SCHEMA_VERSION + 2) as store:
        assert store.schema_version == SCHEMA_VERSION + 2
        assert store._con.execute("SELECT x FROM m1").fetchall() == [(7,)]


def test_failed_migration_leaves_store_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    steps = {SCHEMA_VERSION + 1: ["CREATE TABLE m1 (x INTEGER)", "SELECT * FROM nowhere"]}
    with pytest.raises(duckdb.Error):
        Store(path, migrations=steps, schema_version=SCHEMA_VERSION + 1)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert "m1" not in store._existing_columns()


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store(path, migrations={}, schema_version=SCHEMA_VERSION + 5).close()
    with pytest.raises(SitrepError) as info:
        Store(path)
    assert info.value.code == "E411" and str(path) in str(info.value)
    with pytest.raises(SitrepError, match="E411"):
        Store(path, read_only=True)


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(SitrepError) as info:
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert info.value.code == "E410"
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(SitrepError, match="not a sitrep store"):
        Store(other, read_only=True)
