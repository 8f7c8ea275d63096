"""Stated intentions and ultimatums: a future act said by its actor is an event of its own kind.

"X will send aid" is an intent to cooperate (CAMEO 03x, PLOVER AGREE), "X will strike unless Y"
a threat (CAMEO 13x); a plain conditional ("if", "could", "might") stays hypothetical and is not
an event. The code tables are data: ``data/intents.tsv``, and ``data/modal_acts.tsv`` for
demands and refusals (used by ``mentions._modal``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Token

from .._data import data_path
from ..ontology._tables import read_tsv_file
from .lexicon import Lexicon
from .modality import framing_governors

_CONDITIONAL_MODALS = frozenset({"could", "might", "may", "would", "should", "can", "must"})
_INTENT_VERBS = frozenset({"plan", "intend", "pledge", "promise", "vow", "prepare", "aim", "seek",
                           "offer", "agree", "decide", "ready", "willing", "prepared", "set"})


@dataclass(frozen=True, slots=True)
class IntentRow:
    prefix: str
    cameo: str
    modality: str


@dataclass(frozen=True, slots=True)
class ModalRow:
    prefix: str
    demand: str
    refusal: str


Row = TypeVar("Row", IntentRow, ModalRow)


def _longest_first(rows: list[Row]) -> tuple[Row, ...]:
    return tuple(sorted(rows, key=lambda r: -len(r.prefix)))


def _first_prefix(rows: tuple[Row, ...], cameo: str) -> Row | None:
    return next((r for r in rows if cameo.startswith(r.prefix)), None)


@dataclass(frozen=True)
class Intents:
    """The prefix table of ``intents.tsv``, longest prefixes first."""

    rows: tuple[IntentRow, ...]

    @classmethod
    def load(cls) -> Intents:
        rows = [IntentRow(r.cells["prefix"], r.cells["cameo"], r.cells["modality"])
                for r in read_tsv_file(data_path("intents.tsv"))]
        return cls(_longest_first(rows))

    def recode(self, cameo: str) -> IntentRow | None:
        return _first_prefix(self.rows, cameo)


@dataclass(frozen=True)
class ModalActs:
    """The prefix table of ``modal_acts.tsv`` (demands and refusals), longest prefixes first."""

    rows: tuple[ModalRow, ...]

    @classmethod
    def load(cls) -> ModalActs:
        rows = [ModalRow(r.cells["prefix"], r.cells["demand"], r.cells["refusal"])
                for r in read_tsv_file(data_path("modal_acts.tsv"))]
        return cls(_longest_first(rows))

    def row(self, cameo: str) -> ModalRow | None:
        return _first_prefix(self.rows, cameo)


def stated_intent(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether the trigger is its actor's announced future act ("will give", "plans to send",
    "unless ... will withdraw"), not a condition or a possibility."""
    clause = [trigger, *framing_governors(trigger)]
    if trigger.dep_ == "acl":
        clause.append(trigger.head)  # "plans to withdraw", "no plans to withdraw"
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lemma_.lower() == "no")
           for t in clause for c in t.children):
        return False
    marks = {c.lemma_.lower() for t in clause for c in t.children if c.dep_ == "mark"}
    if marks & {"if", "whether"}:
        return False
    auxes = {c.lemma_.lower() for t in clause for c in t.children if c.dep_ == "aux"}
    if auxes & _CONDITIONAL_MODALS:
        return False
    governors = {t.lemma_.lower() for t in clause[1:]}
    future = lexicon.cue("future")
    return bool(auxes & {"will", "shall"} or governors & (_INTENT_VERBS | future)
                or "unless" in marks)
