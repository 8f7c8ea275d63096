"""The CAMEO -> PLOVER 2021 conversion table (PLOVER, Open Event Data Alliance, CC BY-SA 4.0).

Each data line of ``cameo_to_plover.txt`` reads ``CODE: TYPE, mode, context # comment``; a root
line (``03: AGREE``) gives only the type. Modes and contexts may be blank; a context may list
several values separated by ';'. When a code appears twice, the first line wins (the table
lists root 08 under both CONCEDE and RETREAT; codes 081-083 are the CONCEDE part).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from .._data import data_path, read_text
from ..errors import E, SitrepError

PLOVER_FILE = ("ontology", "cameo_to_plover.txt")

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class PloverEntry:
    """The PLOVER reading of one CAMEO code."""

    type: str
    mode: str | None = None
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PloverTable:
    """CAMEO code -> PLOVER entry, with the parent/root fallback of ``lookup``."""

    entries: dict[str, PloverEntry]

    @classmethod
    def load(cls) -> PloverTable:
        entries: dict[str, PloverEntry] = {}
        for number, raw in enumerate(read_text(*PLOVER_FILE).splitlines(), start=1):
            parsed = _parse_line(raw, number)
            if parsed is not None and parsed[0] not in entries:
                entries[parsed[0]] = parsed[1]
        return cls(entries)

    def lookup(self, code: str) -> PloverEntry | None:
        """The entry of ``code``, else of its 3-digit parent, else of its root; None if none.

        CAMEO roots 01 (statements) and 02 (appeals) were dropped by PLOVER: None.
        """
        for key in dict.fromkeys((code, code[:3], code[:2])):
            if key in self.entries:
                return self.entries[key]
        return None


def _parse_line(raw: str, number: int) -> tuple[str, PloverEntry] | None:
    body = raw.split("#", 1)[0].strip()
    if not body or body.startswith("~"):
        return None
    code, sep, rest = body.partition(":")
    code = code.strip()
    if not sep or not (code.isdigit() and 2 <= len(code) <= 4):
        _bad(number, f"expected 'CODE: TYPE, mode, context', got {raw.strip()!r}")
    cells = [cell.strip() for cell in rest.split(",", 2)] + ["", ""]
    kind, mode, context = cells[0], cells[1], cells[2]
    if kind not in PLOVER_TYPES:
        _bad(number, f"{kind!r} is not a PLOVER 2021 event type")
    contexts = tuple(part.strip() for part in context.split(";") if part.strip())
    return code, PloverEntry(kind, mode or None, contexts)


def _bad(number: int, cause: str) -> NoReturn:
    raise SitrepError(E.E101, path=data_path(*PLOVER_FILE), line=number, cause=cause)
