"""Event lists as files: the format a request asks for (``format=`` or its Accept header) and
the writers (the store's export layouts, plus GeoJSON), spooled so memory stays bounded."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

import duckdb

from ..errors import E, SitrepError
from ..records import Event
from ..store import query
from ..store._layouts import Lookups
from ..store._layouts import layout as layout_of
from ..store.export import export_chunks

MEDIA = {
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}
_ACCEPT = {"application/json": "json", "application/x-ndjson": "jsonl",
           "application/jsonl": "jsonl", "text/csv": "csv", "text/tab-separated-values": "tsv",
           "application/geo+json": "geojson", "application/vnd.apache.parquet": "parquet",
           "application/x-parquet": "parquet"}
_SPOOL = 8 * 1024 * 1024  # bytes kept in memory before a file spills to disk


def negotiate(format: str | None, accept: str | None) -> str:
    """The format to answer with: ``format`` if given, else the first the Accept header names
    that we serve, else JSON."""
    if format:
        if format not in MEDIA:
            raise SitrepError(E.E706, value=format, choices=", ".join(MEDIA))
        return format
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in _ACCEPT:
            return _ACCEPT[media]
        if media in ("*/*", "application/*", ""):
            return "json"
    if accept and accept.strip():
        raise SitrepError(E.E706, value=accept, choices=", ".join(MEDIA.values()))
    return "json"


def write_file(con: duckdb.DuckDBPyConnection, chunks: Iterable[Sequence[Event]], format: str,
               layout: str) -> IO[bytes]:
    """The events written in ``format`` and ``layout`` to a spooled file, rewound."""
    out = tempfile.SpooledTemporaryFile(max_size=_SPOOL)  # noqa: SIM115  # the caller closes it
    try:
        if format == "geojson":
            _write_geojson(out, con, chunks, layout)
        else:
            export_chunks(chunks, lambda evs: query.documents_for(con, evs), out, format, layout)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out


def stream(fh: IO[bytes], size: int = 64 * 1024) -> Iterator[bytes]:
    """The file's bytes, in pieces, closing it at the end."""
    try:
        while piece := fh.read(size):
            yield piece
    finally:
        fh.close()


def _write_geojson(out: IO[bytes], con: duckdb.DuckDBPyConnection,
                   chunks: Iterable[Sequence[Event]], layout: str) -> None:
    """A FeatureCollection: one Point feature per layout row of a placed event (an unplaced
    event has a null geometry, as GeoJSON allows), its properties the layout's columns."""
    look = Lookups.load() if layout != "native" else Lookups.empty()
    _columns, row_fn = layout_of(layout)
    out.write(b'{"type": "FeatureCollection", "features": [')
    first = True
    for chunk in chunks:
        docs = query.documents_for(con, chunk)
        for event in chunk:
            for props in _rows(event, docs, layout, row_fn, look):
                feature = {"type": "Feature", "id": event.id, "geometry": _point(event),
                           "properties": props}
                out.write((b"" if first else b",\n") + json.dumps(feature, default=str).encode())
                first = False
    out.write(b"]}\n")


def _rows(event: Event, docs: dict[str, dict[str, Any]], layout: str, row_fn: Any,
          look: Lookups) -> list[dict[str, Any]]:
    if layout == "native":
        return [event.to_dict()]
    row = row_fn(event, docs.get(event.doc_id, {}), look)
    return row if isinstance(row, list) else [row] if row is not None else []


def _point(event: Event) -> dict[str, Any] | None:
    place = event.location
    if place is None or place.lat is None or place.lon is None:
        return None
    return {"type": "Point", "coordinates": [place.lon, place.lat]}
