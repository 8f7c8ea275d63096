"""From a parsed document to event mentions: detection, arguments and resolution, sentence by sentence.

For each trigger the lexicon finds, this module asks ``detect.modality`` how it is framed,
``arguments`` for its role tokens, and the resolvers for actors (knowledge base, with the
article's coreference memory), places (gazetteer), the time expression (dates) and the casualty
counts (counts). Every span is mapped back to the original text through the offset map.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..arguments import Roles, lemma, roles_of
from ..detect.classify import Decision
from ..detect.lexicon import InstrumentRow, Lexicon
from ..detect.modality import modality_of
from ..detect.triggers import TriggerMatch, find_triggers, headline_end
from ..records import Count, Mention, TextSpan
from ..resolve.actors import ArticleActors
from ..resolve.counts import casualties
from ..resolve.dates import is_past_or_present
from ..text import NormalisedText
from ._actors import _actor, _fill_actors, _unknown
from ._modal import recode_modal, refusal_shaped
from ._places import _location, other_towns
from ._state import (
    ACTOR_ENT_LABELS,
    ANCHOR_ROOTS,
    VIOLENT_ROOTS,
    DocState,
    Resources,
    _ents_in,
    _span,
)
from ._times import _choose_time, _historical, _perfect_without_day, _Time, _times

__all__ = ["DocState", "Resources", "doc_countries", "doc_mentions"]

INSTRUMENT_PRIORITY = ("suicide", "chemical", "drone", "aircraft", "grenade", "landmine",
                       "car_bomb", "ied", "missile", "rocket", "mortar", "artillery")
KEPT_APART_ROOTS = frozenset({"13"})  # threats stay events of their own
KEPT_APART_CODES = frozenset({"015", "016"})  # claims and denials of responsibility
SPEECH_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
                          "13", "16"})  # statements, appeals, demands, accusations, rejections
REQUEST_ROOTS = frozenset({"02", "03", "10", "12"})  # appeals, intentions, demands, refusals
_SEQUENCED = re.compile(r"\b(after|before|since)\b", re.IGNORECASE)
TALK_ROOTS = frozenset({"03", "04", "05"})  # talks, meetings, visits, cooperation
HALT_TALKS = "164"


def doc_mentions(doc: Doc, norm: NormalisedText, published: date | None,
                 res: Resources, body_start: int = 0,
                 countries: list[str] | None = None) -> list[Mention]:
    """All event mentions of a parsed document, in document order. Time expressions before
    ``body_start`` (a dateline's date) date no event; ``countries`` are the document's (as
    ``doc_countries`` finds them), when the caller has them already."""
    learned = {}
    if res.classifier is not None:
        said = refusal_shaped(res.modal_acts) if res.modal_acts is not None else None
        decisions = res.classifier.decide(doc, res.lexicon, res.people, res.reporting_verbs,
                                          res.linking_verbs, said)
        learned = {d.match.head: d for d in decisions}
        matches = [d.match for d in decisions]
    else:
        matches = find_triggers(doc, res.lexicon, res.people)
    countries = list(countries) if countries is not None else doc_countries(doc, res)
    state = DocState(doc, norm, published,
                     ArticleActors(res.kb, context_countries=countries, when=published), countries,
                     learned, body_start)
    mentions: list[Mention] = []
    by_sentence = _group_by_sentence(doc, matches)
    for index, sent in enumerate(doc.sents):
        _remember_entities(sent, state)
        sentence_matches = by_sentence.get(sent.start, [])
        if sentence_matches:
            mentions += _sentence_mentions(sent, index, sentence_matches, state, res)
    return mentions


def doc_countries(doc: Doc, res: Resources) -> list[str]:
    """Countries the document names (as places or demonyms), most often named first."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in {"GPE", "NORP", "LOC"} and not ent.text.islower():
            found = res.kb.country(ent.text)
            if found is not None:
                counts[found.iso3] = counts.get(found.iso3, 0) + 1
    return sorted(counts, key=lambda iso: -counts[iso])


def _group_by_sentence(doc: Doc, matches: list[TriggerMatch]) -> dict[int, list[TriggerMatch]]:
    grouped: dict[int, list[TriggerMatch]] = {}
    for match in matches:
        grouped.setdefault(doc[match.head].sent.start, []).append(match)
    return grouped


def _remember_entities(sent: Span, state: DocState) -> None:
    """Named actors and countries of a sentence, for later anaphora and context."""
    for ent in _ents_in(sent):
        if ent.label_ in ACTOR_ENT_LABELS:
            text, start, end = state.norm.original_span(ent.start_char, ent.end_char)
            actor = state.actors.resolve(text, start, end)
            if actor is not None and actor.country and actor.country not in state.countries:
                state.countries.append(actor.country)


def _sentence_mentions(sent: Span, index: int, matches: list[TriggerMatch], state: DocState,
                       res: Resources) -> list[Mention]:
    times = _times(sent, state)
    counts = casualties(sent)
    sentence = _span(state, sent.start_char, sent.end_char)
    if _label_line(sent):
        return []  # "PRESS RELEASE", "SAHEL REGION": a label, not a report
    kept = [m for m in matches if not _is_source(state.doc[m.head], res)
            and not _called_off(state.doc[m.head])]
    heads = [state.doc[m.head] for m in kept]
    pairs = [(h, _mention(m, sent, index, sentence, times, state, res))
             for m, h in zip(kept, heads, strict=True)]
    if res.classifier is None:  # the learned detector knows accidents from attacks by itself
        pairs = [(h, m) for h, m in pairs if not _accidental(m, sent, res)]
    pairs = [(h, m) for h, m in pairs if not _requested(h, m, pairs)]
    _share_background(pairs)
    anchors = [h for h, m in pairs if m.cameo[:2] in ANCHOR_ROOTS]
    out = [m for h, m in pairs if not _absorbed(h, m, anchors)]
    _assign_counts(out, counts, state)
    return out


def _accidental(mention: Mention, sent: Span, res: Resources) -> bool:
    """Deaths in a collapse, a crash or a stampede with nobody behind them are not attacks."""
    if mention.cameo[:2] not in VIOLENT_ROOTS or mention.actor1 is not None:
        return False
    cues = res.accident_cues  # a word, or word/POS for one sense ("storm/NOUN")
    return any(lemma(t) in cues or f"{lemma(t)}/{t.pos_}" in cues for t in sent)


def _clause_verb(token: Token) -> Token | None:
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ in {"VERB", "AUX"}:
            return candidate
    return None


def _is_source(head: Token, res: Resources) -> bool:
    """"a UN investigation found ...": an event noun that is the subject of a reporting verb."""
    return (head.pos_ in {"NOUN", "PROPN"} and head.dep_ in {"nsubj", "nsubjpass"}
            and lemma(head.head) in res.reporting_verbs)


def _share_background(pairs: list[tuple[Token, Mention]]) -> None:
    """"has killed 850 civilians in air strikes since April": the strikes tied to a background
    tally are the tally's, not a dated event of their own."""
    tallies = [h for h, m in pairs if m.background and m.cameo[:2] in VIOLENT_ROOTS]
    for head, mention in pairs:
        dated = mention.own_date and mention.date is not None and (
            mention.date.date_precision == "day")
        if not mention.background and mention.cameo[:2] in VIOLENT_ROOTS and not dated \
                and any(_linked(head, t) or _linked(t, head) for t in tallies):
            mention.background = True


def _label_line(sent: Span) -> bool:
    """A line in capitals with no verb of its own: a section label or a letterhead."""
    letters = [c for c in sent.text if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters) and len(sent) <= 8


def _called_off(head: Token) -> bool:
    """"called off" cancels what it governs; it is no call for anything."""
    return lemma(head) == "call" and any(lemma(c) == "off" for c in head.children)


def _absorbed(head: Token, mention: Mention, anchors: list[Token]) -> bool:
    """A non-violent act tied to a violent one in the same sentence is part of it: rebels
    "pulled out" of the town troops recaptured, kidnappers "demanded" a ransom. A statement
    about violence ("condemned the killing", "blamed the attack on") is not: the violence is
    what it speaks of."""
    if mention.cameo[:2] in ANCHOR_ROOTS | KEPT_APART_ROOTS or mention.cameo in KEPT_APART_CODES:
        return False
    if mention.cameo[:2] in SPEECH_ROOTS:
        return any(_linked(head, anchor) for anchor in anchors)
    return any(_linked(head, anchor) or _linked(anchor, head) for anchor in anchors)


def _requested(head: Token, mention: Mention, pairs: list[tuple[Token, Mention]]) -> bool:
    """An act someone demands, urges or plans ("demanded that the government send troops",
    "urged both sides to withdraw") is the content of that event, not an event of its own."""
    if mention.cameo[:2] in VIOLENT_ROOTS:
        return False
    clause = [t for t in [head, *head.ancestors][:4]]
    for other_head, other in pairs:
        if other is mention or other.cameo[:2] not in REQUEST_ROOTS:
            continue
        if any(t.head.i == other_head.i and t.dep_ in {"ccomp", "xcomp"} for t in clause):
            return True
    return False


def _linked(low: Token, high: Token) -> bool:
    """``low`` hangs under ``high`` within three steps, or both belong to one verb's clause."""
    if _clause_verb(low) is not None and _clause_verb(low) == _clause_verb(high):
        return True
    targets = {high.i} | ({verb.i} if (verb := _clause_verb(high)) is not None else set())
    current = low
    for _ in range(3):
        if current.dep_ not in {"advcl", "conj", "xcomp", "ccomp", "pcomp", "acl", "relcl", "pobj",
                                "prep"} or current.head.i == current.i:
            return False
        current = current.head
        if current.i in targets:
            return True
    return False


def _mention(match: TriggerMatch, sent: Span, index: int, sentence: TextSpan,
             times: list[_Time], state: DocState,
             res: Resources) -> Mention:
    doc = state.doc
    head = doc[match.head]
    info = modality_of(head, res.lexicon)
    roles = roles_of(head, headline=_is_headline(sent), result_verbs=res.result_verbs,
                     light_verbs=res.light_verbs)
    trigger = _span(state, doc[match.start].idx, doc[match.end - 1].idx + len(doc[match.end - 1]))
    instrument = _instrument(head, roles, res.lexicon)
    mention = Mention(
        trigger=trigger, sentence=sentence, sentence_index=index,
        cameo=_refined_code(match.row.cameo, instrument),
        plover_mode=match.row.mode or (instrument.plover_mode if instrument else None),
        modality="threatened" if match.row.cameo.startswith("13") else info.modality,  # type: ignore[arg-type]
        negated=info.negated, hypothetical=info.hypothetical,
        background=info.background or _descriptive(head, match.row.cameo),
        instrument=instrument.instrument if instrument else None,
    )
    mention.location, mention.own_place = _location(roles, sent, state, res)
    mention.other_places = other_towns(sent, mention.location, state, res)
    mention.has_roles = _has_roles(roles)
    _fill_actors(mention, roles, state, res)
    mention.date, mention.own_date = _choose_time(head, roles, times)
    if mention.date is not None and not is_past_or_present(mention.date, state.published):
        mention.hypothetical = mention.hypothetical or mention.own_date  # "will strike on Monday"
    speaker = recode_modal(mention, head, res)
    if speaker is not None:  # a demand: who must act is its target, the speaker its source
        source = _actor(speaker, state, res) or _unknown(speaker, state)
        mention.actor2, mention.actor1 = mention.actor1, source
    if info.cancelled and mention.cameo[:2] in TALK_ROOTS:
        mention.cameo = HALT_TALKS  # "called off the talks", "cancelled a planned visit": 164
        mention.negated = mention.hypothetical = False
    mention.headline = _is_headline(sent)
    mention.depth = sum(1 for _ in head.ancestors)
    if _perfect_without_day(head, mention, res) or _historical(mention, state.published):
        mention.background = True
    mention.confidence = _confidence(match, mention)
    _apply_decision(mention, state.learned.get(match.head))
    return mention


def _has_roles(roles: Roles) -> bool:
    """A doer or target named by a noun (not "it" or "they"), or a place phrase."""
    named = [t for t in (roles.agent, *roles.patients) if t is not None and t.pos_ != "PRON"]
    return bool(named or roles.places)


def _apply_decision(mention: Mention, decision: Decision | None) -> None:
    """What the learned detector adds: its confidence, background, and a weapon class that
    the text implies without a lexicon word for it ("the raid from the air")."""
    if decision is None:
        return
    mention.learned = True
    mention.confidence = round(decision.p_event, 3)
    mention.learned_label = decision.sure_label
    mention.background = mention.background or decision.background
    if mention.instrument is None and decision.instrument and mention.cameo[:2] in VIOLENT_ROOTS:
        mention.instrument = decision.instrument


def _refined_code(code: str, instrument: InstrumentRow | None) -> str:
    """A generic attack code made specific by its weapon (190 + drone = 195; 183 + suicide = 1831)."""
    better = instrument.cameo if instrument else None
    if better and (code in {"190", "180", "18", "19"} or (better.startswith(code) and better != code)):
        return better
    return code


def _is_headline(sent: Span) -> bool:
    """A first line without final punctuation, as headlines are."""
    return sent.start == 0 and sent.end <= headline_end(sent.doc) and len(sent) > 0


def _descriptive(head: Token, cameo: str) -> bool:
    """Triggers that describe rather than report: "Iran-backed", "which is backed by", and a
    participle modifying a noun ("burning tyres", "surrounding villages", "mobilised soldiers")."""
    if head.dep_ == "amod" and head.tag_ in {"VBG", "VBN"}:
        return True
    if cameo[:2] in {"14", "15", "17", "18", "19", "20"}:
        return False
    if head.dep_ in {"amod", "compound", "npadvmod"}:
        return True
    if head.tag_ == "VBG" and head.dep_ == "conj" and head.head.lemma_ == "be":
        return True  # "Soleimani was a warlord ..., and backing regimes"
    if head.tag_ != "VBN":
        return False  # "a charge Moscow rejected" reports; "a group backed by Iran" describes
    return any(t.dep_ in {"relcl", "acl"} for t in [head, *head.ancestors])


def _instrument(head: Token, roles: Roles, lexicon: Lexicon) -> InstrumentRow | None:
    """The weapon the trigger phrase or its close dependents name ("drone strike", "with rockets")."""
    near = [head, *head.children, *roles.clause.children]
    near += [g for c in list(head.children) + list(roles.clause.children) if c.dep_ == "prep"
             for g in c.children if g.dep_ == "pobj"]
    if roles.agent is not None:
        near += [roles.agent, *roles.agent.children]
    found = []
    for token in near:
        for row in lexicon.instruments.get(lemma(token), []):
            words = [lemma(t) for t in token.doc[max(token.i - len(row.words) + 1, 0): token.i + 1]]
            if words == list(row.words):
                found.append(row)
    return min(found, key=_instrument_rank) if found else None


def _instrument_rank(row: InstrumentRow) -> int:
    """The most telling weapon wins: a suicide car bomb is a suicide bombing."""
    order = INSTRUMENT_PRIORITY
    return order.index(row.instrument) if row.instrument in order else len(order)


def _assign_counts(mentions: list[Mention], counts: object, state: DocState) -> None:
    """Give the sentence's casualty figures to its first violent, asserted mention, unless an
    "after" or "before" sets the figure's act apart ("The blast came two days after gunmen
    killed 11 villagers": the killing's, the trigger nearest before the figure)."""
    fatalities: Count | None = getattr(counts, "fatalities", None)
    injured: Count | None = getattr(counts, "injured", None)
    if fatalities is None and injured is None:
        return
    able = [m for m in mentions if m.cameo[:2] in ANCHOR_ROOTS and not m.negated]
    if not able:
        return
    figure = fatalities if fatalities is not None else injured
    assert figure is not None
    sentence, target = able[0].sentence, able[0]
    at = sentence.text.find(figure.text)
    between = sentence.text[target.trigger.end - sentence.start : max(at, 0)]
    if at >= 0 and _SEQUENCED.search(between):
        before = [m for m in able if m.trigger.start - sentence.start <= at]
        target = max(before, key=lambda m: m.trigger.start, default=target)
    target.fatalities = fatalities
    target.injured = injured


def _confidence(match: TriggerMatch, mention: Mention) -> float:
    score = 0.45 + 0.1 * len(match.row.words) + 0.1 * len(match.row.conditions)
    score += 0.1 * (mention.actor1 is not None) + 0.1 * (mention.actor2 is not None)
    score += 0.1 * (mention.location is not None)
    return min(score, 0.95)
