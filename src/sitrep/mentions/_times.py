"""The time of a mention: the sentence's time expressions, the one attached to the trigger,
and the tests that make a mention background (old context, present-perfect tallies)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..arguments import Roles, lemma, sequenced_elsewhere
from ..records import DateResolution, Mention, replace
from ..resolve.dates import find_time_expressions, resolve_time_expression
from ._state import NAME_LABELS, VIOLENT_ROOTS, DocState, Resources, _ent_of

HISTORY_DAYS = 180  # older than this, an event mentioned in passing is context
HABITUAL_MODIFIERS = frozenset({"similar", "repeated", "frequent", "several", "many", "numerous",
                                "countless", "regular", "multiple"})


@dataclass(frozen=True, slots=True)
class _Time:
    """A resolved time expression of a sentence and the token where it starts.

    Report dates ("police said on Monday") are kept: measured on the gold sets, dropping them
    for the publication date loses more than it gains.
    """

    resolution: DateResolution
    token: int


def _times(sent: Span, state: DocState) -> list[_Time]:
    """Resolved time expressions of a sentence, in order."""
    found = []
    for expr in find_time_expressions(sent.text):
        char, end_char = sent.start_char + expr.start, sent.start_char + expr.end
        if end_char <= state.body_start:
            continue  # "BAGHDAD, Oct 26 -": the dateline dates the report, not an event
        span = state.doc.char_span(char, end_char, alignment_mode="expand")
        if _inside_name(state.doc, char, end_char) or (
                span is not None and span[-1].dep_ == "compound" and span[-1].head.pos_ == "PROPN"):
            continue  # "the Monday Market", "the October Revolution"
        resolution = resolve_time_expression(expr, state.published)
        if resolution is None:
            continue
        text, start, end = state.norm.original_span(char, end_char)
        resolution = replace(resolution, date_text=text, start=start, end=end)
        found.append(_Time(resolution, span.start if span is not None else sent.start))
    return found


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span[0].ent_type_:
        return False
    ent = _ent_of(span[0])
    return ent.label_ in NAME_LABELS and ent.start_char <= start and end <= ent.end_char and (
        (ent.start_char, ent.end_char) != (start, end))


def _choose_time(head: Token, roles: Roles, times: list[_Time]
                 ) -> tuple[DateResolution | None, bool]:
    """The time expression attached to the trigger's clause (own), else the nearest one."""
    apart = sequenced_elsewhere(head)
    usable = [t for t in times if t.token not in apart]  # "after a bombing yesterday"
    if not usable:
        return None, False
    clause_ids = {t.i for t in roles.clause.subtree} | {t.i for t in head.subtree}
    attached = [t.resolution for t in usable if t.token in clause_ids]
    if not attached:  # "blocked a highway late on Tuesday ... and shot dead nine": shared
        top = _conj_top(roles.clause)
        if top is not roles.clause:
            shared = {t.i for t in top.subtree}
            attached = [t.resolution for t in usable if t.token in shared]
    if attached:
        return attached[0], True
    return min(usable, key=lambda t: abs(t.token - head.i)).resolution, False


def _conj_top(token: Token) -> Token:
    """The first verb of a coordination ("blocked" of "blocked ..., forced ... and shot")."""
    while token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"}:
        token = token.head
    return token


def _historical(mention: Mention, published: date | None) -> bool:
    """Context from long ago ("when the Houthis seized Sanaa in 2014") is background."""
    latest = mention.date.date_latest if mention.date else None
    return bool(published and latest and (published - latest).days > HISTORY_DAYS)


def _perfect_without_day(head: Token, mention: Mention, res: Resources) -> bool:
    """"the insurgency has killed 35,000 people": a present perfect tally, not an event.

    A violent present perfect is background when it spans time ("since 2011", "for years"),
    counts in thousands, or has a war, an insurgency or a conflict as its subject.
    """
    verb = head if head.pos_ in {"VERB", "AUX"} else head.head
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"}
                  for c in verb.children)
    if not perfect or mention.cameo[:2] not in VIOLENT_ROOTS:
        return False
    if mention.date is not None and mention.date.date_precision not in {"day", "publication"}:
        return True  # "has killed 400,000 since 2011"
    spans_time = any(lemma(c) in {"since", "for", "over"} for c in verb.children
                     if c.dep_ in {"prep", "advmod"})
    counted = [t for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} for t in c.subtree]
    multitude = any(lemma(t) in {"thousand", "million", "ten", "hundred"} or
                    (t.text.replace(",", "").isdigit() and int(t.text.replace(",", "")) >= 1000)
                    for t in counted)
    habitual = any(lemma(c) in HABITUAL_MODIFIERS for c in head.children)
    if habitual and not mention.own_date:
        return True  # "has carried out similar attacks", "has staged repeated raids"
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    warlike = any(lemma(c) in res.lexicon.cue("background") for c in subjects)
    return spans_time or multitude or warlike
