"""From a parsed document to event mentions: detection, arguments and resolution, sentence by sentence.

For each trigger the lexicon finds, this module asks ``detect.modality`` how it is framed,
``arguments`` for its role tokens, and the resolvers for actors (knowledge base, with the
article's coreference memory), places (gazetteer), the time expression (dates) and the casualty
counts (counts). Every span is mapped back to the original text through the offset map.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from .arguments import NEAR_PREPS, TRIGGERS_KEY, Roles, lemma, phrase, roles_of
from .detect.lexicon import InstrumentRow, Lexicon
from .detect.modality import modality_of
from .detect.triggers import TriggerMatch, find_triggers
from .records import Actor, Count, DateResolution, Location, Mention, TextSpan, replace
from .resolve.actors import ActorKB, ArticleActors
from .resolve.counts import casualties
from .resolve.dates import (
    find_time_expressions,
    is_past_or_present,
    resolve_time_expression,
)
from .resolve.gazetteer import Gazetteer
from .text import NormalisedText

NAMED_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
TERRITORY_CODES = ("192", "0874", "087")  # occupy territory; withdraw, hand over ground
PLACE_NOUNS = frozenset({"town", "city", "village", "capital", "district", "province", "region",
                         "area", "stronghold", "territory", "port", "airport", "base", "hill",
                         "neighbourhood", "neighborhood", "suburb", "outskirts", "state"})
HISTORY_DAYS = 180  # older than this, an event mentioned in passing is context
INSTRUMENT_PRIORITY = ("suicide", "chemical", "drone", "aircraft", "grenade", "landmine",
                       "car_bomb", "ied", "missile", "rocket", "mortar", "artillery")
ANCHOR_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
KEPT_APART_ROOTS = frozenset({"13"})  # threats stay events of their own
KEPT_APART_CODES = frozenset({"015", "016"})  # claims and denials of responsibility
GROUP_HEADS = frozenset({"member", "hundred", "thousand", "dozen", "score", "group", "number",
                         "team", "unit"})
SUPPORTER_HEADS = frozenset({"supporter", "follower", "loyalist", "partisan", "sympathiser",
                             "sympathizer"})
TITLE_HEADS = frozenset({"commander", "leader", "chief", "head", "deputy", "president", "minister",
                         "general", "spokesman", "spokesperson", "founder", "official", "governor"})
ACTOR_ENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
NAME_LABELS = frozenset({"FAC", "ORG", "PERSON", "GPE", "LOC", "EVENT", "WORK_OF_ART", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


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


@dataclass(slots=True)
class DocState:
    """One document being read: its normalised text, publication date and actor memory."""

    doc: Doc
    norm: NormalisedText
    published: date | None
    actors: ArticleActors
    countries: list[str]


def doc_mentions(doc: Doc, norm: NormalisedText, published: date | None,
                 res: Resources) -> list[Mention]:
    """All event mentions of a parsed document, in document order."""
    matches = find_triggers(doc, res.lexicon, res.people)
    doc.user_data[TRIGGERS_KEY] = {match.head for match in matches}
    countries = _doc_countries(doc, res)
    state = DocState(doc, norm, published,
                     ArticleActors(res.kb, context_countries=countries, when=published), countries)
    mentions: list[Mention] = []
    by_sentence = _group_by_sentence(doc, matches)
    for index, sent in enumerate(doc.sents):
        _remember_entities(sent, state)
        sentence_matches = by_sentence.get(sent.start, [])
        if sentence_matches:
            mentions += _sentence_mentions(sent, index, sentence_matches, state, res)
    return mentions


def _doc_countries(doc: Doc, res: Resources) -> list[str]:
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
    kept = [m for m in matches if not _is_source(state.doc[m.head], res)]
    heads = [state.doc[m.head] for m in kept]
    pairs = [(h, _mention(m, sent, index, sentence, times, state, res))
             for m, h in zip(kept, heads, strict=True)]
    pairs = [(h, m) for h, m in pairs if not _accidental(m, sent, res)]
    anchors = [h for h, m in pairs if m.cameo[:2] in ANCHOR_ROOTS]
    out = [m for h, m in pairs if not _absorbed(h, m, anchors)]
    _assign_counts(out, counts, state)
    return out


def _accidental(mention: Mention, sent: Span, res: Resources) -> bool:
    """Deaths in a collapse, a crash or a stampede with nobody behind them are not attacks."""
    if mention.cameo[:2] not in VIOLENT_ROOTS or mention.actor1 is not None:
        return False
    return any(lemma(t) in res.accident_cues for t in sent)


def _clause_verb(token: Token) -> Token | None:
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ in {"VERB", "AUX"}:
            return candidate
    return None


def _is_source(head: Token, res: Resources) -> bool:
    """"a UN investigation found ...": an event noun that is the subject of a reporting verb."""
    return (head.pos_ in {"NOUN", "PROPN"} and head.dep_ in {"nsubj", "nsubjpass"}
            and lemma(head.head) in res.reporting_verbs)


def _absorbed(head: Token, mention: Mention, anchors: list[Token]) -> bool:
    """A non-violent act tied to a violent one in the same sentence is part of it: rebels
    "pulled out" of the town troops recaptured, kidnappers "demanded" a ransom."""
    if mention.cameo[:2] in ANCHOR_ROOTS | KEPT_APART_ROOTS or mention.cameo in KEPT_APART_CODES:
        return False
    return any(_linked(head, anchor) or _linked(anchor, head) for anchor in anchors)


def _linked(low: Token, high: Token) -> bool:
    """``low`` hangs under ``high`` within three steps, or both belong to one verb's clause."""
    if _clause_verb(low) is not None and _clause_verb(low) == _clause_verb(high):
        return True
    current = low
    for _ in range(3):
        if current.dep_ not in {"advcl", "conj", "xcomp", "ccomp", "pcomp", "acl", "relcl", "pobj",
                                "prep"} or current.head.i == current.i:
            return False
        current = current.head
        if current.i == high.i:
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
    mention.location = _location(roles, sent, state, res)
    _fill_actors(mention, roles, state, res)
    mention.date, mention.own_date = _choose_time(head, roles, times)
    if mention.date is not None and not is_past_or_present(mention.date, state.published):
        mention.hypothetical = mention.hypothetical or mention.own_date  # "will strike on Monday"
    mention.headline = _is_headline(sent)
    if _perfect_without_day(head, mention, res) or _historical(mention, state.published):
        mention.background = True
    mention.confidence = _confidence(match, mention)
    return mention


