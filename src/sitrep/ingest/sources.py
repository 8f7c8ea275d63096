"""Expanding inputs (files, directories, globs, URLs) into ``Document`` or ``IngestError`` items.

Reading never stops at a bad input: whatever goes wrong with one file, line, row, entry or
URL becomes an ``IngestError`` naming it, and the next one is read.
"""

from __future__ import annotations

import csv
import glob
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import E, SitrepError
from ..records import Document
from ._base import IngestError, SourceOptions

Item = Document | IngestError
KINDS = {".txt": "text", ".text": "text", ".md": "text", ".jsonl": "jsonl", ".ndjson": "jsonl",
         ".json": "json", ".csv": "csv", ".tsv": "csv", ".html": "html", ".htm": "html",
         ".xhtml": "html", ".rss": "feed", ".atom": "feed", ".xml": "feed"}


@dataclass(frozen=True, slots=True)
class SourceUnit:
    """One file or URL to read, and how (``kind``: text, jsonl, json, csv, html, feed, url)."""

    kind: str
    location: str


def is_url(value: str) -> bool:
    """Whether an input names a URL (``scheme://...``) rather than a path."""
    scheme, sep, _ = value.partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.isalpha()


def expand(inputs: Iterable[str | Path]) -> Iterator[SourceUnit | IngestError]:
    """Units in input order; directories recursively (known suffixes, sorted), globs sorted."""
    for raw in inputs:
        value = str(raw)
        if is_url(value):
            yield SourceUnit("url", value)
        elif Path(value).exists():
            yield from _path_units(Path(value), explicit=True)
        elif matches := sorted(glob.glob(value, recursive=True)):
            for match in matches:
                yield from _path_units(Path(match), explicit=False)
        else:
            yield IngestError.from_exception(value, SitrepError(E.E400, path=value))


def _path_units(path: Path, explicit: bool) -> Iterator[SourceUnit]:
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
            if child.suffix.lower() in KINDS and not hidden:
                yield SourceUnit(KINDS[child.suffix.lower()], str(child))
    elif explicit or path.suffix.lower() in KINDS:
        yield SourceUnit(KINDS.get(path.suffix.lower(), "text"), str(path))


def read_unit(unit: SourceUnit, opts: SourceOptions) -> Iterator[Item]:
    """Items of one unit; any failure becomes an ``IngestError`` and reading goes on."""
    try:
        result = _reader(unit.kind)(unit.location, opts)
        if isinstance(result, Document):
            yield result
        else:
            yield from result
    except SitrepError as exc:
        yield IngestError.from_exception(unit.location, exc)
    except OSError as exc:
        yield IngestError.from_exception(
            unit.location, SitrepError(E.E005, path=unit.location, cause=exc.strerror or exc))
    except Exception as exc:  # a reader bug must not stop the batch: record it and go on
        yield IngestError.from_exception(unit.location, exc)


def _reader(kind: str) -> Callable[[str, SourceOptions], Document | Iterable[Item]]:
    if kind == "text":
        from ._files import read_text_document

        return read_text_document
    if kind in ("jsonl", "json"):
        from ._jsonl import read_json, read_jsonl

        return read_jsonl if kind == "jsonl" else read_json
    if kind == "csv":
        from ._csv import read_csv

        return read_csv
    if kind == "html":
        from ._html import read_html

        return read_html
    if kind == "feed":
        from ._feed import read_feed

        return read_feed
    from ._url import read_url

    return read_url


def iter_sources(inputs: Iterable[str | Path], opts: SourceOptions | None = None
                 ) -> Iterator[Item]:
    """Every document (or error) from ``inputs``, in order."""
    opts = opts or SourceOptions()
    for unit in expand(inputs):
        if isinstance(unit, IngestError):
            yield unit
        else:
            yield from read_unit(unit, opts)


def estimate(unit: SourceUnit) -> int:
    """A cheap guess at how many documents a unit holds (for the progress bar's ETA)."""
    if unit.kind not in ("jsonl", "csv", "feed", "json"):
        return 1
    try:
        with open(unit.location, "rb") as fh:
            data = fh.read(64_000_000)
    except OSError:
        return 1
    if unit.kind == "jsonl":
        return max(sum(1 for line in data.splitlines() if line.strip()), 1)
    if unit.kind == "csv":
        text = data.decode("utf-8", errors="replace")
        return max(sum(1 for _ in csv.reader(io.StringIO(text, newline=""))) - 1, 1)
    if unit.kind == "json":
        return max(data.count(b'"text"'), 1) if data.lstrip()[:1] == b"[" else 1
    return max(data.count(b"<item") + data.count(b"<entry"), 1)
