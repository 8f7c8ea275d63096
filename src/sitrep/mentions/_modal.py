"""Acts that are said, not done: intentions, ultimatums, demands and refusals.

"X will send aid" is an intent to cooperate (03x), "X will strike unless Y" a threat (13x)
(``data/intents.tsv``); "Y must resign", said by X, a demand (10x); "X would not send a
delegation" or "X refused to release them" a refusal (12x) (``data/modal_acts.tsv``). Each is an
event of its own kind; a plain conditional ("if", "could", "might") stays hypothetical and is
not an event.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..arguments import lemma
from ..detect.intents import ModalActs, ModalRow, stated_intent
from ..detect.modality import framing_governors
from ..detect.triggers import TriggerMatch
from ..records import Mention
from ._state import Resources

DEMAND_MODALS = frozenset({"must", "should"})
FUTURE_AUXES = frozenset({"will", "would", "shall"})


def refusal_shaped(acts: ModalActs) -> Callable[[Token, TriggerMatch], bool]:
    """A test for candidates its actor says it will not do ("would not send", "will not
    release"): the event detector keeps them for ``recode_modal`` to code as refusals."""
    def test(head: Token, match: TriggerMatch) -> bool:
        negated = any(c.dep_ == "neg" for t in _clause(head) for c in t.children)
        return negated and _refusal_row(head, match.row.cameo, acts) is not None
    return test


def recode_modal(mention: Mention, head: Token, res: Resources) -> Token | None:
    """Recode a mention whose act is only intended, threatened, demanded or refused; for a
    demand, the token of who demands it (the subject of the words that carry it), if any."""
    if _as_refusal(mention, head, res):
        return None
    if _as_demand(mention, head, res):
        return _speaker(head)
    _as_intent(mention, head, res)
    return None


def _speaker(head: Token) -> Token | None:
    """"Protesters said the president must resign": "Protesters"."""
    for token in _clause(head):
        if token.dep_ == "ccomp":
            return next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    return None


def _as_intent(mention: Mention, head: Token, res: Resources) -> None:
    if not mention.hypothetical or mention.negated or res.intents is None:
        return
    row = res.intents.recode(mention.cameo)
    if row is None or not stated_intent(head, res.lexicon):
        return
    _recode(mention, row.cameo, row.modality)


def _as_refusal(mention: Mention, head: Token, res: Resources) -> bool:
    """"would not send", "will not release": its own actor's refusal (12x)."""
    if res.modal_acts is None or not mention.negated:
        return False
    row = _refusal_row(head, mention.cameo, res.modal_acts)
    if row is None:
        return False
    _recode(mention, row.refusal, "asserted")
    mention.negated = False
    return True


def _refusal_row(head: Token, cameo: str, acts: ModalActs) -> ModalRow | None:
    """The table row of an act framed as its actor's future ("will", "would"), not a condition."""
    clause = _clause(head)
    if not _auxes(clause) & FUTURE_AUXES or _marked_conditional(clause):
        return None
    return acts.row(cameo)


def _as_demand(mention: Mention, head: Token, res: Resources) -> bool:
    """"Y must resign", in the words of someone else: a demand (10x) on Y."""
    if res.modal_acts is None or mention.negated or not mention.hypothetical:
        return False
    row = res.modal_acts.row(mention.cameo)
    clause = _clause(head)
    if row is None or not _auxes(clause) & DEMAND_MODALS or _marked_conditional(clause):
        return False
    if not any(t.dep_ == "ccomp" for t in clause):
        return False  # the demand is someone's words about another's duty
    _recode(mention, row.demand, "asserted")
    return True


def _clause(head: Token) -> list[Token]:
    return [head, *framing_governors(head)]


def _auxes(clause: list[Token]) -> set[str]:
    return {lemma(c) for t in clause for c in t.children if c.dep_ == "aux"}


def _marked_conditional(clause: list[Token]) -> bool:
    return any(c.dep_ == "mark" and lemma(c) in {"if", "whether", "unless"}
               for t in clause for c in t.children)


def _recode(mention: Mention, cameo: str, modality: str) -> None:
    mention.cameo = cameo
    mention.modality = modality  # type: ignore[assignment]
    mention.hypothetical = False
    mention.plover_mode = None
    mention.instrument = None
