"""Records shared by the readers: options, the error record, and small helpers."""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import E, SitrepError
from ..records import Document
from ..text import DEFAULT_MAX_CHARS, check_unicode, doc_id, scrub

DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_TIMEOUT = 20.0


@dataclass(frozen=True, slots=True)
class IngestError:
    """One input that could not become a stored document: where, which catalogue entry, why."""

    source: str
    code: str
    message: str
    doc_id: str | None = None

    @classmethod
    def from_exception(cls, source: str, exc: Exception, doc: str | None = None) -> IngestError:
        if isinstance(exc, SitrepError):
            return cls(scrub(source), exc.code, scrub(str(exc)), doc)
        return cls(scrub(source), "E000", scrub(f"{type(exc).__name__}: {exc}"), doc)


@dataclass(frozen=True, slots=True)
class DocumentCopy:
    """Another copy of a stored text (same id) whose metadata differs from the stored one's:
    kept so that a forged or stale copy never silently hides the real one."""

    doc_id: str
    path: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @classmethod
    def of(cls, doc: Document) -> DocumentCopy:
        return cls(doc.id, doc.path or doc.url or doc.id, doc.published, doc.title, doc.url,
                   doc.source)

    def same_metadata(self, other: DocumentCopy) -> bool:
        return self._metadata() == other._metadata()

    def metadata_hash(self) -> int:
        return hash(self._metadata())

    def _metadata(self) -> tuple[Any, ...]:
        return (self.published, self.title, self.url, self.source)


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """How inputs are read. Field names map JSON keys / CSV columns to ``Document`` fields."""

    text_field: str = "text"
    published_field: str = "published"
    title_field: str = "title"
    url_field: str = "url"
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    timeout: float = DEFAULT_TIMEOUT
    allow_private: bool = False
    follow_links: bool = False


def make_document(text: str, where: str, opts: SourceOptions, **meta: Any) -> Document:
    """A ``Document`` from extracted text and metadata; empty or oversized text raises."""
    if not text.strip():
        raise SitrepError(E.E402, path=where)
    if len(text) > opts.max_chars:
        raise SitrepError(E.E418, path=where, size=len(text), limit=opts.max_chars)
    published = meta.pop("published", None)
    return Document(id=doc_id(check_unicode(text)), text=text, published=to_date(published),
                    path=scrub(where), **{k: clean(v) for k, v in meta.items()})


def to_date(value: Any) -> date | None:
    """A publication date from metadata (date, datetime, or a string in a common format)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    from ..resolve.dates import parse_published

    text = str(value).strip()[:100]  # a date is short; a huge value is not one
    try:
        return parse_published(text)
    except (SitrepError, ValueError, OverflowError):
        return _fallback_date(text)


def _fallback_date(text: str) -> date | None:
    """RFC 2822 dates (feeds, e-mail) and ISO timestamps with a time part."""
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    match = re.match(r"(\d{4})-(\d\d)-(\d\d)(?:[T ]|$)", text)
    if match:
        try:
            return date(*(int(g) for g in match.groups()))
        except ValueError:
            return None
    return None


def clean(value: Any) -> str | None:
    """A metadata value as a stripped string (lone surrogates replaced), or None when blank."""
    if value is None:
        return None
    text = scrub(str(value)).strip()
    return text or None


def check_size(size: int, where: str, opts: SourceOptions) -> None:
    if size > opts.max_bytes:
        raise SitrepError(E.E401, path=where, size=size, limit=opts.max_bytes)
