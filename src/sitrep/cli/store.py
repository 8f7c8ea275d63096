"""``sitrep ingest | events (query) | stats | export``: the corpus side of the command line."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..ingest import IngestReport, Progress, SourceOptions, ingest
from ..ingest._base import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT
from ..records import Event
from ..store import DEFAULT_PATH, FORMATS, LAYOUTS, Stats, Store
from ..store.export import format_for
from . import cluster
from ._safe import cell, console, json_line, plain


def register(sub: Any) -> None:
    _register_ingest(sub)
    for name in ("events", "query"):
        parser = sub.add_parser(name, help="list stored events (table or JSONL)" if name ==
                                "events" else "same as `events`",
                                description="List stored events matching every filter given.")
        _add_db(parser)
        _add_filters(parser)
        parser.add_argument("--format", choices=("table", "jsonl"), default="table")
        parser.set_defaults(handler=run_events)
    stats = sub.add_parser("stats", help="counts by day, country and type; total fatalities")
    _add_db(stats)
    stats.add_argument("--format", choices=("table", "json"), default="table")
    stats.add_argument("--events", action="store_true",
                       help="count event records (each report) instead of incidents")
    stats.set_defaults(handler=run_stats)
    export = sub.add_parser("export", help="write events as CSV, Parquet or JSONL",
                            description="Write stored events in the native, ACLED-like or "
                            "GDELT 2.0-like column layout (see docs/store.md).")
    _add_db(export)
    _add_filters(export)
    export.add_argument("--format", choices=FORMATS, default=None,
                        help="default: from OUT's extension (.csv .tsv .parquet .jsonl), else csv "
                        "(tsv for the gdelt layouts)")
    export.add_argument("--layout", choices=LAYOUTS, default="native")
    export.add_argument("--header", action=argparse.BooleanOptionalAction, default=None,
                        help="CSV/TSV header row (default: yes, but no for the gdelt layouts, "
                        "as GDELT's files)")
    export.add_argument("--force", action="store_true",
                        help="replace OUT if it exists (never the store itself)")
    export.add_argument("out", metavar="OUT", help="output file, or - for standard output")
    export.set_defaults(handler=run_export)


def _register_ingest(sub: Any) -> None:
    p = sub.add_parser("ingest", help="code many sources into the store, with progress",
                       description="Read files, directories, globs and http(s) URLs (.txt, "
                       ".jsonl, .json, .csv, .html, RSS/Atom), code new documents and store "
                       "them. Running it again adds only what is missing.")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_GLOB",
                   help="file, directory (recursive), quoted glob, or http(s) URL")
    _add_db(p)
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="coder processes (spaCy nlp.pipe n_process; default 1)")
    p.add_argument("--batch-size", type=int, default=64, metavar="N",
                   help="documents per store transaction (default 64)")
    for name in ("text", "published", "title", "url"):
        p.add_argument(f"--{name}-field", default=name, metavar="NAME",
                       help=f"JSON key / CSV column holding the {name} (default {name!r})")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"largest single-document file or download (default {DEFAULT_MAX_BYTES})")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"longest document text (default {DEFAULT_MAX_CHARS})")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"per-request timeout for URLs (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--allow-private", action="store_true",
                   help="allow URLs on private or loopback addresses (local servers)")
    p.add_argument("--update-metadata", action="store_true",
                   help="a stored text met again with other metadata (date, title, URL) is "
                   "re-coded with the new metadata (default: the copy is only recorded)")
    p.add_argument("--follow-links", action="store_true",
                   help="read symbolic links in a directory that lead out of it")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: only on a terminal, not in CI)")
    p.add_argument("--kb", action="append", default=[], metavar="FILE",
                   help="extra knowledge-base YAML file (repeatable)")
    p.add_argument("--model", help="spaCy pipeline to load")
    cluster.add_ingest_arguments(p)
    p.set_defaults(handler=run_ingest)


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_PATH, metavar="PATH",
                        help=f"store file (default ./{DEFAULT_PATH})")


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="events on or after this day")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="events on or before this day")
    parser.add_argument("--country", help="where it happened: ISO3, ISO2 or English name")
    parser.add_argument("--admin1", help="first-level region where it happened, e.g. Baghdad")
    parser.add_argument("--bbox", metavar="W,S,E,N",
                        help="events placed inside min_lon,min_lat,max_lon,max_lat")
    parser.add_argument("--type", help="CAMEO code prefix, PLOVER type, ACLED (sub-)event type")
    parser.add_argument("--actor", help="part of an actor's name or text, or a CAMEO actor code")
    parser.add_argument("--text", help="part of the sentence or the document title")
    parser.add_argument("--limit", type=int, help="at most this many events")


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {k: getattr(args, k) for k in
            ("since", "until", "country", "admin1", "bbox", "type", "actor", "text", "limit")}


def load_coder(args: argparse.Namespace) -> Any:
    """The coder ``ingest`` uses (a separate function so tests can substitute their own)."""
    from ..pipeline import Coder

    return Coder.load(model=args.model, kb_files=args.kb)


def run_ingest(args: argparse.Namespace) -> int:
    opts = SourceOptions(text_field=args.text_field, published_field=args.published_field,
                         title_field=args.title_field, url_field=args.url_field,
                         max_bytes=args.max_bytes, max_chars=args.max_chars,
                         timeout=args.timeout, allow_private=args.allow_private,
                         follow_links=args.follow_links)
    if args.cluster:
        with _progress(_show_progress(args.progress)) as on_progress:
            report = cluster.run_cluster_ingest(args, opts, on_progress)
        _print_report(report, args.db, args.update_metadata, args)
        return 1 if report.failed else 0
    new_store = args.db != ":memory:" and not os.path.lexists(args.db)
    with Store(args.db) as store:
        coder = load_coder(args)
        with _progress(_show_progress(args.progress)) as on_progress:
            report = ingest(args.inputs, store, coder, opts, workers=max(args.workers, 1),
                            commit_every=max(args.batch_size, 1), progress=on_progress,
                            update_metadata=args.update_metadata)
    stored_nothing = new_store and not report.coded and not report.duplicates
    if stored_nothing:  # no store is left behind by a run that stored nothing
        for path in (args.db, f"{args.db}.wal"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
    _print_report(report, args.db, args.update_metadata, args)
    if stored_nothing:
        print(f"sitrep: error: nothing was stored, so no store was created at {plain(args.db)}; "
              "check the inputs (the errors above say why each failed)", file=sys.stderr)
        return 1
    return 1 if report.failed else 0


def _show_progress(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def _progress(show: bool) -> Iterator[Callable[[Progress], None] | None]:
    if not show:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} docs/s"), TimeRemainingColumn(),
               TextColumn("dup {task.fields[dup]} failed {task.fields[failed]}"))
    from rich.console import Console

    with Bar(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=None, rate=0.0, dup=0, failed=0)

        def update(p: Progress) -> None:
            rate = p.done / p.elapsed if p.elapsed > 0 else 0.0
            bar.update(task, completed=p.done, total=max(p.total, p.done), rate=rate,
                       dup=p.duplicates, failed=p.failed)

        yield update


def _print_report(report: IngestReport, db: str, updated: bool,
                  args: argparse.Namespace) -> None:
    if not args.quiet:
        _print_summary(report, db, updated)
    shown = report.errors if args.verbose else report.errors[:20]
    for error in shown:
        print(f"  {plain(error.source)}: {plain(error.message)}", file=sys.stderr)
    if len(report.errors) > len(shown):
        print(f"  ... and {len(report.errors) - 20} more (all are in the store's ingest_errors "
              "table; -v lists them all)", file=sys.stderr)


def _print_summary(report: IngestReport, db: str, updated: bool) -> None:
    print(f"coded {report.coded} documents ({report.events} events), skipped "
          f"{report.duplicates} duplicates, failed {report.failed} "
          f"in {report.elapsed:.1f} s ({report.docs_per_second:.1f} docs/s) -> {db}")
    if report.copies:
        print(f"{report.copies} duplicate texts came with other metadata (date, title, URL or "
              "source): recorded in the store's document_copies table"
              + ("; the stored documents took the newer metadata" if updated else
                 "; pass --update-metadata to store the newer metadata"))
    if report.undated:
        print(f"{len(report.undated)} documents had no publication date (stored with "
              f"published empty), e.g. {plain(report.undated[0])}")
    if report.non_english:
        print(f"{len(report.non_english)} documents are not in English, so no events were read "
              f"from them (sitrep codes English news only), e.g. {plain(report.non_english[0])}")


def run_events(args: argparse.Namespace) -> int:
    with Store(args.db, read_only=True) as store:
        events = store.events(**_filters(args))
    try:
        if args.format == "jsonl":
            for event in events:
                sys.stdout.write(json_line(event.to_dict()))
            sys.stdout.flush()
        else:
            _print_events(events)
    except BrokenPipeError:  # e.g. `sitrep events | head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _print_events(events: list[Event]) -> None:
    from rich.table import Table

    out = console()
    table = Table(title=f"{len(events)} events")
    for column in ("date", "cameo", "type", "actor1", "actor2", "where", "dead"):
        table.add_column(column, no_wrap=column in ("date", "cameo", "dead"))
    table.add_column("sentence", overflow="fold", min_width=30,
                     ratio=1 if out.is_terminal else None)
    for e in events:
        kind = e.acled_sub_event_type or e.plover or ""
        where = ", ".join(filter(None, [e.location.name, e.location.country])) \
            if e.location else ""
        values = (e.event_date, e.cameo, kind, e.actor1.name if e.actor1 else "",
                  e.actor2.name if e.actor2 else "", where, e.fatalities, e.sentence[:160])
        table.add_row(*(cell(v) for v in values))
    out.print(table)


def run_stats(args: argparse.Namespace) -> int:
    with Store(args.db, read_only=True) as store:
        stats = store.stats(events=args.events)
    try:
        _print_stats(stats, args.format)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _print_stats(stats: Stats, format: str) -> None:
    if format == "json":
        sys.stdout.write(json_line(stats.to_dict()))
        return
    print(f"documents {stats.documents} (undated {stats.undated_documents}), events "
          f"{stats.events}, incidents {stats.incidents}, ingest errors {stats.errors}, "
          f"fatalities {stats.fatalities} (counting {stats.counted})")
    for title, rows in (("by day", stats.by_day), ("by country", stats.by_country),
                        ("by ACLED type", stats.by_type), ("by PLOVER type", stats.by_plover)):
        print(f"\n{title}:")
        for key, count in rows:
            print(f"  {plain(key) if key is not None else '(none)'}\t{count}")
    sys.stdout.flush()


def run_export(args: argparse.Namespace) -> int:
    fmt = args.format or format_for(args.out, args.layout)
    out = sys.stdout.buffer if args.out == "-" else args.out
    try:
        with Store(args.db, read_only=True) as store:
            count = store.export(out, fmt, args.layout, force=args.force, header=args.header,
                                 **_filters(args))
        if args.out == "-":
            sys.stdout.flush()
    except BrokenPipeError:  # `sitrep export - | head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    where = "standard output" if args.out == "-" else plain(args.out)
    if not args.quiet:
        print(f"wrote {count} rows ({args.layout} layout, {fmt}) to {where}",
              file=sys.stderr if args.out == "-" else sys.stdout)
    return 0
