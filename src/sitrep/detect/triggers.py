"""Finding event triggers in a parsed ``Doc`` with the trigger lexicon.

A trigger is a verb or noun whose lemma heads a lexicon phrase; the phrase's other words must be the
neighbouring tokens or the head's children ("open fire", "drone strike", "car bomb"), and the row's
conditions must hold in the parse.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import Lexicon, TriggerRow

PERSON_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
# A trigger word inside one of these names is part of a name ("Popular Mobilisation Units").
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC", "NORP", "WORK_OF_ART", "LAW",
                       "EVENT", "PRODUCT"})
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "agent"})
_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A lexicon row matched at ``doc[start:end]``, whose head token is ``doc[head]``."""

    head: int
    start: int
    end: int
    row: TriggerRow
    holds: bool = True  # the row's ``when`` conditions hold (always, when matching strictly)


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def find_triggers(doc: Doc, lexicon: Lexicon, people: frozenset[str],
                  strict: bool = True) -> list[TriggerMatch]:
    """The best-matching lexicon row for every trigger token in ``doc``, in document order.

    ``strict``: a row whose ``when`` conditions fail is not a match. Without it (the learned
    detector decides), such a row still matches, ranked below rows whose conditions hold.
    """
    matches = []
    for token in doc:
        match = _token_match(token, lexicon, people, strict) or _shot_dead(token, lexicon)
        if match is None and _headline_verb(token):
            match = _headline_match(token, lexicon)
        if match is not None:
            matches.append(match)
    return _drop_covered(matches)


def _token_match(token: Token, lexicon: Lexicon, people: frozenset[str],
                 strict: bool = True) -> TriggerMatch | None:
    if _mistagged_root_verb(token):  # "Two roadside bombs detonate in ...", "clashes erupt"
        found = _best_match(token, "VERB", lexicon, people, strict)
        if found is not None:
            return found
    pos = _POS.get(token.pos_)
    if pos is None or token.ent_type_ in NAME_ENTS:
        return None
    if pos == "NOUN" and token.dep_ == "compound":
        return None  # "protest camp", "bomb attack": the head noun is the event, if any
    if _inside_title(token):
        return None
    return _best_match(token, pos, lexicon, people, strict)


def _shot_dead(token: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """"gunmen on a motorcycle shot dead a cleric": the tagger reads "motorcycle shot" as a
    noun and "dead" as the verb; "dead" then holds the clause (subject and object)."""
    word = token.text.lower()
    if word not in {"shot", "gunned"} or token.pos_ == "VERB" or token.i + 1 >= len(token.doc):
        return None
    dead = token.doc[token.i + 1]
    after = dead.text.lower()
    if after not in {"dead", "down"} or not any(c.dep_ in OBJECT_DEPS for c in dead.children):
        return None
    phrase = "shoot " + after if word == "shot" else "gun down"
    rows = [r for r in lexicon.candidates(phrase.split()[0], "VERB")
            if " ".join(r.words) == phrase and not r.conditions]
    return TriggerMatch(dead.i, token.i, dead.i + 1, rows[0]) if rows else None


def _mistagged_root_verb(token: Token) -> bool:
    """A present-tense verb the tagger took for a noun or adjective at the root of a
    summary-style sentence: no determiner, a plural noun before it, the sentence's root."""
    if token.dep_ != "ROOT" or token.pos_ not in {"NOUN", "ADJ"} or token.i == token.sent.start:
        return False
    if any(c.dep_ in {"det", "poss"} for c in token.children):
        return False
    before = token.doc[token.i - 1]
    return before.tag_ in {"NNS", "NNPS"} and before.head.i == token.i


def _inside_title(token: Token) -> bool:
    """The last word of a multi-word proper name the tagger did not label ("the 1979
    Egypt-Israel Peace Treaty", "the Good Friday Agreement"): a name, not an event."""
    if token.pos_ != "PROPN" or not token.text.istitle() or token.i < headline_end(token.doc):
        return False
    names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"
             and c.text[:1].isupper()]
    return len(names) >= 2 or any(c.ent_type_ in NAME_ENTS for c in names)


def _headline_verb(token: Token) -> bool:
    """A Title Case headline word the tagger took for a name ("Gunmen Kill Five in Zamfara")."""
    if token.pos_ != "PROPN" or not token.text.istitle() or token.i == 0:
        return False
    return token.i < headline_end(token.doc)


def headline_end(doc: Doc) -> int:
    """End of the headline: the first sentence when it has no final punctuation, else 0."""
    end = doc.user_data.get("sitrep_headline_end")
    if end is None:
        first = next(doc.sents)
        unpunctuated = first.text.strip()[-1:] not in {".", "!", "?", '"'}
        end = doc.user_data["sitrep_headline_end"] = first.end if unpunctuated else 0
    return int(end)


