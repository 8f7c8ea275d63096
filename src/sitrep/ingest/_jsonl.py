"""JSON Lines (one article object per line) and JSON (an object or a list of objects)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import E, SitrepError
from ..records import Document
from ._base import IngestError, SourceOptions, make_document
from ._files import bounded_lines, open_input, read_bytes
from .textfile import decode_bytes

Item = Document | IngestError


def read_jsonl(path: str, opts: SourceOptions) -> Iterator[Item]:
    """One item per non-blank line; a bad line is an ``IngestError`` naming ``path:line``.

    Lines are read one at a time, never more than ``opts.max_bytes`` of one in memory.
    """
    with open_input(path) as fh:
        for number, line in bounded_lines(fh, opts.max_bytes):
            if line is None or line.strip():
                yield _guarded(line, f"{path}:{number}", opts)


def _guarded(line: bytes | None, where: str, opts: SourceOptions) -> Item:
    try:
        if line is None:
            raise SitrepError(E.E401, path=where, size=f"over {opts.max_bytes}",
                              limit=opts.max_bytes)
        return record_document(_parse(decode_bytes(line, where), where), where, opts)
    except Exception as exc:  # one bad record never ends the file
        return IngestError.from_exception(where, exc)


def read_json(path: str, opts: SourceOptions) -> Iterator[Item]:
    """A ``.json`` file: one article object, or a list of them (items named ``path:[i]``)."""
    text = decode_bytes(read_bytes(path, opts), path)
    try:
        data = json.loads(text)
    except RecursionError as exc:
        raise SitrepError(E.E403, path=path, cause="it is nested too deeply") from exc
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines saved as .json
            yield from read_jsonl(path, opts)
            return
        raise SitrepError(E.E403, path=path, cause=exc) from exc
    if not isinstance(data, dict | list):
        raise SitrepError(E.E403, path=path,
                          cause=f"expected a JSON object or list, got {type(data).__name__}")
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        where = f"{path}:[{index}]" if isinstance(data, list) else path
        try:
            yield record_document(record, where, opts)
        except Exception as exc:  # one bad record never ends the file
            yield IngestError.from_exception(where, exc)


def _parse(text: str, where: str) -> Any:
    try:
        data = json.loads(text)
    except RecursionError as exc:
        raise SitrepError(E.E403, path=where, cause="it is nested too deeply") from exc
    except json.JSONDecodeError as exc:
        raise SitrepError(E.E403, path=where, cause=exc) from exc
    if not isinstance(data, dict):
        raise SitrepError(E.E403, path=where,
                          cause=f"expected a JSON object, got {type(data).__name__}")
    return data


def record_document(record: Any, where: str, opts: SourceOptions) -> Document:
    """A ``Document`` from one JSON object or CSV row, fields mapped by ``opts``."""
    if not isinstance(record, Mapping):
        raise SitrepError(E.E403, path=where,
                          cause=f"expected a JSON object, got {type(record).__name__}")
    text = record.get(opts.text_field)
    if not isinstance(text, str):
        fields = ", ".join(sorted(str(k) for k in record)) or "none"
        raise SitrepError(E.E404, path=where, field=opts.text_field, fields=fields)
    return make_document(text, where, opts, published=record.get(opts.published_field),
                         title=record.get(opts.title_field), url=record.get(opts.url_field),
                         source=record.get("source"))
