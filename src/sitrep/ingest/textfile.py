"""Reading one plain-text article, with an optional front-matter block.

A file may start with::

    ---
    title: ...
    published: 2020-01-03
    url: https://...
    ---

The block is removed from the text; its fields become the ``Document``'s metadata.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import E, SitrepError
from ..records import Document
from ..resolve.dates import parse_published
from ..text import doc_id

_FIELDS = ("title", "published", "url", "source")
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def decode_bytes(data: bytes, path: str) -> str:
    """Bytes of a text file as str; binary or non-UTF-8 data raise E007 / E006 naming ``path``."""
    if b"\x00" in data[:65536]:
        raise SitrepError(E.E007, path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SitrepError(E.E006, path=path, cause=exc.reason) from exc


def split_front_matter(raw: str, path: str = "<text>") -> tuple[dict[str, str], str]:
    """``(fields, body)``; a text without a leading ``---`` line has no fields."""
    lines = raw.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, raw
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            fields = _parse_fields(lines[1:index])
            return fields, "\n".join(lines[index + 1 :]).lstrip("\n")
    raise SitrepError(E.E008, path=path)


def mask_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """``(fields, text)`` where the front-matter block is blanked out in place (newlines kept,
    every other character a space), so offsets into the text stay offsets into ``raw``."""
    lines = raw.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, raw
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            block = "\n".join(lines[: index + 1])
            blank = "".join(c if c == "\n" else " " for c in block)
            return _parse_fields(lines[1:index]), blank + raw[len(block):]
    return {}, raw  # no closing line: not a front-matter block, read as text


def read_document(path: str | Path, max_bytes: int | None = None) -> Document:
    """One article file as ``sitrep code`` reads it: an HTML page through trafilatura (as
    ``ingest`` does), any other file as text with an optional front-matter block. A regular file
    of at most ``max_bytes`` (E401 beyond, E420 for a FIFO or a device)."""
    from ._base import SourceOptions
    from ._files import read_bytes

    name = str(path)
    opts = SourceOptions() if max_bytes is None else SourceOptions(max_bytes=max_bytes)
    data = read_bytes(name, opts)
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        from ._html import html_document

        return html_document(data, name, opts)
    return document_from_text(decode_bytes(data, name), name)


def _parse_fields(lines: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in lines:
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in _FIELDS:
            fields[key.strip().lower()] = value.strip().strip("'\"")
    return fields


def document_from_text(raw: str, path: str = "<text>") -> Document:
    """A ``Document`` from the text of a file (front matter parsed, body kept as is)."""
    fields, body = split_front_matter(raw, path)
    return Document(
        id=doc_id(body),
        text=body,
        published=parse_published(fields["published"]) if fields.get("published") else None,
        title=fields.get("title"),
        url=fields.get("url"),
        source=fields.get("source"),
        path=path,
    )