def _headline_match(token: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """Try the verb rows under the word's likely lemmas: Kills/Killed/Killing -> kill."""
    word = token.text.lower()
    for guess in dict.fromkeys([word, word[:-1], word[:-2], word[:-3], word[:-2] + "e",
                                word[:-3] + "e"]):
        for row in lexicon.candidates(guess, "VERB"):
            if len(row.words) == 1 and not row.conditions:
                return TriggerMatch(token.i, token.i, token.i + 1, row, True)
    return None


def _best_match(token: Token, pos: str, lexicon: Lexicon, people: frozenset[str],
                strict: bool = True) -> TriggerMatch | None:
    best: tuple[tuple[int, int, int, int], TriggerMatch] | None = None
    for row in lexicon.candidates(lemma(token), pos):
        extent = _extent(token, row)
        if extent is None:
            continue
        holds = conditions_hold(token, row, people)
        if strict and not holds:
            continue
        candidate = TriggerMatch(token.i, extent[0], extent[1], row, holds)
        rank = (int(holds), *_rank(candidate))
        if best is None or rank > best[0]:
            best = (rank, candidate)
    return best[1] if best else None


def _rank(match: TriggerMatch) -> tuple[int, int, int]:
    return (len(match.row.words), len(match.row.conditions), len(match.row.cameo))


def _extent(token: Token, row: TriggerRow) -> tuple[int, int] | None:
    """Token span covered by ``row`` around ``token``, or None when its other words are absent."""
    others = row.others
    if not others:
        return token.i, token.i + 1
    doc = token.doc
    if row.pos == "VERB":
        window = doc[token.i + 1 : token.i + 1 + len(others)]
        if [lemma(t) for t in window] == list(others):
            return token.i, token.i + 1 + len(others)
    else:
        start = token.i - len(others)
        if start >= 0 and [lemma(t) for t in doc[start : token.i]] == list(others):
            return start, token.i + 1
    child_lemmas = {lemma(c) for c in token.children} | {lemma(g) for c in token.children
                                                         for g in c.children if c.dep_ == "prep"}
    if set(others) <= child_lemmas:
        return token.i, token.i + 1
    return None


def conditions_hold(token: Token, row: TriggerRow, people: frozenset[str]) -> bool:
    """Whether every ``when`` condition of ``row`` holds for ``token``."""
    return all(_holds(token, key, values, people) for key, values in row.conditions)


def _holds(token: Token, key: str, values: frozenset[str], people: frozenset[str]) -> bool:
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    if key == "obj":
        if "none" in values:
            return not objects
        if "person" in values:
            return any(is_person_like(o, people) for o in objects)
        return bool(objects)
    if key == "not_obj":
        return not any(lemma(o) in values for o in objects)
    if key == "prep":
        return any(c.dep_ in {"prep", "agent", "prt"} and lemma(c) in values for c in token.children)
    if key == "subj":
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        return any(is_person_like(s, people) for s in subjects)
    sentence = sentence_lemmas(token)
    if key == "ctx":
        return bool(sentence & values)
    if key == "not_ctx":
        return not sentence & values
    return False


def sentence_lemmas(token: Token) -> frozenset[str]:
    """Lemmas of the token's sentence, computed once per sentence and kept on the Doc."""
    cache = token.doc.user_data.setdefault("sitrep_sentence_lemmas", {})
    sent = token.sent
    if sent.start not in cache:
        cache[sent.start] = frozenset(lemma(t) for t in sent)
    lemmas: frozenset[str] = cache[sent.start]
    return lemmas


def is_person_like(token: Token, people: frozenset[str]) -> bool:
    """A person, group, organisation or country (as an actor), by entity label or noun lemma."""
    if token.ent_type_ in PERSON_ENTS or lemma(token) in people:
        return True
    if token.pos_ == "PRON" and lemma(token) not in {"it", "this", "that", "which"}:
        return True
    return any(c.dep_ == "prep" and lemma(c) == "of" and any(
        is_person_like(g, people) for g in c.children) for c in token.children
        if lemma(token) in {"member", "hundred", "thousand", "dozen", "score", "group"})


def _drop_covered(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Drop a match whose head lies inside a longer match's span ("car" in "car bomb")."""
    kept = []
    for match in matches:
        covered = any(o is not match and o.start <= match.head < o.end and
                      (o.end - o.start) > (match.end - match.start) for o in matches)
        if not covered:
            kept.append(match)
    return kept
