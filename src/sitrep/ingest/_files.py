"""Plain-text files (``.txt``, ``.md``, anything not recognised), with optional front matter."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import E, SitrepError
from ..records import Document, replace
from ._base import SourceOptions, check_size, to_date
from .textfile import decode_bytes, document_from_text

_NAME_DATE = re.compile(r"(?<!\d)(19|20)\d\d-[01]\d-[0-3]\d(?!\d)")


def read_bytes(path: str, opts: SourceOptions) -> bytes:
    """The bytes of a file no larger than ``opts.max_bytes`` (E005 / E401 otherwise)."""
    try:
        check_size(Path(path).stat().st_size, path, opts)
        return Path(path).read_bytes()
    except OSError as exc:
        raise SitrepError(E.E005, path=path, cause=exc.strerror or exc) from exc


def read_text_document(path: str, opts: SourceOptions) -> Document:
    """One ``Document`` from a UTF-8 text file; its front matter gives title, date, URL."""
    return text_document(read_bytes(path, opts), path, opts)


def text_document(data: bytes, where: str, opts: SourceOptions) -> Document:
    """A ``Document`` from the bytes of a text file; an undated one takes a date in its name."""
    doc = document_from_text(decode_bytes(data, where), where)
    if doc.published is None and (match := _NAME_DATE.search(Path(where).name)):
        doc = replace(doc, published=to_date(match.group()))
    if not doc.text.strip():
        raise SitrepError(E.E402, path=where)
    if len(doc.text) > opts.max_chars:
        raise SitrepError(E.E418, path=where, size=len(doc.text), limit=opts.max_chars)
    return doc
