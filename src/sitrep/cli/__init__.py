"""The ``sitrep`` command line: the only place in sitrep that prints or exits.

Each subcommand lives in its own module exposing ``register(subparsers)``; the module's
handler returns an exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import SitrepError
from . import cluster as _cluster
from . import code as _code
from . import evaluate as _evaluate
from . import store as _store

_COMMAND_MODULES = (_code, _store, _cluster, _evaluate)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="Turn news reports into conflict events: who did what to whom, when, "
        "where, and how many died.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in _COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``sitrep`` script."""
    parser = build_parser()
    args = parser.parse_args(argv)
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
