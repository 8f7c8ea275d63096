"""One batch of coded documents as one Parquet file, named by its content.

A batch file holds one row per document: the document's fields, its events as the store's own
rows (``events``, ``event_actors``, ``event_places``, ``event_mentions``, JSON-encoded in one
column), and, for a document the coder failed on, the error instead. The file's name is the
SHA-256 of the batch's sorted document ids, so the same documents always give the same file, and a
batch coded twice (a worker died after writing it) overwrites it with the same content. Files are
written under a temporary name and renamed into place, so a reader never sees part of one.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import E, SitrepError
from ..ingest._base import IngestError
from ..records import Document, Event
from ..store import _codec
from ..store.schema import tables

SUFFIX = ".parquet"
_CHILDREN = ("event_actors", "event_places", "event_mentions")
_SCHEMA = pa.schema([
    ("id", pa.string()), ("text", pa.string()), ("published", pa.date32()),
    ("title", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("path", pa.string()), ("events", pa.string()), ("error_code", pa.string()),
    ("error_message", pa.string()),
])


@dataclass(slots=True)
class CodedBatch:
    """What a batch file holds: coded documents with their events, and coder failures."""

    coded: list[tuple[Document, list[Event]]] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    @property
    def documents(self) -> list[Document]:
        return [doc for doc, _ in self.coded]


def batch_name(docs: Iterable[Document]) -> str:
    """The file name of a batch: SHA-256 of its sorted document ids (plus the suffix)."""
    digest = hashlib.sha256("\n".join(sorted(d.id for d in docs)).encode()).hexdigest()
    return f"batch-{digest[:40]}{SUFFIX}"


def write_batch(path: Path, batch: CodedBatch) -> int:
    """Write ``batch`` to ``path`` atomically (temporary file, fsync, rename); bytes written."""
    failed = {e.doc_id: e for e in batch.errors if e.doc_id}
    rows = [_row(doc, events, failed.get(doc.id)) for doc, events in batch.coded]
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(pa.Table.from_pylist(rows, schema=_SCHEMA), tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise SitrepError(E.E423, path=path, cause=exc) from exc
    return path.stat().st_size


def read_batch(path: Path) -> CodedBatch:
    """The documents, events and coder errors of one batch file."""
    try:
        rows = pq.read_table(path, schema=_SCHEMA).to_pylist()
    except (OSError, pa.ArrowException) as exc:
        raise SitrepError(E.E423, path=path, cause=exc) from exc
    batch = CodedBatch()
    for row in rows:
        doc = Document(**{k: row[k] for k in ("id", "text", "published", "title", "url",
                                              "source", "path")})
        batch.coded.append((doc, _events(row["events"])))
        if row["error_code"]:
            batch.errors.append(IngestError(doc.path or doc.url or doc.id, row["error_code"],
                                            row["error_message"], doc.id))
    return batch


def _row(doc: Document, events: Sequence[Event], error: IngestError | None) -> dict[str, Any]:
    rows = [_codec.event_rows(event) for event in events]
    return {**_codec.flatten(doc), "events": json.dumps(rows, default=_iso),
            "error_code": error.code if error else None,
            "error_message": error.message if error else None}


def _iso(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _events(encoded: str) -> list[Event]:
    events = []
    for rows in json.loads(encoded):
        typed = {name: [_typed(name, r) for r in table] for name, table in rows.items()}
        places = typed["event_places"]
        events.append(_codec.event_from_rows(typed["events"][0], typed["event_actors"],
                                             places[0] if places else None,
                                             typed["event_mentions"]))
    return events


def _typed(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-decoded row with its DATE columns as dates again."""
    dates = _date_columns()[table]
    return {k: date.fromisoformat(v) if k in dates and isinstance(v, str) else v
            for k, v in row.items()}


@cache
def _date_columns() -> dict[str, set[str]]:
    return {t.name: {c.name for c in t.columns if c.sql_type == "DATE"} for t in tables()}
