"""The ``sitrep`` command line: the only place in sitrep that prints or exits.

Each subcommand lives in its own module exposing ``register(subparsers)``; the module's
handler returns an exit code.
"""

from __future__ import annotations

import argparse
import logging
import sys
import warnings
from collections.abc import Sequence

from .. import __version__
from ..errors import SitrepError
from . import cluster as _cluster
from . import code as _code
from . import evaluate as _evaluate
from . import incidents as _incidents
from . import serve as _serve
from . import store as _store

_COMMAND_MODULES = (_code, _store, _incidents, _cluster, _serve, _evaluate)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="Turn news reports into conflict events: who did what to whom, when, "
        "where, and how many died.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_verbosity(parser, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in _COMMAND_MODULES:
        module.register(sub)
    for command in sub.choices.values():
        _add_verbosity(command, argparse.SUPPRESS)  # `sitrep -q export` = `sitrep export -q`
    parser.set_defaults(verbose=0, quiet=False)
    return parser


def _add_verbosity(parser: argparse.ArgumentParser, default: object) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-v", "--verbose", action="count", default=default,
                       help="more detail: every ingest error, log messages (-vv: debug)")
    group.add_argument("-q", "--quiet", action="store_true", default=default,
                       help="print only errors and the requested output")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``sitrep`` script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.ERROR if args.quiet else (logging.WARNING, logging.INFO,
                                              logging.DEBUG)[min(args.verbose, 2)]
    logging.basicConfig(level=level, format="sitrep: %(levelname)s: %(message)s")
    if args.quiet:
        warnings.simplefilter("ignore")
    try:
        return int(args.handler(args))
    except SitrepError as exc:
        print(f"sitrep: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sitrep: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
