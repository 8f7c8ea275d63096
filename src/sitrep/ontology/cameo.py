"""The CAMEO event code table: names, roots, QuadClass and Goldstein scores (GDELT lookups)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from .._data import data_path
from ..errors import E, SitrepError
from ..records import CameoInfo
from ._tables import Row, read_tsv

CODES_FILE = ("ontology", "cameo_eventcodes.tsv")
GOLDSTEIN_FILE = ("ontology", "cameo_goldstein.tsv")
QUAD_FILE = ("ontology", "cameo_quadclass.tsv")


@dataclass(frozen=True, slots=True)
class CameoTable:
    """All CAMEO event codes, keyed by code string (leading zeros kept: ``"057"``)."""

    codes: dict[str, CameoInfo]

    @classmethod
    def load(cls) -> CameoTable:
        """Read the three package tables; E101 names the file and line of a bad row."""
        names = {row.cells["CAMEOEVENTCODE"]: row for row in read_tsv(*CODES_FILE)}
        scores = {row.cells["CAMEOEVENTCODE"]: row for row in read_tsv(*GOLDSTEIN_FILE)}
        quads = {row.cells["root"]: row for row in read_tsv(*QUAD_FILE)}
        codes = {code: _info(code, row, scores, quads) for code, row in names.items()}
        return cls(codes)

    def get(self, code: str) -> CameoInfo:
        """The entry of ``code``; E100 naming the code when the table has no such code."""
        info = self.codes.get(code) if isinstance(code, str) else None
        if info is None:
            raise SitrepError(E.E100, code=code, path=data_path(*CODES_FILE))
        return info


def _info(code: str, row: Row, scores: dict[str, Row], quads: dict[str, Row]) -> CameoInfo:
    if not (code.isdigit() and 2 <= len(code) <= 4):
        _bad(CODES_FILE, row.line, f"code {code!r} is not 2-4 digits")
    score_row = scores.get(code)
    quad_row = quads.get(code[:2])
    if score_row is None:
        _bad(GOLDSTEIN_FILE, row.line, f"no Goldstein score for code {code!r}")
    if quad_row is None:
        _bad(QUAD_FILE, row.line, f"no QuadClass for root {code[:2]!r}")
    return CameoInfo(
        code=code,
        name=row.cells["EVENTDESCRIPTION"],
        root=code[:2],
        quad_class=int(_number(quad_row.cells["quad_class"], QUAD_FILE, quad_row.line)),
        goldstein=_number(score_row.cells["GOLDSTEINSCALE"], GOLDSTEIN_FILE, score_row.line),
    )


def _number(text: str, parts: tuple[str, str], line: int) -> float:
    try:
        return float(text)
    except ValueError:
        _bad(parts, line, f"{text!r} is not a number")


def _bad(parts: tuple[str, str], line: int, cause: str) -> NoReturn:
    raise SitrepError(E.E101, path=data_path(*parts), line=line, cause=cause)
