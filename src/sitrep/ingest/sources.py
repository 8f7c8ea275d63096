"""Expanding inputs (files, directories, globs, URLs) into ``Document`` or ``IngestError`` items.

Reading never stops at a bad input: whatever goes wrong with one file, line, row, entry or
URL becomes an ``IngestError`` naming it, and the next one is read.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import E, SitrepError
from ..records import Document
from ._base import IngestError, SourceOptions
from ._files import open_input

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


def expand(inputs: Iterable[str | Path], follow_links: bool = False
           ) -> Iterator[SourceUnit | IngestError]:
    """Units in input order; directories recursively (known suffixes, sorted), globs sorted.

    Inside a directory, a symbolic link that leads out of it is skipped (and recorded) unless
    ``follow_links``; links that stay inside it are read.
    """
    for raw in inputs:
        value = str(raw)
        if is_url(value):
            yield SourceUnit("url", value)
        elif Path(value).exists():
            yield from _path_units(Path(value), explicit=True, follow_links=follow_links)
        elif matches := sorted(glob.glob(value, recursive=True)):
            for match in matches:
                yield from _path_units(Path(match), explicit=False, follow_links=follow_links)
        else:
            yield IngestError.from_exception(value, SitrepError(E.E400, path=value))


def _path_units(path: Path, explicit: bool, follow_links: bool
                ) -> Iterator[SourceUnit | IngestError]:
    if path.is_dir():
        root = path.resolve()
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
            if child.suffix.lower() not in KINDS or hidden:
                continue
            real = Path(os.path.realpath(child))
            if not follow_links and root not in real.parents:
                yield IngestError.from_exception(str(child), SitrepError(
                    E.E421, path=child, target=real, root=root))
                continue
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
    for unit in expand(inputs, opts.follow_links):
        if isinstance(unit, IngestError):
            yield unit
        else:
            yield from read_unit(unit, opts)


def estimate(unit: SourceUnit) -> int:
    """A cheap guess at how many documents a unit holds (for the progress bar's ETA): lines of
    JSONL and CSV files, ``"text"`` keys of a JSON list, items of a feed. Reads at most 64 MB,
    never parses, never blocks (only regular files are opened), and never fails."""
    if unit.kind not in ("jsonl", "csv", "feed", "json"):
        return 1
    counts = {"lines": 0, "text": 0, "items": 0}
    try:
        with open_input(unit.location) as fh:
            head = b""
            for _ in range(64):
                chunk = fh.read(1 << 20)
                if not chunk:
                    break
                head = head or chunk[:16]
                counts["lines"] += chunk.count(b"\n")
                counts["text"] += chunk.count(b'"text"')
                counts["items"] += chunk.count(b"<item") + chunk.count(b"<entry")
    except (OSError, SitrepError):
        return 1
    if unit.kind in ("jsonl", "csv"):
        return max(counts["lines"] - (unit.kind == "csv"), 1)
    if unit.kind == "json":
        return max(counts["text"], 1) if head.lstrip()[:1] == b"[" else 1
    return max(counts["items"], 1)
