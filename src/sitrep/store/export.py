"""Writing events out: CSV, TSV, Parquet or JSONL, in the native, ACLED or GDELT layouts.

The format follows the file name's extension unless one is given (``format_for``). The GDELT
layouts are written tab-separated without a header, as GDELT's files are (``header=True`` adds
one); other CSV has a header. ``out`` may be a binary stream (the CLI passes standard output for
``-``), which is written directly.

A file is written safely: never over the store being read, never over an existing file unless
``force``; through a temporary file next to it, created with an unpredictable name and
``O_EXCL`` (a planted file or symbolic link is never written through), then renamed into place
in one step. In CSV, a text cell a spreadsheet would run as a formula (leading ``=``, ``+``,
``-``, ``@``, tab or carriage return) is prefixed with ``'``.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc

from ..errors import E, SitrepError
from ..records import Event
from ._layouts import LAYOUTS, Columns, Lookups, layout

__all__ = ["FORMATS", "LAYOUTS", "export_chunks", "export_events", "format_for", "layout_columns",
           "layout_table", "to_dataframe", "to_frame"]

FORMATS = ("csv", "tsv", "parquet", "jsonl")
_EXTENSIONS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".parquet": "parquet",
               ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}
_ARROW = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
          "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us")}
_FORMULA = "^[=+\\-@\t\r]"  # what spreadsheets read as the start of a formula
_TSV_BREAKS = re.compile("[\t\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # cell/line breaks


def format_for(out: str | Path, layout: str = "native") -> str:
    """The format a file name asks for by its extension (``x.parquet`` -> parquet); CSV when
    the extension says nothing (TSV for the GDELT layouts)."""
    suffixes = [s.lower() for s in Path(str(out)).suffixes]
    for suffix in reversed(suffixes):
        if suffix in _EXTENSIONS:
            found = _EXTENSIONS[suffix]
            return "tsv" if found == "csv" and layout.startswith("gdelt") else found
    return "tsv" if layout.startswith("gdelt") else "csv"


def layout_columns(name: str) -> Columns:
    """``(column, SQL type)`` pairs of a layout, in file order."""
    return layout(name)[0]


def layout_table(events: Sequence[Event], docs: Mapping[str, Mapping[str, Any]],
                 name: str, lookups: Lookups | None = None) -> pa.Table:
    """The events as an Arrow table in a layout (events the layout cannot hold are left out)."""
    columns, row_fn = layout(name)
    look = lookups or (Lookups.load() if name != "native" else Lookups.empty())
    rows: list[dict[str, Any]] = []
    for event in events:
        row = row_fn(event, docs.get(event.doc_id, {}), look)
        if isinstance(row, list):
            rows.extend(row)
        elif row is not None:
            rows.append(row)
    return pa.Table.from_pylist(rows, schema=arrow_schema(columns))


def arrow_schema(columns: Columns) -> pa.Schema:
    return pa.schema([(col, _ARROW[kind]) for col, kind in columns])


def export_events(events: Sequence[Event], docs: Mapping[str, Mapping[str, Any]],
                  out: str | Path | IO[bytes], format: str | None = None,
                  layout: str = "native", force: bool = False, header: bool | None = None) -> int:
    """Write ``events`` to ``out`` (see the module docstring); returns the number of rows."""
    return export_chunks([events], lambda _chunk: docs, out, format, layout, force=force,
                         header=header)


DocsFor = Callable[[Sequence[Event]], Mapping[str, Mapping[str, Any]]]


def export_chunks(chunks: Iterable[Sequence[Event]], docs_for: DocsFor,
                  out: str | Path | IO[bytes], format: str | None = None,
                  layout: str = "native", force: bool = False,
                  protect: Sequence[str | Path] = (), header: bool | None = None) -> int:
    """Like ``export_events`` for events that come in chunks (written as they come).

    ``protect`` names files never to replace, even with ``force`` (the store being read).
    """
    columns = layout_columns(layout)  # E412 for an unknown layout, before any file is made
    if format is None:
        format = format_for(out if isinstance(out, str | Path) else "-", layout)
    if format not in FORMATS:
        raise SitrepError(E.E412, name="format", value=format, choices=", ".join(FORMATS))
    look = Lookups.load() if layout != "native" else Lookups.empty()
    options = _Options(format, arrow_schema(columns),
                       not layout.startswith("gdelt") if header is None else header,
                       "\t" if format == "tsv" or layout.startswith("gdelt") else ",")

    def write(fh: IO[bytes]) -> int:
        with _Writer(fh, options) as writer:
            for chunk in chunks:
                if format == "jsonl" and layout == "native":
                    writer.write_records([e.to_dict() for e in chunk])
                else:
                    writer.write_table(layout_table(chunk, docs_for(chunk), layout, look))
        return writer.rows

    if not isinstance(out, str | Path):
        return write(out)
    return _write_file(Path(out), write, force, protect)


def _write_file(target: Path, write: Callable[[IO[bytes]], int], force: bool,
                protect: Sequence[str | Path]) -> int:
    check_target(target, force, protect)
    fd, name = _temporary(target)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            rows = write(fh)
        _publish(tmp, target, force)
    except (OSError, pa.ArrowException) as exc:
        tmp.unlink(missing_ok=True)
        raise SitrepError(E.E417, path=target, cause=exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return rows


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


@dataclass(frozen=True, slots=True)
class _Options:
    format: str
    schema: pa.Schema
    header: bool
    delimiter: str


class _Writer:
    """Appends Arrow tables (or JSON records) to one CSV/TSV, Parquet or JSONL stream."""

    def __init__(self, fh: IO[bytes], options: _Options) -> None:
        self.fh, self.options = fh, options
        self.format = options.format
        self.rows = 0
        self._sink: Any = None
        self._header_done = False

    def __enter__(self) -> _Writer:
        if self.format == "parquet":
            import pyarrow.parquet as pq

            self._sink = pq.ParquetWriter(self.fh, self.options.schema)
        elif self.format == "csv":
            import pyarrow.csv as pacsv

            write_options = pacsv.WriteOptions(quoting_style="needed",
                                               include_header=self.options.header,
                                               delimiter=self.options.delimiter)
            self._sink = pacsv.CSVWriter(self.fh, self.options.schema,
                                         write_options=write_options)
        return self

    def write_table(self, table: pa.Table) -> None:
        if self.format == "jsonl":
            self.write_records(table.to_pylist())
            return
        if self.format in ("csv", "tsv"):
            table = neutralise_formulas(table)
        if self.format == "tsv":
            self._write_tsv(table)
        else:
            self._sink.write_table(table)
        self.rows += table.num_rows

    def _write_tsv(self, table: pa.Table) -> None:
        """GDELT-style lines: no quoting; tabs and line breaks inside text become spaces."""
        lines = []
        if self.options.header and not self._header_done:
            lines.append("\t".join(table.column_names))
            self._header_done = True
        for row in table.to_pylist():
            lines.append("\t".join(_tsv_cell(v) for v in row.values()))
        self.fh.write("".join(f"{line}\n" for line in lines).encode("utf-8", "surrogatepass"))

    def write_records(self, records: list[dict[str, Any]]) -> None:
        lines = [json.dumps(r, ensure_ascii=False, default=_json_default) + "\n" for r in records]
        self.fh.write("".join(lines).encode("utf-8", "surrogatepass"))
        self.rows += len(records)

    def __exit__(self, *exc: object) -> None:
        if self._sink is not None:
            self._sink.close()
        self.fh.flush()
        with contextlib.suppress(OSError, ValueError, AttributeError):  # a pipe, a BytesIO
            os.fsync(self.fh.fileno())


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return _TSV_BREAKS.sub(" ", str(value))


def _json_default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_dataframe(events: Sequence[Event], docs: Mapping[str, Mapping[str, Any]] | None = None,
                 backend: str = "pandas", layout: str = "native") -> Any:
    """The events as a typed pandas (or polars) DataFrame in a layout: dates as
    ``datetime64``, integers as nullable ``Int64``, text (codes too: ``040``) as ``string``.

    pandas comes with the ``sitrep[pandas]`` extra; E413 names it when it is missing.
    """
    if backend not in ("pandas", "polars"):
        raise SitrepError(E.E412, name="backend", value=backend, choices="pandas, polars")
    if backend == "polars":
        try:
            import polars
        except ImportError as exc:
            raise SitrepError(E.E413, feature="DataFrames with backend='polars'",
                              package="polars") from exc
        return polars.from_arrow(layout_table(events, docs or {}, layout))
    try:
        import pandas
    except ImportError as exc:
        raise SitrepError(E.E413, feature="DataFrames (Store.events_df, sitrep.to_frame)",
                          package="'sitrep[pandas]'") from exc
    table = layout_table(events, docs or {}, layout)
    types = {"BIGINT": pandas.Int64Dtype(), "DOUBLE": pandas.Float64Dtype(),
             "BOOLEAN": pandas.BooleanDtype(), "VARCHAR": pandas.StringDtype()}
    frame = table.to_pandas(types_mapper={_ARROW[k]: v for k, v in types.items()}.get)
    for column, kind in layout_columns(layout):
        if kind in ("DATE", "TIMESTAMP"):
            frame[column] = pandas.to_datetime(frame[column])
    return frame


def to_frame(events: Sequence[Event], layout: str = "native", backend: str = "pandas") -> Any:
    """``sitrep.code()`` results as a typed DataFrame (see ``to_dataframe``); document columns
    (title, URL, outlet) are empty, as the events alone do not carry them."""
    return to_dataframe(events, None, backend, layout)
