"""Event arguments from the dependency parse: who acted, on whom, where, with what.

This stage only finds *tokens and phrases* (roles); the resolve stage turns them into knowledge-base
actors, gazetteer places, dates and counts. Handled: actives, passives and by-agents, relative clauses,
subjects shared through ``xcomp``/``advcl``/``conj``, nominal triggers with their compound, possessive
and prepositional arguments ("US airstrikes on the group's positions"), result verbs whose subject is
a nominal trigger ("a drone strike killed ..."), appositions and "along with" coordination.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

SUBJECT = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT = frozenset({"nsubjpass", "csubjpass"})
OBJECT = frozenset({"dobj", "obj"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around", "inside", "across", "on", "into",
                         "throughout", "along", "within", "towards", "toward", "off", "over"})
NEAR_PREPS = frozenset({"near", "outside", "around", "off", "towards", "toward"})
TARGET_PREPS = frozenset({"on", "against", "at", "targeting", "upon"})
# Acts two sides do to each other: "police and migrants clashed" has both sides as subject.
RECIPROCAL_VERBS = frozenset({"clash", "fight", "battle", "skirmish", "scuffle", "brawl", "spar"})
PATIENT_OF_NOUNS = frozenset({
    "killing", "assassination", "arrest", "targeting", "kidnapping", "abduction", "execution",
    "murder", "detention", "release", "massacre", "rape", "torture", "beheading", "capture",
    "deportation", "expulsion", "shooting", "lynching", "bombing", "shelling", "siege", "blockade",
})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SPEAKER_PRONOUNS = frozenset({"they", "it", "we", "he", "she"})


@dataclass(slots=True)
class Roles:
    """Role tokens of one trigger. ``clause`` is the verb whose arguments the event takes."""

    clause: Token
    agent: Token | None = None
    patients: list[Token] = field(default_factory=list)
    places: list[tuple[Token, bool]] = field(default_factory=list)  # (head token, near?)
    counterparts: list[Token] = field(default_factory=list)  # "met with X", "X and Y agreed"


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT | {"auxpass"} for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"}
    )


def roles_of(trigger: Token, headline: bool = False,
             result_verbs: frozenset[str] = frozenset(),
             light_verbs: frozenset[str] = frozenset()) -> Roles:
    """The roles of a verb or noun trigger; ``headline`` reads "X Killed in Y" as a passive."""
    if trigger.pos_ in {"NOUN", "PROPN"}:
        roles = _noun_roles(trigger, result_verbs, light_verbs)
    else:
        roles = _verb_roles(trigger)
        if headline and not roles.patients and trigger.tag_ in {"VBN", "VBD", "NNP"}:
            roles.patients, roles.agent = ([roles.agent], None) if roles.agent else ([], None)
    roles.patients = [t for t in _with_conjuncts(roles.patients)  # "police and migrants clashed"
                      if roles.agent is None or t.i != roles.agent.i]
    roles.places = [(t, near) for t, near in roles.places if roles.agent is None or t.i != roles.agent.i]
    roles.counterparts = _counterparts(roles)
    return roles


def _counterparts(roles: Roles) -> list[Token]:
    """Who else a statement or a meeting involves: a co-subject ("Biden and Putin met"), the
    addressee ("appealed to Congress", "talks with Hamas"), or the one told to act ("demanded
    that Russia withdraw", "threatened to target Israeli ships")."""
    found = list(roles.agent.conjuncts) if roles.agent is not None else []
    clause = roles.clause
    found += _prep_objects(clause, frozenset({"to", "with"}), exclude_places=True)
    for child in clause.children:
        if child.dep_ == "ccomp":
            found += [c for c in child.children if c.dep_ in SUBJECT]
        elif child.dep_ == "xcomp":
            found += [c for c in child.children if c.dep_ in OBJECT]
            found += _prep_objects(child, TARGET_PREPS, exclude_places=True)
    return [t for t in found if t.pos_ in {"NOUN", "PROPN"}]


SEQUENCE_WORDS = frozenset({"after", "before", "following"})


def sequenced_elsewhere(head: Token) -> set[int]:
    """Tokens of the sentence's "after ..."/"before ..." phrases that tell an act (hold a verb)
    and do not hold ``head``:
    in "Jets struck on Tuesday after a bombing killed 30 in Suruc", the time and place of the
    bombing are not the strike's."""
    out: set[int] = set()
    for token in head.sent:
        if lemma(token) not in SEQUENCE_WORDS or token.dep_ not in {"prep", "mark"}:
            continue
        scope = token.head if token.dep_ == "mark" else token
        ids = {t.i for t in scope.subtree}
        told = any(t.pos_ == "VERB" and t.i != scope.i for t in scope.subtree) or scope.pos_ == "VERB"
        if head.i not in ids and told:  # an act told in the phrase, not "after a day's work"
            out |= ids
    return out


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """"a US contractor and two members of the ISF": every conjunct is a patient."""
    out: list[Token] = []
    for token in tokens:
        for item in (token, *token.conjuncts):
            if item not in out:
                out.append(item)
    return out


def _verb_roles(verb: Token) -> Roles:
    roles = Roles(clause=verb)
    children = list(verb.children)
    if is_passive(verb):
        roles.agent = _first([g for c in children if c.dep_ == "agent" for g in c.children
                              if g.dep_ == "pobj"])
        roles.patients = [c for c in children if c.dep_ in PASSIVE_SUBJECT]
        if not roles.patients and verb.dep_ in {"acl", "amod"}:
            roles.patients = [verb.head]
    else:
        roles.agent = _first([c for c in children if c.dep_ in SUBJECT])
        roles.patients = [c for c in children if c.dep_ in OBJECT]
        if lemma(verb) in RECIPROCAL_VERBS:  # "clashed with troops"; "police and migrants clashed"
            roles.patients += _prep_objects(verb, frozenset({"with"}), exclude_places=True)
            if roles.agent is not None and not roles.patients:
                roles.patients = list(roles.agent.conjuncts)
    roles.patients += _prep_objects(verb, TARGET_PREPS, exclude_places=True)
    roles.patients += _in_front_of(verb)
    roles.patients += _along_with(verb)
    roles.agent = _speaker(_resolve_relative(roles.agent, verb), verb)
    if roles.agent is None and verb.dep_ in {"xcomp", "advcl", "conj", "pcomp"}:
        roles.agent = _inherited_agent(verb.head)
    anchors = roles.patients + ([roles.agent] if roles.agent is not None else [])
    roles.places = place_tokens(verb, anchors)
    if verb.dep_ in {"xcomp", "advcl", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
        roles.places += [p for p in place_tokens(verb.head, []) if p not in roles.places]
    return roles


def _in_front_of(head: Token) -> list[Token]:
    """"in front of the US Embassy", "outside the parliament": the building protested at."""
    found = []
    for prep in (c for c in head.children if c.dep_ == "prep"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            if lemma(prep) == "outside" or (lemma(prep) == "in" and lemma(pobj) == "front"):
                found += [pobj] if lemma(prep) == "outside" else [
                    g for c in pobj.children if c.dep_ == "prep" and lemma(c) == "of"
                    for g in c.children if g.dep_ == "pobj"]
    return found


def _noun_roles(noun: Token, result_verbs: frozenset[str],
                light_verbs: frozenset[str] = frozenset()) -> Roles:
    if noun.dep_ in OBJECT and lemma(noun.head) in light_verbs:
        return _light_verb_roles(noun)  # "diplomats held a meeting with Obama"
    clause = _governing_result_verb(noun)
    if clause is not None and lemma(clause) not in result_verbs:
        clause = None
    roles = Roles(clause=clause or noun)
    roles.agent = _noun_agent(noun)
    roles.patients = _prep_objects(noun, TARGET_PREPS, exclude_places=True)
    sides = _prep_objects(noun, frozenset({"between"}), exclude_places=True)
    if not sides and noun.dep_ in SUBJECT:  # "fighting broke out between"; "clashes erupt between"
        sides = _prep_objects(noun.head, frozenset({"between"}), exclude_places=True)
    if sides and roles.agent is None:  # "clashes between the army and the RSF"
        roles.agent = sides[0]
        roles.patients = [*sides[0].conjuncts, *roles.patients]
    if lemma(noun) in PATIENT_OF_NOUNS or noun.text.lower().endswith("ing"):
        roles.patients += _prep_objects(noun, frozenset({"of"}), exclude_places=False)
    if clause is not None:
        verb_roles = _verb_roles(clause)
        roles.patients += [p for p in verb_roles.patients if p.i != noun.i]
        if roles.agent is None and verb_roles.agent is not None and verb_roles.agent.i != noun.i:
            roles.agent = verb_roles.agent if not is_passive(clause) else None
    roles.places = place_tokens(noun, roles.patients)
    if clause is not None:
        roles.places += [p for p in place_tokens(clause, roles.patients) if p not in roles.places]
    return roles


def _light_verb_roles(noun: Token) -> Roles:
    verb = noun.head
    roles = _verb_roles(verb)
    roles.patients = [p for p in roles.patients if p.i != noun.i]
    roles.patients += _prep_objects(noun, TARGET_PREPS | {"with", "between"}, exclude_places=True)
    roles.patients += _prep_objects(verb, frozenset({"with"}), exclude_places=True)
    if lemma(noun) in PATIENT_OF_NOUNS:
        roles.patients += _prep_objects(noun, frozenset({"of"}), exclude_places=False)
    roles.places += [p for p in place_tokens(noun, []) if p not in roles.places]
    return roles


def _governing_result_verb(noun: Token) -> Token | None:
    """"a drone strike killed X" -> killed; "killed in an airstrike" -> killed."""
    if noun.dep_ in SUBJECT and noun.head.pos_ == "VERB":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and lemma(noun.head) in {"in", "by", "during"}:
        verb = noun.head.head
        if verb.pos_ == "VERB":
            return verb
    if noun.dep_ == "agent" or (noun.dep_ == "pobj" and noun.head.dep_ == "agent"):
        return noun.head.head if noun.head.dep_ == "agent" else None
    return None


def _noun_agent(noun: Token) -> Token | None:
    # "an ISIS attack", and through a compound modifier: "a PKK bombing attack"
    modifiers = [*noun.children, *(g for c in noun.children if c.dep_ == "compound"
                                   for g in c.children)]
    for child in modifiers:
        named = child.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"} and child.text[:1].isupper()
        if child.dep_ == "poss" or (child.dep_ in {"compound", "amod", "nmod"} and named):
            return child
    by = [g for c in noun.children if c.dep_ == "prep" and lemma(c) == "by" for g in c.children
          if g.dep_ == "pobj"]
    return _first(by)


def _prep_objects(head: Token, preps: frozenset[str], exclude_places: bool) -> list[Token]:
    found = []
    for child in head.children:
        if child.dep_ != "prep" or lemma(child) not in preps:
            continue
        for pobj in child.children:
            if pobj.dep_ == "pobj" and not (exclude_places and pobj.ent_type_ in PLACE_ENTS):
                found.append(pobj)
    return found


def _along_with(verb: Token) -> list[Token]:
    """"was killed along with X" / "together with X": X shares the patient role."""
    preps = [c for c in verb.children if c.dep_ == "prep" and lemma(c) == "with"]
    has_along = any(lemma(c) in {"along", "together"} for c in verb.children)
    found = [g for p in preps for g in p.children if g.dep_ == "pobj"] if has_along else []
    found += [c for c in verb.children if c.dep_ == "npadvmod" and c.ent_type_ == "PERSON"]
    return found


def _resolve_relative(agent: Token | None, verb: Token) -> Token | None:
    if agent is not None and lemma(agent) in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return agent


def _speaker(agent: Token | None, verb: Token) -> Token | None:
    """"Rebels said they had captured the town": "they" is whoever said so."""
    if agent is None or agent.pos_ != "PRON" or lemma(agent) not in SPEAKER_PRONOUNS:
        return agent
    current = verb
    while current.dep_ in {"ccomp", "conj"} and current.head.i != current.i:
        current = current.head
        subjects = [c for c in current.children if c.dep_ in SUBJECT and c.pos_ != "PRON"]
        if subjects:
            return subjects[0]
    return agent


def _inherited_agent(head: Token) -> Token | None:
    for _ in range(3):
        if head.pos_ not in {"VERB", "AUX"}:
            return None
        subjects = [c for c in head.children if c.dep_ in SUBJECT]
        if subjects:
            return _resolve_relative(subjects[0], head)
        if is_passive(head):
            by = [g for c in head.children if c.dep_ == "agent" for g in c.children]
            return _first(by)
        if head.dep_ not in {"xcomp", "advcl", "conj", "pcomp"}:
            return None
        head = head.head
    return None


def place_tokens(head: Token, patients: list[Token]) -> list[tuple[Token, bool]]:
    """Place phrases attached to ``head`` or to its patients, nearest first."""
    found: list[tuple[Token, bool]] = []
    for anchor in [head, *patients]:
        for child in anchor.children:
            if child.dep_ == "prep" and lemma(child) in PLACE_PREPS | {"of"}:
                near = lemma(child) in NEAR_PREPS
                found += [(g, near) for g in child.children if g.dep_ == "pobj" and _placeish(g)]
                found += _nested_places(child, near)
            elif (anchor.i == head.i and child.dep_ in {"npadvmod", "compound", "poss"}
                  and child.ent_type_ in {"GPE", "FAC", "LOC"} and child.ent_type_ != "NORP"):
                found.append((child, False))
    return _unique(found)


def _nested_places(prep: Token, near: bool) -> list[tuple[Token, bool]]:
    """"near Iraq's Kirkuk City", "in front of the embassy", "positions in Iraq": one level down."""
    nested = []
    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
        for inner in pobj.children:
            if inner.dep_ == "prep" and lemma(inner) in PLACE_PREPS | {"of"}:
                inner_near = near or lemma(inner) in NEAR_PREPS or lemma(pobj) == "front"
                nested += [(g, inner_near) for g in inner.children if g.dep_ == "pobj" and _placeish(g)]
    return nested


def _placeish(token: Token) -> bool:
    if token.ent_type_ in PLACE_ENTS:
        return True
    if any(c.dep_ in {"compound", "amod", "poss"} and c.ent_type_ in PLACE_ENTS for c in token.children):
        return token.pos_ in {"NOUN", "PROPN"}  # "Kaduna state", "Idlib province"
    # NER often tags a small town as NORP or nothing; the gazetteer has the last word
    return token.pos_ == "PROPN" and token.ent_type_ not in {"DATE", "TIME"}


def phrase(token: Token) -> Span:
    """The noun phrase a role token heads, without relative clauses, appositions or long preps."""
    keep = {"det", "amod", "compound", "nummod", "poss", "case", "nmod", "quantmod", "punct"}
    left = token
    for child in token.lefts:
        if child.dep_ in keep:
            left = min(left, child.left_edge, key=lambda t: t.i)
            break
    right = token
    for child in token.rights:
        if child.dep_ in {"compound", "nummod"} or (child.dep_ == "prep" and lemma(child) == "of"
                                                   and token.ent_type_ == ""):
            right = max(right, child.right_edge, key=lambda t: t.i)
        else:
            break
    span = token.doc[left.i : right.i + 1]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def _first(tokens: list[Token]) -> Token | None:
    return tokens[0] if tokens else None


def _unique(items: list[tuple[Token, bool]]) -> list[tuple[Token, bool]]:
    seen: set[int] = set()
    out = []
    for token, near in items:
        if token.i not in seen:
            seen.add(token.i)
            out.append((token, near))
    return out
