"""Plain-text files (``.txt``, ``.md``, anything not recognised), with optional front matter, and
bounded reading of any input file: regular files only, never more than the limit in memory."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import E, SitrepError
from ..records import Document, replace
from ..text import scrub
from ._base import SourceOptions, check_size, to_date
from .textfile import decode_bytes, document_from_text

_NAME_DATE = re.compile(r"(?<!\d)(19|20)\d\d-[01]\d-[0-3]\d(?!\d)")
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO or pipe"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def open_input(path: str) -> BinaryIO:
    """A regular file opened for reading; a FIFO, device or directory is E420 (never blocks:
    the file is opened non-blocking and checked before anything is read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise SitrepError(E.E005, path=path, cause=exc.strerror or exc) from exc
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise SitrepError(E.E420, path=path, kind=kind)
    return os.fdopen(fd, "rb")


def read_bytes(path: str, opts: SourceOptions) -> bytes:
    """The bytes of a regular file no larger than ``opts.max_bytes`` (E005 / E401 / E420)."""
    with open_input(path) as fh:
        try:
            check_size(os.fstat(fh.fileno()).st_size, path, opts)
            data = fh.read(opts.max_bytes + 1)
        except OSError as exc:
            raise SitrepError(E.E005, path=path, cause=exc.strerror or exc) from exc
    check_size(len(data), path, opts)  # the file grew while being read
    return data


def bounded_lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` of a binary file; a line over ``limit`` bytes is ``(n, None)``
    and skipped without being held in memory."""
    number = 0
    while line := fh.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def read_text_document(path: str, opts: SourceOptions) -> Document:
    """One ``Document`` from a UTF-8 text file; its front matter gives title, date, URL."""
    return text_document(read_bytes(path, opts), path, opts)


def text_document(data: bytes, where: str, opts: SourceOptions) -> Document:
    """A ``Document`` from the bytes of a text file; an undated one takes a date in its name."""
    doc = document_from_text(decode_bytes(data, where), scrub(where))
    if doc.published is None and (match := _NAME_DATE.search(Path(where).name)):
        doc = replace(doc, published=to_date(match.group()))
    if not doc.text.strip():
        raise SitrepError(E.E402, path=where)
    if len(doc.text) > opts.max_chars:
        raise SitrepError(E.E418, path=where, size=len(doc.text), limit=opts.max_chars)
    return doc
