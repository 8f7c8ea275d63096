"""docs/store.md explains every stored column and every export column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.store import layout_columns
from sitrep.store.schema import tables

DOC = (Path(__file__).resolve().parents[2] / "docs" / "store.md").read_text(encoding="utf-8")


def _documented(name: str) -> bool:
    if f"`{name}`" in DOC:
        return True
    for pattern in re.findall(r"`([A-Za-z0-9_]*\*[A-Za-z0-9_]*)`", DOC):  # Actor*Type2Code
        if re.fullmatch(pattern.replace("*", "[A-Za-z0-9_]*"), name):
            return True
    prefix = name.split("_", 1)[0]
    return f"`{prefix}_name` … `{prefix}_" in DOC or f"`{prefix}_*`" in DOC


@pytest.mark.parametrize("table", [t.name for t in tables()])
def test_every_table_column_is_documented(table: str) -> None:
    columns = next(t for t in tables() if t.name == table).column_names
    assert [c for c in columns if not _documented(c)] == []


@pytest.mark.parametrize("layout", ["native", "acled", "gdelt", "gdelt_mentions"])
def test_every_layout_column_is_documented(layout: str) -> None:
    columns = [c for c, _ in layout_columns(layout)]
    assert [c for c in columns if not _documented(c)] == []