def _refined_code(code: str, instrument: InstrumentRow | None) -> str:
    """A generic attack code made specific by its weapon (190 + drone = 195; 183 + suicide = 1831)."""
    better = instrument.cameo if instrument else None
    if better and (code in {"190", "180", "18", "19"} or (better.startswith(code) and better != code)):
        return better
    return code


def _is_headline(sent: Span) -> bool:
    """A first line without final punctuation, as headlines are."""
    text = sent.text.strip()
    return sent.start == 0 and bool(text) and text[-1] not in ".!?\"'"


def _descriptive(head: Token, cameo: str) -> bool:
    """Non-violent triggers that describe rather than report: "Iran-backed", "which is backed by"."""
    if cameo[:2] in {"14", "15", "17", "18", "19", "20"}:
        return False
    if head.dep_ in {"amod", "compound", "npadvmod"}:
        return True
    if head.tag_ == "VBG" and head.dep_ == "conj" and head.head.lemma_ == "be":
        return True  # "Soleimani was a warlord ..., and backing regimes"
    if head.tag_ != "VBN":
        return False  # "a charge Moscow rejected" reports; "a group backed by Iran" describes
    return any(t.dep_ in {"relcl", "acl"} for t in [head, *head.ancestors])


def _span(state: DocState, start: int, end: int) -> TextSpan:
    text, o_start, o_end = state.norm.original_span(start, end)
    return TextSpan(text.strip(), o_start + (len(text) - len(text.lstrip())),
                    o_end - (len(text) - len(text.rstrip())))


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
    usable = times
    if not usable:
        return None, False
    clause_ids = {t.i for t in roles.clause.subtree} | {t.i for t in head.subtree}
    attached = [t.resolution for t in usable if t.token in clause_ids]
    if attached:
        return attached[0], True
    return min(usable, key=lambda t: abs(t.token - head.i)).resolution, False


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
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    warlike = any(lemma(c) in res.lexicon.cue("background") for c in subjects)
    return spans_time or multitude or warlike


