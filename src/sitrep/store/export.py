"""Writing events out: CSV, Parquet or JSONL, in the native, ACLED or GDELT layout.

A file is written safely: never over the store being read, never over an existing file unless
``force``; through a temporary file next to it, created with an unpredictable name and
``O_EXCL`` (a planted file or symbolic link is never written through), then renamed into place
in one step. In CSV, a text cell a spreadsheet would run as a formula (leading ``=``, ``+``,
``-``, ``@``, tab or carriage return) is prefixed with ``'``.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc

from ..errors import E, SitrepError
from ..records import Event
from ._layouts import Columns, Lookups, layout

FORMATS = ("csv", "parquet", "jsonl")
LAYOUTS = ("native", "acled", "gdelt")
_ARROW = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
          "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us")}
_FORMULA = "^[=+\\-@\t\r]"  # what spreadsheets read as the start of a formula


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
                  out: str | Path, format: str = "csv", layout: str = "native",
                  force: bool = False) -> int:
    """Write ``events`` to ``out`` (see the module docstring); returns the number of rows."""
    return export_chunks([events], lambda _chunk: docs, out, format, layout, force=force)


DocsFor = Callable[[Sequence[Event]], Mapping[str, Mapping[str, Any]]]


def export_chunks(chunks: Iterable[Sequence[Event]], docs_for: DocsFor, out: str | Path,
                  format: str = "csv", layout: str = "native", force: bool = False,
                  protect: Sequence[str | Path] = ()) -> int:
    """Like ``export_events`` for events that come in chunks (written as they come).

    ``protect`` names files never to replace, even with ``force`` (the store being read).
    """
    if format not in FORMATS:
        raise SitrepError(E.E412, name="format", value=format, choices=", ".join(FORMATS))
    columns = layout_columns(layout)  # E412 for an unknown layout, before any file is made
    look = Lookups.load() if layout != "native" else Lookups({}, {}, {})
    target = Path(out)
    check_target(target, force, protect)
    fd, name = _temporary(target)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh, _Writer(fh, format, arrow_schema(columns)) as writer:
            for chunk in chunks:
                if format == "jsonl" and layout == "native":
                    writer.write_records([e.to_dict() for e in chunk])
                else:
                    writer.write_table(layout_table(chunk, docs_for(chunk), layout, look))
        _publish(tmp, target, force)
    except (OSError, pa.ArrowException) as exc:
        tmp.unlink(missing_ok=True)
        raise SitrepError(E.E417, path=target, cause=exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return writer.rows


def check_target(target: Path, force: bool, protect: Sequence[str | Path] = ()) -> None:
    """E419 when ``target`` is a protected file (or its journal), a directory, or exists
    and ``force`` is not given."""
    for path in protect:
        if str(path) == ":memory:":
            continue
        for kept in (Path(path), Path(f"{path}.wal")):
            if _same_file(target, kept):
                raise SitrepError(E.E419, path=target, cause=f"it is the store {path} being "
                                  "read (never replaced, even with --force)")
    if target.is_dir():
        raise SitrepError(E.E419, path=target, cause="it is a directory")
    if os.path.lexists(target) and not force:
        raise SitrepError(E.E419, path=target, cause="the file exists")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _temporary(target: Path) -> tuple[int, str]:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                    dir=target.parent)
    except OSError as exc:
        raise SitrepError(E.E417, path=target, cause=exc) from exc
    os.fchmod(fd, 0o644)
    return fd, name


def _publish(tmp: Path, target: Path, force: bool) -> None:
    """Rename ``tmp`` to ``target`` in one step; without ``force``, only if ``target`` is
    still free (a hard link fails if it appeared meanwhile)."""
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)
    except FileExistsError as exc:
        raise SitrepError(E.E419, path=target, cause="the file exists") from exc
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(target):  # no hard links here: check, then rename
            raise SitrepError(E.E419, path=target, cause="the file exists") from exc
        os.replace(tmp, target)
        return
    tmp.unlink()


def neutralise_formulas(table: pa.Table) -> pa.Table:
    """Text cells that start like a spreadsheet formula, prefixed with ``'`` (CSV only)."""
    for index, field in enumerate(table.schema):
        if pa.types.is_string(field.type):
            column = table.column(index)
            risky = pc.match_substring_regex(column, pattern=_FORMULA)
            quoted = pc.binary_join_element_wise("'", column, "")
            table = table.set_column(index, field, pc.if_else(risky, quoted, column))
    return table


class _Writer:
    """Appends Arrow tables (or JSON records) to one CSV, Parquet or JSONL file."""

    def __init__(self, fh: IO[bytes], format: str, schema: pa.Schema) -> None:
        self.fh, self.format, self.schema = fh, format, schema
        self.rows = 0
        self._sink: Any = None

    def __enter__(self) -> _Writer:
        if self.format == "parquet":
            import pyarrow.parquet as pq

            self._sink = pq.ParquetWriter(self.fh, self.schema)
        elif self.format == "csv":
            import pyarrow.csv as pacsv

            self._sink = pacsv.CSVWriter(self.fh, self.schema,
                                         write_options=pacsv.WriteOptions(quoting_style="needed"))
        return self

    def write_table(self, table: pa.Table) -> None:
        if self.format == "jsonl":
            self.write_records(table.to_pylist())
            return
        if self.format == "csv":
            table = neutralise_formulas(table)
        self._sink.write_table(table)
        self.rows += table.num_rows

    def write_records(self, records: list[dict[str, Any]]) -> None:
        lines = [json.dumps(r, ensure_ascii=False, default=_json_default) + "\n" for r in records]
        self.fh.write("".join(lines).encode("utf-8", "surrogatepass"))
        self.rows += len(records)

    def __exit__(self, *exc: object) -> None:
        if self._sink is not None:
            self._sink.close()
        self.fh.flush()
        os.fsync(self.fh.fileno())


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
