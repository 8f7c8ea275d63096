"""``sitrep evaluate GOLD... [--pred PRED]... [--json] [--floors FILE] [--write-pred PATH]``.

Scores sitrep (or predictions files) against gold files and prints a table or JSON. With
``--floors`` the exit code is 1 when a pinned figure is below its floor.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console
from rich.table import Table

from ..errors import E, SitrepError
from ..evaluate import (
    Floors,
    GoldSet,
    Report,
    evaluate,
    load_gold,
    load_predictions,
    predict,
    prediction_lines,
    render_class_table,
    render_confusion,
    render_tables,
    render_tag_table,
    reports_json,
    suggest_floors,
    write_predictions,
)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "evaluate",
        help="score sitrep (or a predictions file) against gold files",
        description="Score sitrep against gold files (docs/gold-format.md): event precision, "
        "recall and F1 after one-to-one matching, and per-field accuracy. See docs/evaluate.md.",
    )
    parser.add_argument("gold", nargs="*", type=Path, metavar="GOLD",
                        help="gold JSONL file(s); default with --floors: the files it lists, "
                        "next to it")
    parser.add_argument("--pred", action="append", type=Path, metavar="PRED", default=None,
                        help="predictions JSONL to score instead of running sitrep; give one "
                        "--pred per GOLD, in the same order")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--errors", action="store_true",
                        help="also list every missed, spurious or wrong event field")
    parser.add_argument("--by-tag", action="store_true",
                        help="also show event precision and recall per document tag")
    parser.add_argument("--types", action="store_true",
                        help="also show the main event's ACLED sub-type per class (precision, "
                        "recall, F1) and its confusion matrix")
    parser.add_argument("--floors", type=Path, metavar="FILE",
                        help="floors YAML; exit 1 when a figure is below its floor")
    parser.add_argument("--print-floors", action="store_true",
                        help="print a floors 'files:' block from the current figures (each "
                        "minus 0.02, rounded down) to paste into a floors file")
    parser.add_argument("--write-pred", type=Path, metavar="PATH",
                        help="save sitrep's predictions: a file for one GOLD, else a directory "
                        "receiving <gold name>.pred.jsonl per gold file")
    parser.add_argument("--match-types", choices=("acled", "any"), default="acled",
                        help="acled (default): ACLED types must agree when both are given; "
                        "any: ACLED type, CAMEO root or PLOVER type agreeing is enough")
    parser.add_argument("--n-process", type=int, default=1, metavar="N",
                        help="processes for the coder (default 1)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    floors = Floors.load(args.floors) if args.floors else None
    if not args.gold:
        if floors is None:
            print("sitrep evaluate: give GOLD files, or --floors FILE to use the files it "
                  "lists", file=sys.stderr)
            return 2
        args.gold = [floors.path.parent / name for name in floors.files]
    golds = [load_gold(path) for path in args.gold]
    preds_paths: list[Path] | None = args.pred
    if preds_paths is not None and len(preds_paths) != len(golds):
        raise SitrepError(E.E504, path=", ".join(map(str, preds_paths)),
                          cause=f"{len(preds_paths)} --pred files for {len(golds)} gold files")
    reports = [_report(gold, i, args) for i, gold in enumerate(golds)]
    if args.print_floors:
        print(yaml.safe_dump({"files": suggest_floors(reports)}, sort_keys=False), end="")
    else:
        _print_reports(reports, args)
    return _check_floors(reports, floors) if floors else 0


def _report(gold: GoldSet, index: int, args: argparse.Namespace) -> Report:
    if args.pred is not None:
        return evaluate(gold, load_predictions(args.pred[index], gold),
                        type_rule=args.match_types)
    predictions = predict(gold, n_process=args.n_process)
    if args.write_pred is not None:
        write_predictions(_pred_path(args.write_pred, gold, len(args.gold)),
                          prediction_lines(gold, predictions))
    return evaluate(gold, predictions, type_rule=args.match_types)


def _pred_path(target: Path, gold: GoldSet, n_gold: int) -> Path:
    if n_gold == 1 and not target.is_dir():
        return target
    target.mkdir(parents=True, exist_ok=True)
    return target / f"{gold.path.stem}.pred.jsonl"


def _print_reports(reports: list[Report], args: argparse.Namespace) -> None:
    if args.json:
        print(reports_json(reports, with_errors=True))
        return
    console = Console(width=max(100, 40 + 22 * len(reports)))
    console.print(render_tables(reports))
    for report in reports:
        if report.missing_documents:
            console.print(f"{report.name}: {len(report.missing_documents)} documents had no "
                          "line in the predictions file (scored as no events)")
    if args.by_tag:
        for report in reports:
            console.print(render_tag_table(report))
    if args.types:
        for report in reports:
            console.print(render_class_table(report))
            console.print(render_confusion(report))
    if args.errors:
        console.print(_errors_table(reports))


def _errors_table(reports: list[Report]) -> Table:
    table = Table(title="Errors", title_justify="left")
    for column in ("gold", "doc", "event", "field", "expected", "predicted"):
        table.add_column(column, overflow="fold")
    for report in reports:
        for error in report.errors:
            table.add_row(report.name, str(error["doc"]), str(error["event"]), error["field"],
                          str(error["expected"]), str(error["predicted"]))
    return table


def _check_floors(reports: list[Report], floors: Floors) -> int:
    failures = [message for report in reports for message in floors.check(report)]
    unpinned = [r.name for r in reports if r.name not in floors.files]
    if unpinned:
        print(f"no floors pinned for: {', '.join(unpinned)}", file=sys.stderr)
    for message in failures:
        print(f"FLOOR FAILED {message}", file=sys.stderr)
    if not failures:
        print(f"all floors in {floors.path} met", file=sys.stderr)
    return 1 if failures else 0
