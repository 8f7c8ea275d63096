"""Reading sitrep's small tab-separated data tables (shared by the ontology modules)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .._data import data_path, read_text
from ..errors import E, SitrepError


@dataclass(frozen=True, slots=True)
class Row:
    """One data row of a TSV table: its 1-based line number and its cells by column name."""

    line: int
    cells: dict[str, str]


def read_tsv(*parts: str, comment: str = "#") -> Iterator[Row]:
    """Rows of a package TSV file whose first non-comment line is the header.

    Blank lines and lines starting with ``comment`` are skipped. A row with more cells than the
    header raises E101 naming the file and line; missing trailing cells read as "".
    """
    path = data_path(*parts)
    header: list[str] | None = None
    for number, raw in enumerate(read_text(*parts).splitlines(), start=1):
        if not raw.strip() or raw.startswith(comment):
            continue
        cells = [cell.strip() for cell in raw.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise SitrepError(E.E101, path=path, line=number,
                              cause=f"{len(cells)} cells, the header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        yield Row(number, dict(zip(header, cells, strict=True)))
