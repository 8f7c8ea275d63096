"""CSV (comma) and TSV (tab) files with a header row; columns map to fields like JSON keys.

A file of any size is read record by record (a record, like a JSONL line, at most
``--max-bytes``; a field at most ``--max-chars``). A record that cannot be parsed is an error
naming ``path:line`` and reading goes on: when an unterminated quote has run over later lines
(the record then has the wrong number of fields, or the file ends inside the quote), only the
record's first line is reported and the lines after it are read again as records of their own.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from ..errors import E, SitrepError
from ..records import Document
from ._base import IngestError, SourceOptions
from ._files import bounded_lines, open_input
from ._jsonl import record_document

Item = Document | IngestError


def read_csv(path: str, opts: SourceOptions) -> Iterator[Item]:
    """One item per data record (``path:line`` of its first line)."""
    with open_input(path) as fh:
        if b"\x00" in fh.read(65536):
            raise SitrepError(E.E007, path=path)
        fh.seek(0)
        lines = _Lines(fh, path, opts)
        reader = csv.reader(lines, dialect=_dialect(path))
        header = _header(reader, lines, path, opts)
        yield from _records(reader, lines, header, opts)


def _dialect(path: str) -> type[csv.Dialect]:
    return csv.excel_tab if path.lower().endswith(".tsv") else csv.excel


class _Lines:
    """Decoded lines for ``csv.reader``: remembers the lines of the record being read, so that
    they can be read again; over-long and undecodable lines become errors and are skipped."""

    def __init__(self, fh: BinaryIO, path: str, opts: SourceOptions) -> None:
        self._raw = bounded_lines(fh, opts.max_bytes)
        self.path, self.opts = path, opts
        self.taken: list[tuple[int, str]] = []
        self.again: list[tuple[int, str]] = []
        self.errors: list[IngestError] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.again.pop() if self.again else self._read()
        self.taken.append(line)
        return line[1]

    def _read(self) -> tuple[int, str]:
        while True:
            number, raw = next(self._raw)
            where = f"{self.path}:{number}"
            if raw is None:
                self._error(E.E401, path=where, size=f"over {self.opts.max_bytes}",
                            limit=self.opts.max_bytes)
                continue
            try:
                return number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                self._error(E.E006, path=where, cause=exc.reason)

    def _error(self, entry: E, **fields: object) -> None:
        where = str(fields["path"])
        self.errors.append(IngestError.from_exception(where, SitrepError(entry, **fields)))

    def start_record(self) -> None:
        self.taken = []

    def first_line(self) -> int:
        return self.taken[0][0] if self.taken else 0

    def read_again_after_first(self) -> None:
        """The lines after the record's first one are read again (an open quote swallowed them)."""
        self.again.extend(reversed(self.taken[1:]))


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """csv's field size limit is process-wide: raised only while a record is being parsed."""
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, limit))
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _header(reader: Iterator[list[str]], lines: _Lines, path: str, opts: SourceOptions
            ) -> list[str]:
    try:
        with _field_limit(opts.max_chars + 1):
            header = next(reader, [])
    except csv.Error as exc:
        raise SitrepError(E.E405, path=f"{path}:1", cause=exc) from exc
    if opts.text_field not in header:
        found = ", ".join(header) or "none"
        raise SitrepError(E.E404, path=path, field=opts.text_field, fields=found)
    return header


def _records(reader: Iterator[list[str]], lines: _Lines, header: list[str],
             opts: SourceOptions) -> Iterator[Item]:
    while True:
        lines.start_record()
        try:
            with _field_limit(opts.max_chars + 1):
                row: list[str] | None = next(reader, None)
            cause = None if row is None else _shape(row, header, len(lines.taken))
        except csv.Error as exc:
            row, cause = [], str(exc)
        yield from lines.errors
        lines.errors = []
        if row is None:
            return
        where = f"{lines.path}:{lines.first_line()}"
        if cause is not None:
            lines.read_again_after_first()
            yield IngestError.from_exception(where, SitrepError(E.E405, path=where, cause=cause))
            continue
        yield _row_item(dict(zip(header, row, strict=False)), where, opts)


def _shape(row: list[str], header: list[str], n_lines: int) -> str | None:
    """Why a parsed record is malformed, or None."""
    if len(row) > len(header):
        return "the row has more fields than the header"
    if len(row) < len(header) and n_lines > 1:
        return ("a quoted field is not closed: it ran over the next lines (which are read "
                "again as rows of their own)")
    return None


def _row_item(row: dict[str, str], where: str, opts: SourceOptions) -> Item:
    try:
        return record_document(row, where, opts)
    except Exception as exc:  # one bad row never ends the file
        return IngestError.from_exception(where, exc)
