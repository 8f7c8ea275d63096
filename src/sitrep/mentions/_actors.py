"""Actors of a mention: role tokens resolved through the knowledge base and the article's memory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.tokens import Span, Token

from ..arguments import Roles, lemma, phrase
from ..records import Actor, Mention, replace
from ..resolve.actors import ArticleActors
from ._state import (
    ANCHOR_ROOTS,
    NAMED_ENTS,
    PLACE_LABELS,
    PLACE_NOUNS,
    VIOLENT_ROOTS,
    DocState,
    Resources,
    _ent_of,
    _original,
)

TERRITORY_CODES = ("192", "0874", "087")  # occupy territory; withdraw, hand over ground
GROUP_HEADS = frozenset({"member", "hundred", "thousand", "dozen", "score", "group", "number",
                         "team", "unit"})
SUPPORTER_HEADS = frozenset({"supporter", "follower", "loyalist", "partisan", "sympathiser",
                             "sympathizer"})
TITLE_HEADS = frozenset({"commander", "leader", "chief", "head", "deputy", "president", "minister",
                         "general", "spokesman", "spokesperson", "founder", "official", "governor"})


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
        if actor is None and mention.cameo[:2] in VIOLENT_ROOTS:
            actor = _person_victim(token, state, res, here)
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


def _person_victim(token: Token, state: DocState, res: Resources, here: str | None
                   ) -> Actor | None:
    """A person the knowledge base does not know, shot or killed ("Alma Delia Ruelas", "a
    municipal councillor", "a shopkeeper"), is coded as ACLED codes unarmed people: civilians
    of the country (an armed role is resolved before this, as forces or a group)."""
    target = _actor_token(token)
    if lemma(target) in TITLE_HEADS:
        return None  # "the Commander of the Quds Force": a person the text names elsewhere
    if target.ent_type_ != "PERSON" and lemma(target) not in res.people:
        return None
    country = here or (state.countries[0] if state.countries else None)
    text, start, end = _original(phrase(target), state)
    return Actor(name=_labelled("Civilians", country, res), country=country, type="civilians",
                 text=text, start=start, end=end)


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
    civil = [res.targets[lemma(c)] for c in token.children if c.dep_ in {"compound", "amod"}
             and res.targets.get(lemma(c), ("", ""))[0] == "civilians"]
    kind, label = civil[0] if civil else entry  # "a tourist convoy" is not a military one
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
