"""Typed readers for the lexicon data files: triggers.tsv, cues.tsv and instruments.tsv.

Each file documents its columns in its header comment. Readers validate every row and raise
E103 naming the file and line of the first bad one; ``known_codes`` (CAMEO codes) is passed in
so that these readers do not load the ontology themselves.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from .._data import data_path
from ..errors import E, SitrepError
from ._tables import Row, read_tsv_file

TRIGGERS_FILE = ("triggers.tsv",)
CUES_FILE = ("cues.tsv",)
INSTRUMENTS_FILE = ("instruments.tsv",)

POS_VALUES = ("VERB", "NOUN")
CUE_KINDS = ("negation", "attempted", "threatened", "denied", "reported", "hypothetical",
             "future", "habitual", "background")
# condition key -> allowed fixed values (None: a '|'-separated list of lemmas)
CONDITION_KEYS: dict[str, tuple[str, ...] | None] = {
    "obj": ("person", "any", "none"),
    "not_obj": None,
    "prep": None,
    "subj": ("person",),
    "ctx": None,
    "not_ctx": None,
}
VERB_ONLY_KEYS = frozenset({"obj", "not_obj", "subj"})
_LEMMA = re.compile(r"^[a-z0-9][a-z0-9'.]*$|^-$")
_MODE = re.compile(r"^[a-z][a-z_-]*$")


@dataclass(frozen=True, slots=True)
class Condition:
    """One ``when`` condition: ``key`` and its values (``obj=person`` -> ("person",))."""

    key: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TriggerRow:
    """One trigger: lemma phrase, head part of speech, CAMEO code, mode override, conditions."""

    phrase: str
    pos: str
    cameo: str
    mode: str | None
    when: tuple[Condition, ...]
    note: str
    line: int

    @property
    def lemmas(self) -> tuple[str, ...]:
        return tuple(self.phrase.split(" "))

    @property
    def head(self) -> str:
        """The head lemma: first token of a VERB phrase, last token of a NOUN phrase."""
        return self.lemmas[0] if self.pos == "VERB" else self.lemmas[-1]


@dataclass(frozen=True, slots=True)
class CueRow:
    cue: str
    kind: str
    note: str
    line: int


@dataclass(frozen=True, slots=True)
class InstrumentRow:
    phrase: str
    instrument: str
    cameo: str | None
    plover_mode: str | None
    line: int


def load_triggers(known_codes: Collection[str] | None,
                  directory: Path | None = None) -> tuple[TriggerRow, ...]:
    """Every row of triggers.tsv (package data, or in ``directory``), validated (E103).

    ``known_codes`` None skips the check that codes are in the CAMEO table.
    """
    path = _path(TRIGGERS_FILE, directory)
    return tuple(_trigger(row, known_codes, path) for row in read_tsv_file(path))


def load_cues(directory: Path | None = None) -> tuple[CueRow, ...]:
    """Every row of cues.tsv, validated (E103 for a bad row)."""
    path = _path(CUES_FILE, directory)
    return tuple(_cue(row, path) for row in read_tsv_file(path))


def load_instruments(known_codes: Collection[str] | None,
                     directory: Path | None = None) -> tuple[InstrumentRow, ...]:
    """Every row of instruments.tsv, validated (E103 for a bad row)."""
    path = _path(INSTRUMENTS_FILE, directory)
    return tuple(_instrument(row, known_codes, path) for row in read_tsv_file(path))


def _path(parts: tuple[str, ...], directory: Path | None) -> Path:
    return directory.joinpath(*parts) if directory is not None else data_path(*parts)


def parse_when(text: str, pos: str = "VERB") -> tuple[Condition, ...]:
    """Parse a ``when`` cell such as ``obj=person;not_ctx=film|movie``; ValueError if bad."""
    return tuple(_condition(part, pos) for part in text.split(";")) if text else ()


def _condition(part: str, pos: str) -> Condition:
    key, sep, value = part.partition("=")
    if not sep or key not in CONDITION_KEYS:
        raise ValueError(f"condition {part!r} is not KEY=VALUE with KEY in "
                         f"{sorted(CONDITION_KEYS)}")
    if key in VERB_ONLY_KEYS and pos != "VERB":
        raise ValueError(f"condition {key!r} applies to VERB rows only")
    values = tuple(value.split("|"))
    allowed = CONDITION_KEYS[key]
    bad = [v for v in values if (v not in allowed if allowed else not _LEMMA.match(v))]
    if bad:
        raise ValueError(f"condition {part!r}: bad value(s) {bad}")
    return Condition(key, values)


def _trigger(row: Row, known_codes: Collection[str] | None, path: Path) -> TriggerRow:
    cells = row.cells
    phrase, pos, code, mode = (cells.get("phrase", ""), cells.get("pos", ""),
                               cells.get("cameo", ""), cells.get("mode", ""))
    _check_phrase(row, phrase, path)
    if pos not in POS_VALUES:
        _bad(path, row, f"pos {pos!r} is not one of {POS_VALUES}")
    if known_codes is not None and code not in known_codes:
        _bad(path, row, f"CAMEO code {code!r} is not in the CAMEO table")
    if not code.isdigit():
        _bad(path, row, f"CAMEO code {code!r} is not a number")
    if mode and not _MODE.match(mode):
        _bad(path, row, f"mode {mode!r} is not a lower-case word")
    try:
        when = parse_when(cells.get("when", ""), pos)
    except ValueError as exc:
        _bad(path, row, str(exc))
    return TriggerRow(phrase, pos, code, mode or None, when, cells.get("note", ""), row.line)


def _cue(row: Row, path: Path) -> CueRow:
    cue, kind = row.cells.get("cue", ""), row.cells.get("kind", "")
    _check_phrase(row, cue, path)
    if kind not in CUE_KINDS:
        _bad(path, row, f"kind {kind!r} is not one of {CUE_KINDS}")
    return CueRow(cue, kind, row.cells.get("note", ""), row.line)


def _instrument(row: Row, known_codes: Collection[str] | None, path: Path) -> InstrumentRow:
    cells = row.cells
    phrase, kind, code, mode = (cells.get("phrase", ""), cells.get("instrument", ""),
                                cells.get("cameo", ""), cells.get("plover_mode", ""))
    _check_phrase(row, phrase, path)
    if not _MODE.match(kind):
        _bad(path, row, f"instrument {kind!r} is not a lower-case word")
    if code and known_codes is not None and code not in known_codes:
        _bad(path, row, f"CAMEO code {code!r} is not in the CAMEO table")
    if mode and not _MODE.match(mode):
        _bad(path, row, f"plover_mode {mode!r} is not a lower-case word")
    return InstrumentRow(phrase, kind, code or None, mode or None, row.line)


def _check_phrase(row: Row, phrase: str, path: Path) -> None:
    tokens = phrase.split(" ")
    if not phrase or not all(_LEMMA.match(token) for token in tokens):
        _bad(path, row, f"phrase {phrase!r} must be lower-case lemmas separated by single "
                        "spaces")


def _bad(path: Path, row: Row, cause: str) -> NoReturn:
    raise SitrepError(E.E103, path=path, line=row.line, cause=cause)
