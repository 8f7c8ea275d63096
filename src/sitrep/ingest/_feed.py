"""RSS and Atom feed files: one document per entry (full content if present, else summary)."""

from __future__ import annotations

import re
import xml.sax
from collections.abc import Iterator
from datetime import date
from typing import Any

from ..errors import E, SitrepError
from ..records import Document
from ._base import IngestError, SourceOptions, make_document
from ._files import read_bytes
from ._html import html_to_text

Item = Document | IngestError
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _no_surrogate(match: re.Match[bytes]) -> bytes:
    """A character reference to a lone surrogate (which feedparser cannot encode) as U+FFFD."""
    hex_digits, digits = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(digits)
    return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF else match.group()


def read_feed(path: str, opts: SourceOptions) -> Iterator[Item]:
    """Entries of a feed file; a file that is not a feed raises E407."""
    yield from feed_documents(read_bytes(path, opts), path, opts)


def feed_documents(data: bytes, where: str, opts: SourceOptions) -> Iterator[Item]:
    import feedparser

    if b"\x00" in data[:65536]:
        raise SitrepError(E.E007, path=where)
    parsed = feedparser.parse(_CHAR_REF.sub(_no_surrogate, data))
    if not parsed.entries:
        cause = parsed.get("bozo_exception") or "it has no entries"
        if parsed.get("bozo") or not parsed.get("version"):
            raise SitrepError(E.E407, path=where, cause=cause)
        return
    site = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries):
        entry_where = f"{where}#{index}"
        try:
            yield _entry_document(entry, entry_where, site, opts)
        except Exception as exc:  # one bad entry never ends the feed
            yield IngestError.from_exception(entry_where, exc)
    error = parsed.get("bozo_exception")
    if isinstance(error, xml.sax.SAXException):  # broken XML: keep what was read, record it
        cause = f"{error} (the {len(parsed.entries)} entries before it were read)"
        yield IngestError.from_exception(where, SitrepError(E.E407, path=where, cause=cause))


def _entry_document(entry: Any, where: str, site: str | None, opts: SourceOptions) -> Document:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    body = max(contents, key=len) if contents else entry.get("summary", "")
    return make_document(html_to_text(body or ""), where, opts, published=_entry_date(entry),
                         title=entry.get("title"), url=entry.get("link"), source=site)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (TypeError, ValueError, OverflowError):
                return None
    return None
