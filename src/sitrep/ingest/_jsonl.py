"""JSON Lines (one article object per line) and JSON (an object or a list of objects)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import E, SitrepError
from ..records import Document
from ._base import IngestError, SourceOptions, make_document
from ._files import read_bytes
from .textfile import decode_bytes

Item = Document | IngestError


def read_jsonl(path: str, opts: SourceOptions) -> Iterator[Item]:
    """One item per non-blank line; a bad line is an ``IngestError`` naming ``path:line``."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, generator keeps it open
    except OSError as exc:
        raise SitrepError(E.E005, path=path, cause=exc.strerror or exc) from exc
    with fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                yield _guarded(line, f"{path}:{number}", opts)


def _guarded(line: bytes, where: str, opts: SourceOptions) -> Item:
    try:
        if len(line) > opts.max_bytes:
            raise SitrepError(E.E401, path=where, size=len(line), limit=opts.max_bytes)
        return record_document(_parse(decode_bytes(line, where), where), where, opts)
    except SitrepError as exc:
        return IngestError.from_exception(where, exc)


def read_json(path: str, opts: SourceOptions) -> Iterator[Item]:
    """A ``.json`` file: one article object, or a list of them (items named ``path:[i]``)."""
    text = decode_bytes(read_bytes(path, opts), path)
    try:
        data = json.loads(text)
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
        except SitrepError as exc:
            yield IngestError.from_exception(where, exc)


def _parse(text: str, where: str) -> Any:
    try:
        data = json.loads(text)
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
