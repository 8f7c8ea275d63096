"""Runs ``sitrep ingest`` (the real CLI code) with the fake coder, optionally SIGKILLing itself.

Usage: ``python -m tests.store.kill_driver KILL_POINT -- ARGS...`` where KILL_POINT is ``none``,
``insert:K`` (during the K-th table insert of a transaction), ``precommit:K`` (just before the
K-th COMMIT) or ``commit:K`` (just after the K-th COMMIT). Used by test_kill.py.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from sitrep.cli import main
from sitrep.cli import store as cli_store
from sitrep.store import store as store_module
from tests.store.fake_coder import FakeCoder


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _arm(point: str) -> None:
    kind, _, number = point.partition(":")
    count = {"n": 0}
    target = int(number or 0)

    def hit() -> None:
        count["n"] += 1
        if count["n"] == target:
            _die()

    if kind == "insert":
        original_insert = store_module.Store._insert

        def insert(self: Any, name: str, rows: list[Any], ignore: bool = False) -> None:
            original_insert(self, name, rows, ignore)
            if rows:
                hit()

        store_module.Store._insert = insert  # type: ignore[method-assign]
    elif kind in ("precommit", "commit"):
        original_exit = store_module._Transaction.__exit__

        def exit_(self: Any, exc_type: Any, *rest: object) -> None:
            if kind == "precommit" and exc_type is None:
                hit()
            original_exit(self, exc_type, *rest)
            if kind == "commit" and exc_type is None:
                hit()

        store_module._Transaction.__exit__ = exit_  # type: ignore[method-assign]


def run(argv: list[str]) -> int:
    point, args = argv[0], argv[argv.index("--") + 1:]
    if point != "none":
        _arm(point)
    cli_store.load_coder = lambda _args: FakeCoder()  # type: ignore[assignment]
    return main(args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
