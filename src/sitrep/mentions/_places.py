"""The place of a mention: attached place phrases first, then places named in the sentence,
each resolved by the gazetteer and checked for plausibility."""

from __future__ import annotations

import unicodedata

from spacy.tokens import Span, Token

from ..arguments import NEAR_PREPS, PLACE_PREPS, Roles, lemma, phrase, sequenced_elsewhere
from ..records import Location
from ._state import PLACE_LABELS, PLACE_NOUNS, DocState, Resources, _ent_of, _ents_in, _original


def _location(roles: Roles, sent: Span, state: DocState, res: Resources
              ) -> tuple[Location | None, bool]:
    """The event's place, and whether it is attached to the trigger (else it is only named in
    the sentence).

    A town or site beats a country; a country named only as an actor's modifier is not a place.
    """
    apart = sequenced_elsewhere(roles.clause)  # "struck ... after a bombing in Suruc"
    tokens = [(t, near) for t, near in roles.places + _named_sites(roles) if t.i not in apart]
    found = _best_place(_resolve_places(tokens, state, res))
    if found is None or found.geo_precision == 3:
        taken = _actor_token_ids(roles) | apart
        loose = [(_place_head(e.root), _near(e.root)) for e in _ents_in(sent)
                 if (e.label_ in PLACE_LABELS or _locative_name(e))
                 and e.root.i not in taken and not _in_clause_aside(e.root, roles.clause)]
        attached = found
        named = [p for token, near in loose for p in _resolve_places([(token, near)], state, res)
                 if not _country_as_actor(p, token)
                 and (attached is None or p.country == attached.country)]  # within the region named
        found = _best_place(([found] if found else []) + named)
        return found, found is not None and found is attached
    return found, True


def other_towns(sent: Span, found: Location | None, state: DocState, res: Resources
                ) -> list[Location]:
    """Towns coordinated with the event's town ("in Lahore and Karachi"): ACLED records one
    event per place, so each is an event of its own (in the same country)."""
    if found is None or found.geo_precision == 3 or not found.text:
        return []
    anchors = [t for t in sent if t.text == found.text.split()[-1] and t.ent_type_]
    out: list[Location] = []
    for anchor in anchors:
        for conj in anchor.conjuncts:
            if conj.ent_type_ not in PLACE_LABELS | {"ORG"} or not conj.text[:1].isupper():
                continue
            for place in _resolve_places([(conj, False)], state, res):
                if place.geo_precision < 3 and place.country == found.country and (
                        place.name != found.name and all(place.name != o.name for o in out)):
                    out.append(place)
    return out


def _near(token: Token) -> bool:
    """Governed by "near", "outside", "around" within two steps up."""
    for ancestor in list(token.ancestors)[:3]:
        if ancestor.dep_ == "prep":
            return lemma(ancestor) in NEAR_PREPS
    return False


SITE_NOUNS = frozenset({"court", "university", "hospital", "airport", "stadium", "mosque",
                        "church", "market", "prison", "jail", "hotel", "camp", "base", "school",
                        "college", "station", "embassy", "consulate", "parliament", "palace",
                        "port", "harbour", "harbor", "airbase", "refinery", "field"})
DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                             "southeast", "southwest", "outskirts", "edge", "centre", "center"})


def _in_clause_aside(token: Token, clause: Token) -> bool:
    """Inside a relative clause or apposition that does not hold the event's own clause:
    "Soleimani, who shaped policy in the Middle East" (a misparse that hangs the whole event
    under an apposition keeps its places)."""
    own = {clause.i, *(t.i for t in clause.ancestors)}
    return any(t.dep_ in {"relcl", "appos"} and t.i not in own for t in [token, *token.ancestors])


def _country_as_actor(place: Location, token: Token) -> bool:
    """A country named in the sentence as a party, not as where: "accusing France of
    financing", "Turkey's defence ministry said"."""
    if place.feature != "country":
        return False
    if token.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"}:
        return True
    return token.dep_ == "poss" and token.head.ent_type_ not in PLACE_LABELS and (
        lemma(token.head) not in PLACE_NOUNS)


def _locative_name(ent: Span) -> bool:
    """A name NER took for an organisation or person that a place preposition governs:
    "south of Djibo", "in Mora" (the gazetteer must then know it by exactly that name)."""
    if ent.root.dep_ == "compound" and lemma(ent.root.head) in PLACE_NOUNS:
        return True  # "Herat city", "Kunduz province", whatever NER called the name
    if ent.label_ not in {"ORG", "PERSON"} or ent.root.dep_ != "pobj":
        return False
    prep = ent.root.head
    if lemma(prep) in PLACE_PREPS:
        return True
    return lemma(prep) == "of" and lemma(prep.head) in DIRECTION_WORDS


