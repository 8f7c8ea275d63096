"""What the mention stage shares: loaded resources, the document being read, span helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..detect.classify import Decision, EventClassifier
from ..detect.intents import Intents, ModalActs
from ..detect.lexicon import Lexicon
from ..records import TextSpan
from ..resolve.actors import ActorKB, ArticleActors
from ..resolve.gazetteer import Gazetteer
from ..text import NormalisedText

NAMED_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
ANCHOR_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
ACTOR_ENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
NAME_LABELS = frozenset({"FAC", "ORG", "PERSON", "GPE", "LOC", "EVENT", "WORK_OF_ART", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_NOUNS = frozenset({"town", "city", "village", "capital", "district", "province", "region",
                         "area", "stronghold", "territory", "port", "airport", "base", "hill",
                         "neighbourhood", "neighborhood", "suburb", "outskirts", "state"})


@dataclass(slots=True)
class Resources:
    """Everything the mention stage needs, loaded once by the ``Coder``."""

    lexicon: Lexicon
    kb: ActorKB
    gazetteer: Gazetteer
    people: frozenset[str]
    result_verbs: frozenset[str]
    targets: dict[str, tuple[str, str]]
    reporting_verbs: frozenset[str] = frozenset()
    accident_cues: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    classifier: EventClassifier | None = None
    intents: Intents | None = None
    linking_verbs: frozenset[str] = frozenset()
    modal_acts: ModalActs | None = None


@dataclass(slots=True)
class DocState:
    """One document being read: its normalised text, publication date and actor memory."""

    doc: Doc
    norm: NormalisedText
    published: date | None
    actors: ArticleActors
    countries: list[str]
    learned: dict[int, Decision] = field(default_factory=dict)
    body_start: int = 0  # normalised offset where the lead's words begin (after a dateline)


def _span(state: DocState, start: int, end: int) -> TextSpan:
    text, o_start, o_end = state.norm.original_span(start, end)
    return TextSpan(text.strip(), o_start + (len(text) - len(text.lstrip())),
                    o_end - (len(text) - len(text.rstrip())))


def _original(span: Span, state: DocState) -> tuple[str, int, int]:
    return state.norm.original_span(span.start_char, span.end_char)


def _ents_in(span: Span) -> list[Span]:
    """The entities inside a span, from a per-Doc list (``Span.ents`` rescans the whole Doc)."""
    ents = span.doc.user_data.get("sitrep_ents")
    if ents is None:
        ents = span.doc.user_data["sitrep_ents"] = list(span.doc.ents)
    return [e for e in ents if span.start <= e.start and e.end <= span.end]


def _ent_of(token: Token) -> Span:
    """The named entity a token belongs to (an index of ``doc.ents`` is built once per Doc)."""
    index = token.doc.user_data.get("sitrep_ent_index")
    if index is None:
        index = {i: ent for ent in token.doc.ents for i in range(ent.start, ent.end)}
        token.doc.user_data["sitrep_ent_index"] = index
    return index[token.i]