def _fill_actors(mention: Mention, roles: Roles, state: DocState, res: Resources) -> None:
    here = mention.location.country if mention.location else None
    with _local_context(state.actors, here):
        _resolve_roles(mention, roles, state, res, here)


@contextmanager
def _local_context(actors: ArticleActors, here: str | None) -> Iterator[None]:
    """Generic actors ("gunmen", "police") belong first to the country the event is in."""
    saved = list(actors.context_countries)
    if here:
        actors.context_countries = [here] + [c for c in saved if c != here]
    try:
        yield
    finally:
        actors.context_countries = saved


def _resolve_roles(mention: Mention, roles: Roles, state: DocState, res: Resources,
                   here: str | None) -> None:
    if roles.agent is not None:
        mention.actor1 = _attacker(_actor(roles.agent, state, res, here), mention, res)
        if mention.actor1 is None and mention.cameo[:2] not in ANCHOR_ROOTS:
            mention.actor1 = _unknown(roles.agent, state)  # "analysts warned": someone, not nobody
    patients: list[Actor] = []
    tokens = roles.patients
    if mention.cameo.startswith(TERRITORY_CODES):
        tokens = [t for t in tokens if not _is_place_noun(t, res)] + _from_whom(roles.clause)
    for token in tokens:
        actor = _actor(token, state, res, here)
        if actor is not None and all(actor.name != p.name for p in patients):
            patients.append(actor)
    if mention.actor1 is not None:
        patients = [p for p in patients if p.name != mention.actor1.name]
    if not patients and mention.cameo[:2] not in ANCHOR_ROOTS:
        others = [_actor(t, state, res, here) for t in roles.counterparts]
        patients = [a for a in others if a is not None and (
            mention.actor1 is None or a.name != mention.actor1.name)][:1]
    if patients:
        mention.actor2 = patients[0]
        mention.victims = patients[1:]


def _is_place_noun(token: Token, res: Resources) -> bool:
    """"the town of Kidal", "Damascus": the ground taken, not an actor."""
    return token.ent_type_ in PLACE_LABELS or lemma(token) in PLACE_NOUNS or (
        res.targets.get(lemma(token), ("", ""))[0] == "civilians")


def _from_whom(verb: Token) -> list[Token]:
    """"recaptured the town from Boko Haram": who lost it."""
    return [g for c in verb.subtree if c.dep_ == "prep" and lemma(c) == "from"
            for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in PLACE_LABELS]


def _actor(token: Token, state: DocState, res: Resources, here: str | None = None
           ) -> Actor | None:
    """Resolve a role token to an actor: a named entity inside it first, then its phrase."""
    target = _actor_token(token)
    if lemma(target) in SUPPORTER_HEADS:
        return _supporters(target, state, res)
    named = _named_entity(target)
    if named is not None:
        actor = state.actors.resolve(*_original(named, state))
        if actor is not None:
            return actor
    if lemma(target) in TITLE_HEADS and target.tag_ in {"NN", "NNP"}:
        return None  # "the Deputy Commander of X" names a person we could not find
    owner = [c for c in target.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    if owner and target.ent_type_ == "":  # "the militia group's positions" -> the group
        found = _actor(owner[0], state, res, here)
        if found is not None:
            return found
    found = state.actors.resolve(*_original(phrase(target), state))
    if found is None or found.country is None:
        found = _reduced(target, state) or found
    return found if found is not None else _target_noun(target, state, res, here)


def _reduced(token: Token, state: DocState) -> Actor | None:
    """"Senior Hungarian and Romanian officials" -> "Hungarian officials"."""
    named = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"}
             and c.ent_type_ in {"NORP", "GPE"}]
    if not named:
        return None
    text = f"{named[0].text} {token.text}"
    _, start, end = _original(token.doc[named[0].i : token.i + 1], state)
    found = state.actors.resolve(text)
    return replace(found, text=state.norm.original[start:end], start=start, end=end) if found else None


