"""Typed readers for the lexicon data files: triggers.tsv, cues.tsv and instruments.tsv.

Each file documents its columns in its header comment. Readers validate every row and raise
E103 naming the file and line of the first bad one; ``known_codes`` (CAMEO codes) is passed in
so that these readers do not load the ontology themselves.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import NoReturn

from .._data import data_path
from ..errors import E, SitrepError
from ._tables import Row, read_tsv

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


def load_triggers(known_codes: Collection[str]) -> tuple[TriggerRow, ...]:
    """Every row of triggers.tsv, validated (E103 for a bad row)."""
    return tuple(_trigger(row, known_codes) for row in read_tsv(*TRIGGERS_FILE))


def load_cues() -> tuple[CueRow, ...]:
    """Every row of cues.tsv, validated (E103 for a bad row)."""
    return tuple(_cue(row) for row in read_tsv(*CUES_FILE))


def load_instruments(known_codes: Collection[str]) -> tuple[InstrumentRow, ...]:
    """Every row of instruments.tsv, validated (E103 for a bad row)."""
    return tuple(_instrument(row, known_codes) for row in read_tsv(*INSTRUMENTS_FILE))


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


def _trigger(row: Row, known_codes: Collection[str]) -> TriggerRow:
    cells = row.cells
    phrase, pos, code, mode = cells["phrase"], cells["pos"], cells["cameo"], cells["mode"]
    _check_phrase(row, phrase, TRIGGERS_FILE)
    if pos not in POS_VALUES:
        _bad(TRIGGERS_FILE, row, f"pos {pos!r} is not one of {POS_VALUES}")
    if code not in known_codes:
        _bad(TRIGGERS_FILE, row, f"CAMEO code {code!r} is not in the CAMEO table")
    if mode and not _MODE.match(mode):
        _bad(TRIGGERS_FILE, row, f"mode {mode!r} is not a lower-case word")
    try:
        when = parse_when(cells["when"], pos)
    except ValueError as exc:
        _bad(TRIGGERS_FILE, row, str(exc))
    return TriggerRow(phrase, pos, code, mode or None, when, cells["note"], row.line)


def _cue(row: Row) -> CueRow:
    cue, kind = row.cells["cue"], row.cells["kind"]
    _check_phrase(row, cue, CUES_FILE)
    if kind not in CUE_KINDS:
        _bad(CUES_FILE, row, f"kind {kind!r} is not one of {CUE_KINDS}")
    return CueRow(cue, kind, row.cells["note"], row.line)


def _instrument(row: Row, known_codes: Collection[str]) -> InstrumentRow:
    cells = row.cells
    phrase, kind, code, mode = (cells["phrase"], cells["instrument"], cells["cameo"],
                                cells["plover_mode"])
    _check_phrase(row, phrase, INSTRUMENTS_FILE)
    if not _MODE.match(kind):
        _bad(INSTRUMENTS_FILE, row, f"instrument {kind!r} is not a lower-case word")
    if code and code not in known_codes:
        _bad(INSTRUMENTS_FILE, row, f"CAMEO code {code!r} is not in the CAMEO table")
    if mode and not _MODE.match(mode):
        _bad(INSTRUMENTS_FILE, row, f"plover_mode {mode!r} is not a lower-case word")
    return InstrumentRow(phrase, kind, code or None, mode or None, row.line)


def _check_phrase(row: Row, phrase: str, parts: tuple[str, ...]) -> None:
    tokens = phrase.split(" ")
    if not phrase or not all(_LEMMA.match(token) for token in tokens):
        _bad(parts, row, f"phrase {phrase!r} must be lower-case lemmas separated by single "
                         "spaces")


def _bad(parts: tuple[str, ...], row: Row, cause: str) -> NoReturn:
    raise SitrepError(E.E103, path=data_path(*parts), line=row.line, cause=cause)
