"""CSV (comma) and TSV (tab) files with a header row; columns map to fields like JSON keys."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..errors import E, SitrepError
from ..records import Document
from ._base import IngestError, SourceOptions
from ._files import read_bytes
from ._jsonl import record_document
from .textfile import decode_bytes

Item = Document | IngestError


def read_csv(path: str, opts: SourceOptions) -> Iterator[Item]:
    """One item per data row (``path:line``); a file that cannot be parsed raises E405."""
    text = decode_bytes(read_bytes(path, opts), path)
    reader = csv.DictReader(io.StringIO(text, newline=""),
                            dialect=_dialect(path))
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, opts.max_chars + 1))
    try:
        yield from _rows(reader, path, opts)
    except csv.Error as exc:
        raise SitrepError(E.E405, path=f"{path}:{reader.line_num}", cause=exc) from exc
    finally:
        csv.field_size_limit(limit)


def _dialect(path: str) -> type[csv.Dialect]:
    return csv.excel_tab if path.lower().endswith(".tsv") else csv.excel


def _rows(reader: csv.DictReader[str], path: str, opts: SourceOptions) -> Iterator[Item]:
    if not reader.fieldnames or opts.text_field not in reader.fieldnames:
        found = ", ".join(reader.fieldnames or []) or "none"
        raise SitrepError(E.E404, path=path, field=opts.text_field, fields=found)
    for row in reader:
        where = f"{path}:{reader.line_num}"
        if None in row:
            yield IngestError.from_exception(where, SitrepError(
                E.E405, path=where, cause="the row has more fields than the header"))
            continue
        try:
            yield record_document(row, where, opts)
        except SitrepError as exc:
            yield IngestError.from_exception(where, exc)