def _target_noun(token: Token, state: DocState, res: Resources, here: str | None = None
                 ) -> Actor | None:
    """"a military base" -> the forces holding it; "a market" -> civilians (country from context)."""
    entry = res.targets.get(lemma(token))
    if entry is None:
        return None
    kind, label = entry
    country = here or (state.countries[0] if state.countries else None)
    text, start, end = _original(phrase(token), state)
    return Actor(name=_labelled(label, country, res), country=country, type=kind, text=text,
                 start=start, end=end)


def _labelled(label: str, country: str | None, res: Resources) -> str:
    """"Civilians (Somalia)": a generic label with its country's name."""
    entry = res.kb.get(country) if country else None
    return f"{label} ({entry.name if entry else country})" if country else label


def _unknown(token: Token, state: DocState) -> Actor | None:
    """An actor the text names but the knowledge base does not know."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    text, start, end = _original(phrase(token), state)
    return Actor(name=text.removeprefix("the ").removeprefix("The "), type="other", text=text,
                 start=start, end=end)


def _attacker(actor: Actor | None, mention: Mention, res: Resources) -> Actor | None:
    """Whoever kills or attacks is armed: "men in uniform killed ..." is an unidentified group."""
    if actor is None or actor.type != "civilians" or mention.cameo[:2] not in VIOLENT_ROOTS:
        return actor
    name = _labelled("Unidentified Armed Group", actor.country, res)
    return Actor(name=name, country=actor.country, type="political_militia", text=actor.text,
                 start=actor.start, end=actor.end)


def _supporters(token: Token, state: DocState, res: Resources) -> Actor | None:
    """"Supporters of former prime minister Imran Khan": a crowd, affiliated to Khan."""
    patron = [g for c in token.children if c.dep_ == "prep" and lemma(c) == "of"
              for g in c.children if g.dep_ == "pobj"]
    leader = _actor(patron[0], state, res) if patron else None
    text, start, end = _original(phrase(token), state)
    country = leader.country if leader else (state.countries[0] if state.countries else None)
    name = f"Supporters of {leader.name}" if leader else _labelled("Supporters", country, res)
    return Actor(name=name, country=country, type="protesters", text=text, start=start, end=end,
                 affiliations=(leader.name,) if leader else ())


def _actor_token(token: Token) -> Token:
    """"hundreds of protesters" -> protesters; "two members of the ISF" -> ISF."""
    if lemma(token) in GROUP_HEADS or token.like_num:
        for child in token.children:
            if child.dep_ == "prep" and lemma(child) == "of":
                pobj = [g for g in child.children if g.dep_ == "pobj"]
                if pobj:
                    return pobj[0]
    return token


def _named_entity(token: Token) -> Span | None:
    """The token's own named entity, or a person named in apposition ("the Commander ..., X")."""
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return _ent_of(child)
    if token.ent_type_ in NAMED_ENTS:
        return _ent_of(token)
    for child in token.children:  # "al-Shabaab militants", "Wagner mercenaries"
        if child.dep_ in {"compound", "amod", "nmod"} and child.ent_type_ in {"ORG", "PERSON"}:
            return _ent_of(child)
    for child in token.children:
        for grandchild in child.children:
            if child.dep_ != "relcl" and grandchild.dep_ == "appos" and grandchild.ent_type_ == "PERSON":
                return _ent_of(grandchild)
    return None


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


def _original(span: Span, state: DocState) -> tuple[str, int, int]:
    return state.norm.original_span(span.start_char, span.end_char)


def _location(roles: Roles, sent: Span, state: DocState, res: Resources) -> Location | None:
    """The event's place: attached to the trigger first, else named in the sentence.

    A town or site beats a country; a country named only as an actor's modifier is not a place.
    """
    found = _best_place(_resolve_places(roles.places, state, res))
    if found is None or found.geo_precision == 3:
        taken = _actor_token_ids(roles)
        loose = [(_place_head(e.root), _near(e.root)) for e in _ents_in(sent) if e.label_ in PLACE_LABELS
                 and e.root.i not in taken and not _in_clause_aside(e.root)]
        found = _best_place(([found] if found else []) + _resolve_places(loose, state, res))
    return found


def _near(token: Token) -> bool:
    """Governed by "near", "outside", "around" within two steps up."""
    for ancestor in list(token.ancestors)[:3]:
        if ancestor.dep_ == "prep":
            return lemma(ancestor) in NEAR_PREPS
    return False


