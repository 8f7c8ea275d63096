"""``Store``: the embedded DuckDB file that holds documents, events and ingest errors.

Writes are transactional: a batch of documents goes in whole or not at all, and a document is
only ever stored together with all of its events, so a store killed at any moment holds only
complete documents, and ingesting again fills in the rest. Documents are keyed by content hash.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from ..errors import E, SitrepError
from ..incidents import _sql as _incidents
from ..incidents.rules import Rules
from ..ingest._base import DocumentCopy, IngestError
from ..records import Document, Event
from . import _codec, query
from .schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    missing_columns,
    pending_migrations,
    quoted,
    tables,
)

if TYPE_CHECKING:
    from ..incidents.links import Link
    from ..incidents.merge import Incident
    from ..incidents.query import Thread

DEFAULT_PATH = "sitrep.duckdb"
_ARROW = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
          "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
          "VARCHAR[]": pa.list_(pa.string())}
_WRITE_ORDER = ("documents", "events", "event_actors", "event_places", "event_mentions")
# What a row the store cannot hold raises (a count over 64 bits, text that is not valid UTF-8):
# the batch is retried document by document and the bad one is recorded as E415.
_WRITE_ERRORS = (duckdb.Error, pa.ArrowException, OverflowError, ValueError, TypeError,
                 UnicodeError)


@dataclass(slots=True)
class BatchResult:
    """What one ``add_batch`` call stored."""

    added: int = 0
    duplicates: int = 0
    events: int = 0
    failed: list[IngestError] = field(default_factory=list)

    @property
    def failed_ids(self) -> set[str]:
        return {f.doc_id for f in self.failed if f.doc_id}


class Store:
    """A sitrep store in one DuckDB file (``":memory:"`` for a throw-away store)."""

    def __init__(self, path: str | Path = DEFAULT_PATH, read_only: bool = False,
                 migrations: Mapping[int, Sequence[str]] = MIGRATIONS,
                 schema_version: int = SCHEMA_VERSION, incidents: bool = True) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.source = self.path  # the store file this reads (differs for a snapshot)
        self._snapshot_dir: Path | None = None
        self.rules = Rules.load()
        self.keep_incidents = incidents  # False: no incident layer (benchmarks only)
        self._con = self._connect()
        try:
            self._prepare(migrations, schema_version)
        except BaseException:
            self._con.close()
            raise

    # --- lifecycle ---------------------------------------------------------------------
    def _connect(self) -> duckdb.DuckDBPyConnection:
        if self.read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise SitrepError(E.E410, path=self.path, cause="no such file")
        try:
            return duckdb.connect(self.path, read_only=self.read_only)
        except duckdb.Error as exc:
            raise SitrepError(E.E410, path=self.path, cause=exc) from exc

    def _prepare(self, migrations: Mapping[int, Sequence[str]], target: int) -> None:
        existing = self._existing_columns()
        if self.read_only:
            self._check_version(existing, target)
            return
        with self._transaction():
            for t in tables():
                self._con.execute(t.ddl())
            found = self._version() if "sitrep_meta" in existing else target
            if found > target:
                raise SitrepError(E.E411, path=self.path, found=found, supported=target)
            for version, statements in pending_migrations(found, migrations, target):
                for statement in statements:
                    self._con.execute(statement)
                found = version
            for statement in missing_columns(self._existing_columns()):
                self._con.execute(statement)
            self._con.execute("INSERT OR REPLACE INTO sitrep_meta VALUES ('schema_version', ?)",
                              [str(found)])

    def _check_version(self, existing: Mapping[str, set[str]], target: int) -> None:
        if "sitrep_meta" not in existing:
            raise SitrepError(E.E410, path=self.path, cause="it is not a sitrep store")
        found = self._version()
        if found > target:
            raise SitrepError(E.E411, path=self.path, found=found, supported=target)

    def _existing_columns(self) -> dict[str, set[str]]:
        rows = self._con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'main'").fetchall()
        result: dict[str, set[str]] = {}
        for table_name, column in rows:
            result.setdefault(table_name, set()).add(column)
        return result

    def _version(self) -> int:
        row = self._con.execute(
            "SELECT value FROM sitrep_meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    @property
    def schema_version(self) -> int:
        return self._version()

    @classmethod
    def snapshot(cls, path: str | Path = DEFAULT_PATH) -> Store:
        """A read-only copy of the store as it is now, for notebooks: holding it open never
        blocks a `sitrep ingest` into ``path`` (a plain ``Store(path, read_only=True)`` keeps
        the file locked while open). The copy lives in a temporary directory until ``close``."""
        source = Path(path)
        if not source.is_file():
            raise SitrepError(E.E410, path=source, cause="no such file")
        tmp = Path(tempfile.mkdtemp(prefix="sitrep-snapshot-"))
        try:
            shutil.copyfile(source, tmp / source.name)
            if Path(f"{source}.wal").is_file():
                shutil.copyfile(f"{source}.wal", tmp / f"{source.name}.wal")
            store = cls(tmp / source.name, read_only=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        store.source, store._snapshot_dir = str(source), tmp
        return store

    def close(self) -> None:
        self._con.close()
        if self._snapshot_dir is not None:
            shutil.rmtree(self._snapshot_dir, ignore_errors=True)
            self._snapshot_dir = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self._con)

    # --- writing -----------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this content hash is stored."""
        row = self._con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row is not None

    def stored_copy(self, doc_id: str) -> DocumentCopy | None:
        """Where the stored document with this id came from, with its metadata (or None)."""
        row = self._con.execute("SELECT id, coalesce(path, url, id), published, title, url, "
                                "source FROM documents WHERE id = ?", [doc_id]).fetchone()
        return DocumentCopy(*row) if row else None

    def copies(self) -> list[DocumentCopy]:
        """Copies of stored texts that came with other metadata (``document_copies``)."""
        cols = ("doc_id", "path", "published", "title", "url", "source")
        rows = self._con.execute(f"SELECT {', '.join(cols)} FROM document_copies "
                                 "ORDER BY doc_id, path").fetchall()
        return [DocumentCopy(*row) for row in rows]

    def add(self, doc: Document, events: Sequence[Event]) -> bool:
        """Store one document with its events in one transaction; False if already stored."""
        result = self.add_batch([(doc, events)])
        if result.failed:
            raise SitrepError(E.E415, path=doc.path or doc.id, cause=result.failed[0].message)
        return result.added == 1

    def add_batch(self, items: Sequence[tuple[Document, Sequence[Event]]],
                  errors: Sequence[IngestError] = (), copies: Sequence[DocumentCopy] = (),
                  replace: Iterable[str] = ()) -> BatchResult:
        """Store documents with their events, ingest errors and copies, in one transaction.

        Documents already stored (or repeated in ``items``) are counted as duplicates, except
        those whose ids are in ``replace``: their stored rows are replaced (metadata updated,
        events re-coded). If the batch cannot be written, each document is retried in a
        transaction of its own, and one that still fails is returned in ``failed`` (and recorded
        as an error).
        """
        renew = set(replace)
        fresh, duplicates = self._fresh(items, renew)
        result = BatchResult(duplicates=duplicates)
        try:
            with self._transaction():
                self._delete_documents([d.id for d, _ in fresh if d.id in renew])
                self._write(fresh, errors)
                self._insert_copies(copies)
        except _WRITE_ERRORS:
            return self._write_one_by_one(fresh, errors, result, renew, copies)
        result.added = len(fresh)
        result.events = sum(len(events) for _, events in fresh)
        return result

    def _fresh(self, items: Sequence[tuple[Document, Sequence[Event]]], renew: set[str]
               ) -> tuple[list[tuple[Document, Sequence[Event]]], int]:
        ids = list({doc.id for doc, _ in items})
        stored = {r[0] for r in self._con.execute(
            "SELECT id FROM documents WHERE list_contains(?, id)", [ids]).fetchall()} - renew
        fresh: list[tuple[Document, Sequence[Event]]] = []
        for doc, events in items:
            if doc.id not in stored:
                stored.add(doc.id)
                fresh.append((doc, events))
        return fresh, len(items) - len(fresh)

    def _write_one_by_one(self, fresh: list[tuple[Document, Sequence[Event]]],
                          errors: Sequence[IngestError], result: BatchResult,
                          renew: set[str], copies: Sequence[DocumentCopy]) -> BatchResult:
        for doc, events in fresh:
            try:
                with self._transaction():
                    self._delete_documents([doc.id] if doc.id in renew else [])
                    self._write([(doc, events)], ())
            except _WRITE_ERRORS as exc:
                source = doc.path or doc.url or doc.id
                result.failed.append(IngestError.from_exception(
                    source, SitrepError(E.E415, path=source, cause=exc), doc.id))
                continue
            result.added += 1
            result.events += len(events)
        self.add_errors([*errors, *result.failed])
        with self._transaction():
            self._insert_copies(copies)
        return result

    def _delete_documents(self, ids: Sequence[str]) -> None:
        """Remove documents and all their event rows (before they are stored anew)."""
        if not ids:
            return
        if self.keep_incidents:
            _incidents.forget(self._con, self._insert, ids, self.rules)
        events = "SELECT id FROM events WHERE list_contains(?, doc_id)"
        for name in ("event_mentions", "event_places", "event_actors"):
            self._con.execute(f"DELETE FROM {name} WHERE event_id IN ({events})", [ids])
        self._con.execute("DELETE FROM events WHERE list_contains(?, doc_id)", [ids])
        self._con.execute("DELETE FROM documents WHERE list_contains(?, id)", [ids])

    def _insert_copies(self, copies: Sequence[DocumentCopy]) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        unique = {(c.doc_id, c.path): c for c in copies}
        self._insert("document_copies", [{**_codec.flatten(c), "seen_at": now}
                                         for c in unique.values()], ignore=True)

    def _write(self, items: Sequence[tuple[Document, Sequence[Event]]],
               errors: Sequence[IngestError]) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        rows: dict[str, list[_codec.Row]] = {name: [] for name in _WRITE_ORDER}
        stored: list[tuple[Document, Sequence[Event]]] = []
        for doc, events in items:
            unique = list({e.id: e for e in events}.values())
            stored.append((doc, unique))
            rows["documents"].append(_codec.document_row(doc, len(unique), now))
            for event in unique:
                for name, table_rows in _codec.event_rows(event).items():
                    rows[name].extend(table_rows)
        for name in _WRITE_ORDER:
            self._insert(name, rows[name])
        if self.keep_incidents:
            _incidents.update(self._con, self._insert, stored, self.rules)
        self._clear_resolved_errors(items)
        self._insert_errors(errors, now)

    def _clear_resolved_errors(self, items: Sequence[tuple[Document, Sequence[Event]]]) -> None:
        """Errors of an input that has now been stored (e.g. a coder failure, retried) go."""
        sources = [d.path for d, _ in items if d.path]
        self._con.execute("DELETE FROM ingest_errors WHERE list_contains(?, doc_id) OR "
                          "list_contains(?, source)", [[d.id for d, _ in items], sources])

    def add_errors(self, errors: Iterable[IngestError]) -> None:
        """Record ingest errors (one row per source and error code)."""
        with self._transaction():
            self._insert_errors(list(errors), datetime.now(UTC).replace(tzinfo=None))

    def _insert_errors(self, errors: Sequence[IngestError], now: datetime) -> None:
        unique = {(e.source, e.code): e for e in errors}
        self._insert("ingest_errors", [_codec.error_row(e, now) for e in unique.values()],
                     ignore=True)

    def _insert(self, name: str, rows: list[_codec.Row], ignore: bool = False) -> None:
        if not rows:
            return
        table = next(t for t in tables() if t.name == name)
        schema = pa.schema([(c.name, _ARROW[c.sql_type]) for c in table.columns])
        batch = pa.Table.from_pylist(rows, schema=schema)
        cols = ", ".join(quoted(table.column_names))
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        self._con.register("_sitrep_batch", batch)
        try:
            self._con.execute(f"{verb} INTO {name} ({cols}) SELECT {cols} FROM _sitrep_batch")
        finally:
            self._con.unregister("_sitrep_batch")

    # --- reading -----------------------------------------------------------------------
    def errors(self) -> list[IngestError]:
        """Every recorded ingest error, by source."""
        cols = ("source", "code", "message", "doc_id")
        rows = self._con.execute(
            f"SELECT {', '.join(cols)} FROM ingest_errors ORDER BY source, code").fetchall()
        return [IngestError(*row) for row in rows]

    def document(self, doc_id: str) -> Document | None:
        """The stored document with this id, or None."""
        return query.document(self._con, doc_id)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor on this store's database, for one thread at a time (the ``query``
        functions take it); close it when done. Cursors see each other's committed writes."""
        return self._con.cursor()

    def counts(self) -> dict[str, int]:
        """Number of rows in each table."""
        counts = {}
        for t in tables():
            row = self._con.execute(f"SELECT count(*) FROM {t.name}").fetchone()
            counts[t.name] = int(row[0]) if row else 0
        return counts

    def events(self, since: date | str | None = None, until: date | str | None = None,
               country: str | None = None, type: str | None = None, actor: str | None = None,
               text: str | None = None, limit: int | None = None, admin1: str | None = None,
               bbox: str | Sequence[float] | None = None, offset: int = 0,
               sort: str = "date") -> list[Event]:
        """Stored events matching every filter given, by date, document and position (or
        ``sort``: ``query.SORTS``); ``offset`` and ``limit`` page through them. ``bbox`` is
        (min_lon, min_lat, max_lon, max_lat)."""
        flt = query.EventFilter.build(since=since, until=until, country=country, type=type,
                                      actor=actor, text=text, limit=limit, admin1=admin1,
                                      bbox=bbox, offset=offset, sort=sort)
        return query.load_events(self._con, flt)

    def events_df(self, since: date | str | None = None, until: date | str | None = None,
                  country: str | None = None, type: str | None = None,
                  actor: str | None = None, text: str | None = None, limit: int | None = None,
                  backend: str = "pandas", layout: str = "native", **more: Any) -> Any:
        """The same events as a typed DataFrame in a layout (``export.to_dataframe``); ``more``
        takes the other filters of ``events`` (admin1, bbox, offset, sort)."""
        from .export import to_dataframe

        events = self.events(since, until, country, type, actor, text, limit, **more)
        return to_dataframe(events, self._documents_for(events), backend, layout)

    def stats(self, events: bool = False) -> query.Stats:
        """Counts by day, country and type, and total fatalities: each real-world event
        (incident) once, or with ``events`` each event record (report) once."""
        if events or "incident_members" not in self._existing_columns():
            return query.stats(self._con)  # a store from before incidents, opened read-only
        from ..incidents import query as incident_query

        return incident_query.stats(self._con)

    def incidents(self, since: date | str | None = None, until: date | str | None = None,
                  country: str | None = None, type: str | None = None,
                  actor: str | None = None, text: str | None = None,
                  limit: int | None = None, admin1: str | None = None,
                  bbox: str | Sequence[float] | None = None) -> list[Incident]:
        """Incidents with a report matching every filter given (as ``events``), by date."""
        from ..incidents import query as incident_query

        flt = query.EventFilter.build(since=since, until=until, country=country, type=type,
                                      actor=actor, text=text, limit=limit, admin1=admin1,
                                      bbox=bbox)
        return incident_query.incidents_for(self._con, flt, limit)

    def incident(self, ident: str) -> Incident | None:
        """The incident with this id, or the one the event with this id belongs to."""
        from ..incidents import query as incident_query

        found = incident_query.incident_of(self._con, ident)
        return incident_query.load(self._con, [found])[0] if found else None

    def chain(self, ident: str) -> Thread | None:
        """The thread (linked incidents, in date order) of an event or incident id."""
        from ..incidents import query as incident_query

        return incident_query.chain(self._con, ident)

    def export_incidents(self, out: str | Path, format: str = "csv", force: bool = False,
                         **filters: Any) -> int:
        """Write the incidents (filtered as in ``incidents``) in the ACLED-like layout, one
        row per incident; rows written. Safe writes as ``export``."""
        from ..incidents.export import export_incidents
        from .export import check_target

        check_target(Path(out), force, [self.path])
        found = self.incidents(**filters)
        ids = [r.event_id for i in found for r in i.reports]
        events = {e.id: e for e in query.load_by_ids(self._con, ids)}
        return export_incidents(found, events, out, format, force, protect=[self.path])

    def rebuild_incidents(self, chunk: int = 256) -> int:
        """File every stored event into incidents again, in one transaction (a store made
        before incidents existed, or rules changed); returns the number of incidents."""
        ids = [r[0] for r in self._con.execute("SELECT id FROM documents ORDER BY id").fetchall()]
        with self._transaction():
            _incidents.clear(self._con)
            for start in range(0, len(ids), chunk):
                docs = [d for i in ids[start:start + chunk] if (d := self.document(i))]
                rows = self._con.execute("SELECT id FROM events WHERE list_contains(?, doc_id) "
                                         "ORDER BY id", [[d.id for d in docs]]).fetchall()
                events = query.load_by_ids(self._con, [r[0] for r in rows])
                items = [(d, [e for e in events if e.doc_id == d.id]) for d in docs]
                _incidents.update(self._con, self._insert, items, self.rules)
        return self.stats().incidents

    def links(self) -> list[Link]:
        """Every stored link between events."""
        from ..incidents import query as incident_query

        return incident_query.links(self._con)

    def export(self, out: str | Path | IO[bytes], format: str | None = None,
               layout: str = "native", chunk: int = 5000, force: bool = False,
               header: bool | None = None, **filters: Any) -> int:
        """Write the events (optionally filtered as in ``events``) to ``out``; rows written.

        ``format`` defaults to the one ``out``'s extension names (``export.format_for``); ``out``
        may be a binary stream. Events are read and written ``chunk`` at a time, so memory stays
        bounded. An existing ``out`` is replaced only with ``force``, and the store itself
        never (E419).
        """
        from .export import check_target, export_chunks

        if isinstance(out, str | Path):
            check_target(Path(out), force, [self.path, self.source])  # before any query runs
        flt = query.EventFilter.build(**filters)
        chunks = query.iter_events(self._con, flt, chunk=chunk)
        return export_chunks(chunks, self._documents_for, out, format, layout, force=force,
                             protect=[self.path, self.source], header=header)

    def _documents_for(self, events: Sequence[Event]) -> dict[str, Mapping[str, Any]]:
        return dict(query.documents_for(self._con, events))


class _Transaction:
    """``with`` block around BEGIN/COMMIT; ROLLBACK when the block raises."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def __enter__(self) -> None:
        self._con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if exc_type is None:
            self._con.execute("COMMIT")
        else:
            self._con.execute("ROLLBACK")
