"""``sitrep code``: one text in, its events out (being written)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    del sub