def _in_clause_aside(token: Token) -> bool:
    """Inside a relative clause or apposition: "Soleimani, who shaped policy in the Middle East"."""
    return any(t.dep_ in {"relcl", "appos"} for t in [token, *token.ancestors])


def _place_head(token: Token) -> Token:
    """"Kaduna" in "Kaduna state" stands for the state; "Iraq's" for the place it owns."""
    if token.dep_ in {"compound", "poss"} and token.head.pos_ in {"NOUN", "PROPN"}:
        return token.head
    return token


def _resolve_places(tokens: list[tuple[Token, bool]], state: DocState, res: Resources
                    ) -> list[Location]:
    out = []
    for token, near in tokens:
        place = _place_phrase(token)
        for candidate, part in [(place, False), *_named_parts(place)]:
            text, start, end = _original(candidate, state)
            found = res.gazetteer.resolve(text, context_countries=state.countries,
                                          near=near or part, start=start, end=end)
            if found is None or (part and found.feature == "country"):
                continue  # a country named inside a phrase says little about where
            if _plausible(found, candidate, state):
                out.append(found)
                break
    return out


def _named_parts(place: Span) -> list[tuple[Span, bool]]:
    """Places named inside a phrase the gazetteer does not know: "the Khartoum district of
    Kafouri" -> Kafouri, then Khartoum (the event is in part of it: geo_precision 2)."""
    ents = [e for e in _ents_in(place) if e.label_ in PLACE_LABELS and e.text != place.text]
    return [(e, True) for e in reversed(ents)]


def _plausible(found: Location, place: Span, state: DocState) -> bool:
    """Reject look-alikes: "the diplomatic quarter" is not The Quarter, Anguilla.

    A place named by a lower-case word, or a town in a country the article never mentions
    that NER did not even tag as a place, is not believed.
    """
    if not any(t.text[:1].isupper() for t in place if not t.is_sent_start):
        return False  # place names are capitalised
    if place.root.ent_type_ in {"PERSON", "ORG", "NORP"}:  # NER disagrees: only the same name
        text = place.text.removeprefix("the ").removeprefix("The ")
        return _spelled_alike(found.name, text) and len(found.name.split()) == len(text.split())
    if found.feature in {"country", "admin1"} or not state.countries:
        return True
    if found.country in state.countries:
        return True
    return place.root.ent_type_ in PLACE_LABELS and _spelled_alike(found.name, place.text)


def _spelled_alike(name: str, text: str) -> bool:
    """The gazetteer's name appears in the text (accents aside): "Culiacán" ~ "Culiacan"."""
    return _fold(name)[:5] in _fold(text)


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def _best_place(places: list[Location]) -> Location | None:
    local = [p for p in places if p.geo_precision < 3]
    ranked = local or places
    return ranked[0] if ranked else None


def _actor_token_ids(roles: Roles) -> set[int]:
    """Tokens of the agent's phrase: "Israeli" in "Israeli troops" is not where it happened."""
    return {t.i for t in phrase(roles.agent)} if roles.agent is not None else set()


def _place_phrase(token: Token) -> Span:
    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
        ent = _ent_of(token)
        left = min([ent.start] + [c.left_edge.i for c in token.lefts
                                  if c.dep_ in {"poss", "compound", "amod"}])
        return token.doc[left : ent.end]
    return phrase(token)


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
    """Give the sentence's casualty figures to its first violent, asserted mention."""
    fatalities: Count | None = getattr(counts, "fatalities", None)
    injured: Count | None = getattr(counts, "injured", None)
    if fatalities is None and injured is None:
        return
    for mention in mentions:
        if mention.cameo[:2] in {"14", "15", "17", "18", "19", "20"} and not mention.negated:
            mention.fatalities = fatalities
            mention.injured = injured
            return


def _confidence(match: TriggerMatch, mention: Mention) -> float:
    score = 0.45 + 0.1 * len(match.row.words) + 0.1 * len(match.row.conditions)
    score += 0.1 * (mention.actor1 is not None) + 0.1 * (mention.actor2 is not None)
    score += 0.1 * (mention.location is not None)
    return min(score, 0.95)
