"""Modality, negation, hypotheticals and habitual background of a trigger, from the parse and cues.

The cue lexicon (``data/cues.tsv``) gives lemmas by kind; this module decides how a cue relates to a
trigger: a governing verb ("threatened to attack"), a modifier ("the foiled attack"), an auxiliary
("could strike"), a negation ("did not attack") or a habitual frame ("known for causing ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Lexicon

# Dependency labels through which a governing verb or noun frames the trigger below it.
_FRAME_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acomp", "conj", "advcl"})
_MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can"})
CANCEL_VERBS = frozenset({"cancel", "postpone", "scrap", "abandon", "suspend", "ban", "prevent",
                          "avert", "thwart"})
_READY = frozenset({"ready", "willing", "prepared", "poised", "set"})  # "ready to send troops"
_HEDGES = frozenset({"allegedly", "reportedly", "purportedly", "apparently", "alleged", "suspected"})


@dataclass(frozen=True, slots=True)
class ModalityInfo:
    modality: str = "asserted"
    negated: bool = False
    hypothetical: bool = False
    background: bool = False
    cancelled: bool = False  # "called off the talks": the calling off is itself an act


def frame_chain(token: Token, limit: int = 4) -> list[Token]:
    """The trigger's governors that frame it, nearest first ("tried" in "tried to attack")."""
    chain: list[Token] = []
    current = token
    while current.dep_ in _FRAME_DEPS and current.head is not current and len(chain) < limit:
        current = current.head
        chain.append(current)
    return chain


def modality_of(trigger: Token, lexicon: Lexicon) -> ModalityInfo:
    """The modality of the event a trigger reports."""
    chain = frame_chain(trigger)
    # xcomp-framed verbs and noun modifiers carry attempted/threatened/denied; advcl does not.
    framing = framing_governors(trigger)
    return ModalityInfo(
        modality=_modality(trigger, framing, lexicon),
        negated=_negated(trigger, framing),
        hypothetical=_hypothetical(trigger, framing, lexicon),
        background=_background(trigger, chain, lexicon),
        cancelled=trigger.dep_ in {"nsubj", "nsubjpass", "dobj"} and _cancelling(trigger.head),
    )


def framing_governors(trigger: Token) -> list[Token]:
    """The verbs and nouns that frame the trigger's clause ("tried" in "tried to attack")."""
    governors: list[Token] = []
    current = trigger
    while current.dep_ in {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj"} and len(governors) < 3:
        current = current.head
        if current.pos_ in {"VERB", "AUX", "NOUN"} or (
                current.pos_ == "ADJ" and _lemma(current) in _READY):
            governors.append(current)  # "ready to send": the readiness frames the act
    return governors


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _modality(trigger: Token, framing: list[Token], lexicon: Lexicon) -> str:
    modifiers = [_lemma(c) for c in trigger.children if c.dep_ in {"amod", "advmod", "compound"}]
    for kind in ("denied", "threatened", "attempted"):
        cues = lexicon.cue(kind)
        if any(m in cues for m in modifiers) or any(_lemma(g) in cues for g in framing):
            return kind
    hedges = _HEDGES | {c for c in lexicon.cue("reported") if " " not in c and c.endswith("ly")}
    if any(m in hedges for m in modifiers) or any(
        _lemma(c) in hedges for g in framing for c in g.children if c.dep_ == "advmod"
    ):
        return "reported"
    return "asserted"


def _negated(trigger: Token, framing: list[Token]) -> bool:
    if trigger.dep_ in {"nsubj", "nsubjpass", "dobj"} and _cancelling(trigger.head):
        return True  # "a demonstration ... had been called off", "cancelled the strike"
    for token in [trigger, *framing]:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and _lemma(child) == "no"):
                return True
            if child.dep_ in {"nsubj", "nsubjpass"} and _nobody(child):
                return True  # "No group has claimed the attack", "nobody was hurt"
    return False


def _cancelling(verb: Token) -> bool:
    if _lemma(verb) in CANCEL_VERBS:
        return True
    return _lemma(verb) == "call" and any(_lemma(c) == "off" for c in verb.children)


def _nobody(subject: Token) -> bool:
    if _lemma(subject) in {"nobody", "none", "noone", "neither"}:
        return True
    if _lemma(subject) == "one" and any(_lemma(c) == "no" for c in subject.children):
        return True
    return any(c.dep_ in {"det", "preconj"} and _lemma(c) in {"no", "neither"}
               for c in subject.children)


def _hypothetical(trigger: Token, framing: list[Token], lexicon: Lexicon) -> bool:
    clause = [trigger, *framing]
    future = lexicon.cue("future") | lexicon.cue("hypothetical")
    if any(c.dep_ in {"acl", "amod"} and _lemma(c) in future | {"plan", "schedule", "propose"}
           for c in trigger.children):
        return True  # "a demonstration planned for Thursday"
    for token in clause:
        for child in token.children:
            if child.dep_ == "aux" and _lemma(child) in (_MODALS | {"will", "shall"}):
                return True
            if child.dep_ == "mark" and _lemma(child) in {"if", "unless", "whether"}:
                return True
    return any(_lemma(g) in future | _READY for g in framing if g.pos_ in {"VERB", "NOUN", "ADJ"})


def _background(trigger: Token, chain: list[Token], lexicon: Lexicon) -> bool:
    habitual = lexicon.cue("habitual") | lexicon.cue("background")
    for token in [trigger, *chain]:
        if any(_lemma(c) in habitual for c in token.children if c.dep_ in {"advmod", "aux"}):
            return True
        if _lemma(token) == "know" and token.tag_ == "VBN":
            return True  # "known for causing ..."
        if _lemma(token) == "use" and any(_lemma(c) == "to" for c in token.children):
            return True  # "used to attack ..."
    return False