def _place_head(token: Token) -> Token:
    """"Kaduna" in "Kaduna state" stands for the state; "Iraq's" for the place it owns."""
    if token.dep_ in {"compound", "poss"} and token.head.pos_ in {"NOUN", "PROPN"}:
        return token.head
    return token


def _resolve_places(tokens: list[tuple[Token, bool]], state: DocState, res: Resources
                    ) -> list[Location]:
    found = [_resolve_one(token, near, state, res) for token, near in tokens]
    whole = {loc.country for loc, part in filter(None, found) if not part}
    # a town read from inside a phrase yields to a place named whole in another country
    return [loc for loc, part in filter(None, found) if not part or not whole
            or loc.country in whole]


def _resolve_one(token: Token, near: bool, state: DocState, res: Resources
                 ) -> tuple[Location, bool] | None:
    """The place a token names, and whether it was read from a name inside its phrase."""
    if _qualifies_a_site(token):
        token = token.head  # "Nigeria" of "a Yola, Nigeria camp": the camp's whole name
    place = _place_phrase(token)
    broad: Location | None = None  # a country for the whole phrase, if no town is named in it
    for candidate, part in [(place, False), *_named_parts(place)]:
        text, start, end = _original(candidate, state)
        found = res.gazetteer.resolve(text, context_countries=state.countries,
                                      near=near or part, start=start, end=end)
        if found is None or (part and found.feature == "country"):
            continue  # a country named inside a phrase says little about where
        if not _plausible(found, candidate, state):
            continue
        if found.feature == "country" and broad is None:
            broad = found  # "a Yola, Nigeria camp": Yola, if the gazetteer knows it
            continue
        if broad is not None and found.country != broad.country:
            continue  # a town inside the phrase must lie in the phrase's country
        if part and state.countries and found.country not in state.countries:
            continue  # ... and in a country the article names ("Abu al-Duhur" is not Ābu, India)
        return found, part
    return (broad, False) if broad is not None else None


def _qualifies_a_site(token: Token) -> bool:
    """A place after another name modifying a site noun: "Nigeria" in "a Yola, Nigeria camp"."""
    if token.dep_ not in {"compound", "nmod"} or lemma(token.head) not in SITE_NOUNS:
        return False
    return any(c.i < token.i and c.dep_ in {"compound", "nmod"} and c.text[:1].isupper()
               for c in token.head.children)


def _named_parts(place: Span) -> list[tuple[Span, bool]]:
    """Places named inside a phrase the gazetteer does not know: "the Khartoum district of
    Kafouri" -> Kafouri, then Khartoum (the event is in part of it: geo_precision 2); then the
    town a site is named after ("Yemen's Al Hudaydah port", "a Yola, Nigeria camp")."""
    ents = [e for e in _ents_in(place) if e.label_ in PLACE_LABELS and e.text != place.text]
    parts = [(e, True) for e in reversed(ents)]
    return parts + [(s, True) for s in _site_names(place) if all(s.text != e.text for e in ents)]


def _site_names(place: Span) -> list[Span]:
    """The capitalised names modifying a site noun ("Al Hudaydah" of "Yemen's Al Hudaydah
    port"), then the site name's first word ("Islamabad" of "the Islamabad High Court")."""
    head = place[-1]
    if lemma(head) not in SITE_NOUNS:
        return []
    doc = place.doc
    chains = [doc[c.left_edge.i : c.i + 1] for c in head.children
              if c.dep_ in {"compound", "nmod"} and c.i < head.i and c.text[:1].isupper()
              and c.left_edge.i >= place.start]
    # a name of two words or more, or one NER calls a place ("Supreme" of "Supreme Court" is none)
    out = [c for c in chains if len(c) > 1 or c.root.ent_type_ in PLACE_LABELS]
    words = [t for t in place if t.text[:1].isupper() and t.lower_ != "the"]
    if len(words) >= 2:
        out.append(doc[words[0].i : words[0].i + 1])
    return out


def _named_sites(roles: Roles) -> list[tuple[Token, bool]]:
    """Attacked sites named after their town ("an air raid on Yemen's Al Hudaydah port"):
    the target is also where it happened."""
    return [(p, False) for p in roles.patients if lemma(p) in SITE_NOUNS and any(
        c.dep_ == "poss" and c.ent_type_ in PLACE_LABELS for c in p.children)]


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
    """The place's words, stopped at a bracket: "Titao (Loroum province)" -> "Titao"."""
    if token.ent_type_ in {"GPE", "LOC", "FAC", "ORG", "PERSON"}:
        ent = _ent_of(token)
        left = min([ent.start] + [c.left_edge.i for c in token.lefts
                                  if c.dep_ in {"poss", "compound", "amod"}])
        span = token.doc[left : ent.end]
    else:
        span = phrase(token)
    bracket = next((t.i for t in span if t.text == "(" and t.i > span.start), None)
    return token.doc[span.start : bracket] if bracket is not None else span
