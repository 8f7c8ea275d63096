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

from ..errors import E, SitrepError
from ..records import Document
from ..resolve.dates import parse_published
from ..text import doc_id

_FIELDS = ("title", "published", "url", "source")


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
