"""``sitrep incidents | chain``: real-world events (reports of one event merged) and threads."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..incidents.merge import Incident
from ..incidents.query import Thread
from ..store import FORMATS, Store
from ._safe import json_line, plain
from .store import _add_db, _add_filters, _filters


def register(sub: Any) -> None:
    parser = sub.add_parser("incidents", help="list real-world events: reports of one event "
                            "merged (table or JSONL)",
                            description="List stored incidents with a report matching every "
                            "filter given (the filters of `events`).")
    _add_db(parser)
    _add_filters(parser)
    parser.add_argument("--format", choices=("table", "jsonl"), default="table")
    parser.add_argument("--out", metavar="OUT", help="write the incidents to OUT in the "
                        "ACLED-like layout, one row per incident (instead of listing them)")
    parser.add_argument("--out-format", choices=FORMATS, default="csv",
                        help="file format of --out (default csv)")
    parser.add_argument("--force", action="store_true",
                        help="replace OUT if it exists (never the store itself)")
    parser.add_argument("--rebuild", action="store_true",
                        help="file every stored event into incidents again first (a store "
                        "made before incidents existed, or changed rules)")
    parser.set_defaults(handler=run_incidents)
    chain = sub.add_parser("chain", help="the thread of linked events an event or incident "
                           "belongs to, in date order",
                           description="Print the incidents linked (retaliation, response, "
                           "sequence, part of) to an event or incident, in date order.")
    _add_db(chain)
    chain.add_argument("id", metavar="ID", help="an event id or an incident id")
    chain.add_argument("--format", choices=("table", "json"), default="table")
    chain.set_defaults(handler=run_chain)


def _write(lines: list[str]) -> None:
    try:
        for line in lines:
            sys.stdout.write(line)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `sitrep incidents | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def run_incidents(args: argparse.Namespace) -> int:
    if args.rebuild:
        with Store(args.db) as store:
            print(f"rebuilt {store.rebuild_incidents()} incidents in {plain(args.db)}",
                  file=sys.stderr)
    if args.out:
        with Store(args.db, read_only=True) as store:
            count = store.export_incidents(args.out, args.out_format, force=args.force,
                                           **_filters(args))
        print(f"wrote {count} incidents (acled layout, {args.out_format}) to {plain(args.out)}")
        return 0
    with Store(args.db, read_only=True) as store:
        found = store.incidents(**_filters(args))
    if args.format == "jsonl":
        _write([json_line(i.to_dict()) for i in found])
    else:
        _write([_header()] + [_row(i) for i in found] + [f"{len(found)} incidents\n"])
    return 0


def _header() -> str:
    return "\t".join(("incident", "date", "type", "where", "dead (low-high)", "reports",
                      "sources", "actor1")) + "\n"


def _row(i: Incident) -> str:
    where = ", ".join(filter(None, [i.location.name, i.location.country])) \
        if i.location else ""
    dead = "" if i.fatalities_best is None else \
        f"{i.fatalities_best} ({i.fatalities_low}-{i.fatalities_high})"
    values = (i.id, i.event_date, i.acled_sub_event_type or i.plover or i.cameo, where, dead,
              len(i.reports), i.sources, i.actor1)
    return "\t".join("" if v is None else plain(v) for v in values) + "\n"


def run_chain(args: argparse.Namespace) -> int:
    with Store(args.db, read_only=True) as store:
        thread = store.chain(args.id)
    if thread is None:
        print(f"sitrep: no event or incident {plain(args.id)} in {plain(args.db)}",
              file=sys.stderr)
        return 1
    if args.format == "json":
        _write([json_line(thread.to_dict())])
    else:
        _write(_chain_lines(thread))
    return 0


def _chain_lines(thread: Thread) -> list[str]:
    owner = {e: i.id for i in thread.incidents for e in i.event_ids}
    lines = [_header()] + [_row(i) for i in thread.incidents]
    lines.append(f"\n{len(thread.links)} links:\n")
    for k in thread.links:
        lines.append(f"  {owner.get(k.from_id, k.from_id)} {k.relation} "
                     f"{owner.get(k.to_id, k.to_id)}: \"{plain(k.evidence)}\"\n")
    return lines
