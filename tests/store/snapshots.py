"""A store's content as comparable data: what the kill and distributed-ingest tests compare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from sitrep.store.schema import tables

TIMESTAMPS = frozenset({"ingested_at", "recorded_at", "seen_at"})


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows (timestamps left out), sorted: equal snapshots = equal stores."""
    con = duckdb.connect(str(db), read_only=True)
    snap = {}
    for t in tables():
        cols = ", ".join(f'"{c}"' for c in t.column_names if c not in TIMESTAMPS)
        snap[t.name] = sorted(con.execute(f"SELECT {cols} FROM {t.name}").fetchall(), key=repr)
    con.close()
    return snap
