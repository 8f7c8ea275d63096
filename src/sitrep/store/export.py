"""Writing events out: CSV, Parquet or JSONL, in the native, ACLED or GDELT layout."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import E, SitrepError
from ..records import Event
from ._layouts import Columns, Lookups, layout

FORMATS = ("csv", "parquet", "jsonl")
LAYOUTS = ("native", "acled", "gdelt")
_ARROW = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
          "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us")}


def layout_columns(name: str) -> Columns:
    """``(column, SQL type)`` pairs of a layout, in file order."""
    return layout(name)[0]


def layout_table(events: Sequence[Event], docs: Mapping[str, Mapping[str, Any]],
                 name: str, lookups: Lookups | None = None) -> pa.Table:
    """The events as an Arrow table in a layout (events the layout cannot hold are left out)."""
    columns, row_fn = layout(name)
    look = lookups or (Lookups.load() if name != "native" else Lookups({}, {}, {}))
    rows = [row for e in events if (row := row_fn(e, docs.get(e.doc_id, {}), look)) is not None]
    return pa.Table.from_pylist(rows, schema=arrow_schema(columns))


def arrow_schema(columns: Columns) -> pa.Schema:
    return pa.schema([(col, _ARROW[kind]) for col, kind in columns])


def export_events(events: Sequence[Event], docs: Mapping[str, Mapping[str, Any]],
                  out: str | Path, format: str = "csv", layout: str = "native") -> int:
    """Write ``events`` to ``out`` (replaced atomically); returns the number of rows written."""
    return export_chunks([events], lambda _chunk: docs, out, format, layout)


DocsFor = Callable[[Sequence[Event]], Mapping[str, Mapping[str, Any]]]


def export_chunks(chunks: Iterable[Sequence[Event]], docs_for: DocsFor, out: str | Path,
                  format: str = "csv", layout: str = "native") -> int:
    """Like ``export_events`` for events that come in chunks (written as they come)."""
    if format not in FORMATS:
        raise SitrepError(E.E412, name="format", value=format, choices=", ".join(FORMATS))
    columns = layout_columns(layout)  # E412 for an unknown layout, before any file is made
    look = Lookups.load() if layout != "native" else Lookups({}, {}, {})
    target = Path(out)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with _Writer(tmp, format, arrow_schema(columns)) as writer:
            for chunk in chunks:
                if format == "jsonl" and layout == "native":
                    writer.write_records([e.to_dict() for e in chunk])
                else:
                    writer.write_table(layout_table(chunk, docs_for(chunk), layout, look))
        os.replace(tmp, target)
    except (OSError, pa.ArrowException) as exc:
        tmp.unlink(missing_ok=True)
        raise SitrepError(E.E417, path=target, cause=exc) from exc
    return writer.rows


class _Writer:
    """Appends Arrow tables (or JSON records) to one CSV, Parquet or JSONL file."""

    def __init__(self, path: Path, format: str, schema: pa.Schema) -> None:
        self.path, self.format, self.schema = path, format, schema
        self.rows = 0
        self._sink: Any = None

    def __enter__(self) -> _Writer:
        if self.format == "parquet":
            import pyarrow.parquet as pq

            self._sink = pq.ParquetWriter(self.path, self.schema)
        elif self.format == "csv":
            import pyarrow.csv as pacsv

            self._sink = pacsv.CSVWriter(self.path, self.schema,
                                         write_options=pacsv.WriteOptions(quoting_style="needed"))
        else:
            self._sink = self.path.open("w", encoding="utf-8")
        return self

    def write_table(self, table: pa.Table) -> None:
        if self.format == "jsonl":
            self.write_records(table.to_pylist())
            return
        self._sink.write_table(table)
        self.rows += table.num_rows

    def write_records(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            self._sink.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
        self.rows += len(records)

    def __exit__(self, *exc: object) -> None:
        self._sink.close()


def _json_default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_dataframe(events: Sequence[Event], docs: Mapping[str, Mapping[str, Any]],
                 backend: str = "pandas") -> Any:
    """The events in the native flat layout as a pandas or polars DataFrame."""
    table = layout_table(events, docs, "native")
    if backend == "pandas":
        try:
            import pandas  # noqa: F401
        except ImportError as exc:
            raise SitrepError(E.E413, feature="Store.events_df", package="pandas") from exc
        return table.to_pandas()
    if backend == "polars":
        try:
            import polars
        except ImportError as exc:
            raise SitrepError(E.E413, feature="Store.events_df(backend='polars')",
                              package="polars") from exc
        return polars.from_arrow(table)
    raise SitrepError(E.E412, name="backend", value=backend, choices="pandas, polars")
