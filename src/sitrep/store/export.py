"""Writing events out: CSV, Parquet or JSONL, in the native, ACLED or GDELT layout."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
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
                 name: str) -> pa.Table:
    """The events as an Arrow table in a layout (events the layout cannot hold are left out)."""
    columns, row_fn = layout(name)
    look = Lookups.load() if name != "native" else Lookups({}, {}, {})
    rows = [row for e in events if (row := row_fn(e, docs.get(e.doc_id, {}), look)) is not None]
    schema = pa.schema([(col, _ARROW[kind]) for col, kind in columns])
    return pa.Table.from_pylist(rows, schema=schema)


def export_events(events: Sequence[Event], docs: Mapping[str, Mapping[str, Any]],
                  out: str | Path, format: str = "csv", layout: str = "native") -> int:
    """Write ``events`` to ``out`` (replaced atomically); returns the number of rows written."""
    if format not in FORMATS:
        raise SitrepError(E.E412, name="format", value=format, choices=", ".join(FORMATS))
    target = Path(out)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        if format == "jsonl" and layout == "native":
            count = _write_native_jsonl(events, tmp)
        else:
            table = layout_table(events, docs, layout)
            _write_table(table, tmp, format)
            count = table.num_rows
        os.replace(tmp, target)
    except (OSError, pa.ArrowException) as exc:
        tmp.unlink(missing_ok=True)
        raise SitrepError(E.E417, path=target, cause=exc) from exc
    return count


def _write_native_jsonl(events: Sequence[Event], path: Path) -> int:
    with path.open("w", encoding="utf-8") as fh:
        for event in events:
            fh.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    return len(events)


def _write_table(table: pa.Table, path: Path, format: str) -> None:
    if format == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, path)
    elif format == "csv":
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, path, pacsv.WriteOptions(quoting_style="needed"))
    else:
        with path.open("w", encoding="utf-8") as fh:
            for row in table.to_pylist():
                fh.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")


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
