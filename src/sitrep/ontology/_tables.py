"""Reading sitrep's small tab-separated data tables (shared by the ontology modules)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .._data import data_path
from ..errors import E, SitrepError


@dataclass(frozen=True, slots=True)
class Row:
    """One data row of a TSV table: its 1-based line number and its cells by column name."""

    line: int
    cells: dict[str, str]


def read_tsv(*parts: str, comment: str = "#") -> Iterator[Row]:
    """Rows of a package TSV file (see ``read_tsv_file``)."""
    return read_tsv_file(data_path(*parts), comment)


def read_tsv_file(path: Path, comment: str = "#") -> Iterator[Row]:
    """Rows of a TSV file whose first non-comment line is the header.

    Blank lines and lines starting with ``comment`` are skipped. A row with more cells than the
    header raises E101 naming the file and line; missing trailing cells read as "".
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SitrepError(E.E009, path=path, cause=exc) from exc
    header: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
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
