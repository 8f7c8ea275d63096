"""Reading the killed and injured of one parsed sentence from its dependency parse.

Anchors are death words (kill, die, dead, death toll, lives, bodies ...) and injury words
(wound, injure, hurt ...); each anchor points at victim noun phrases (objects, passive
subjects, subjects of "die", "X dead"), whose coordinated parts are counted and summed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Count
from ._countwords import Part, combine, count_words
from ._numbers import NumberLexicon, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_RELATIVE = {"who", "that", "which", "whom"}
_CAUSE_PREPS = {"for", "over", "after", "following", "against", "since", "about", "despite"}
_REACTION_VERBS = {"condemn", "protest", "investigate", "mourn", "denounce", "probe", "avenge",
                   "commemorate", "mark", "blame", "deny", "demand", "criticise", "criticize"}
_ELLIPTIC = {"nsubj", "amod", "nummod"}  # "and another injured", "and several wounded"
_SPAN_SKIP = {"conj", "cc", "relcl", "acl", "advcl", "punct", "prep"}
_TOLL_PREPS = {"to", "at", "of"}


@dataclass(frozen=True)
class Casualties:
    """Killed and injured counts of one sentence, with char offsets into the Doc's text."""

    fatalities: Count | None = None
    fatalities_start: int | None = None
    fatalities_end: int | None = None
    injured: Count | None = None
    injured_start: int | None = None
    injured_end: int | None = None


@dataclass(frozen=True)
class _Candidate:
    tier: int
    count: Count
    start: int
    end: int


def casualties(sent: Span) -> Casualties:
    """The killed and injured a parsed sentence reports (None when it gives no victims)."""
    lex = lexicon()
    dead = _best([c for t in sent if (c := _fatality(t, lex)) is not None])
    hurt = _best([c for t in sent if (c := _injury(t, lex)) is not None])
    return Casualties(
        dead.count if dead else None, dead.start if dead else None, dead.end if dead else None,
        hurt.count if hurt else None, hurt.start if hurt else None, hurt.end if hurt else None)


def _best(candidates: list[_Candidate]) -> _Candidate | None:
    """The candidate of the best tier with the largest number (exact numbers first)."""
    if not candidates:
        return None
    tier = min(c.tier for c in candidates)
    pool = [c for c in candidates if c.tier == tier]
    return max(pool, key=lambda c: (c.count.number is not None, c.count.number or 0, -c.start))


def _fatality(token: Token, lex: NumberLexicon) -> _Candidate | None:
    lemma = token.lemma_.lower()
    if _negated(token):
        return None
    if _to_death(token) or (lex.has("kill_verb", lemma) and token.pos_ in ("VERB", "NOUN")
                            and _kills(token)):
        return _candidate(0, _verb_victims(token, lex), lex, "dead")
    if token.pos_ == "NOUN" and _about_other_event(token):
        return None
    if lex.has("kill_noun", lemma) and token.pos_ == "NOUN":
        return _candidate(0, _noun_victims(token), lex, "dead")
    if lex.has("die_verb", lemma) and token.pos_ == "VERB":
        return _candidate(0, _subjects(token), lex, "dead")
    if lemma == "lose" and any(c.lemma_ == "life" for c in token.children):
        return _candidate(0, _subjects(token), lex, "dead")
    if lemma == "dead" and _shot_before(token):  # "a motorcycle shot dead a cleric", misparsed
        return _candidate(0, [c for c in token.children if c.dep_ == "dobj"], lex, "dead")
    if lex.has("dead_word", token.lower_) or lemma == "dead":
        return _candidate(1, _adjective_victims(token), lex, "dead")
    if lemma == "toll" or (lemma == "number" and any(
            lex.has("toll_of", p.lemma_.lower()) for c in token.children if c.lower_ == "of"
            for p in c.children)):
        return _candidate(2, _toll_numbers(token), lex, "dead")
    if lex.has("death_noun", lemma) and token.pos_ == "NOUN" and _deadly_noun(token):
        return _candidate(1, _noun_victims(token), lex, "dead")
    return None


def _about_other_event(noun: Token) -> bool:
    """ "in retaliation for the killing of X", "protests over the death of X", "condemned the
    killing of X": deaths that caused the sentence's event, not deaths in it."""
    head = noun.head
    if noun.dep_ == "pobj":
        return head.lower_ in _CAUSE_PREPS
    return noun.dep_ == "dobj" and head.lemma_.lower() in _REACTION_VERBS


def _deadly_noun(token: Token) -> bool:
    """ "claimed the lives of", "30 lives"; not "a life of its own"."""
    if token.lemma_.lower() != "life":
        return True
    return token.lower_ == "lives" and token.head.lemma_.lower() in ("claim", "take", "cost",
                                                                    "lose")


def _injury(token: Token, lex: NumberLexicon) -> _Candidate | None:
    lemma = token.lemma_.lower()
    if _negated(token):
        return None
    if lex.has("injury_noun", lemma) and token.head.lemma_ in ("suffer", "sustain", "receive"):
        return _candidate(0, _subjects(token.head), lex, "hurt")
    if (lex.has("injure_word", lemma) or lex.has("injure_word", token.lower_)) and \
            token.pos_ in ("VERB", "ADJ", "NOUN"):
        victims = _verb_victims(token, lex) if token.pos_ == "VERB" else []
        return _candidate(0, victims or _adjective_victims(token), lex, "hurt")
    return None


def _shot_before(token: Token) -> bool:
    """"dead" right after a "shot" the tagger took for a noun, holding the object itself."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (before is not None and before.lower_ == "shot" and before.pos_ != "VERB"
            and any(c.dep_ == "dobj" for c in token.children))


def _kills(token: Token) -> bool:
    """"shoot" and "gun" kill only as "shot dead" / "gunned down"."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.lemma_.lower() == "shoot":  # "shot dead two policemen": "dead" may hang on the object
        return any(c.lower_ == "dead" for c in token.children) or (
            after is not None and after.lower_ == "dead")
    if token.lemma_.lower() == "gun":
        return any(c.lower_ == "down" for c in token.children)
    return True


def _to_death(token: Token) -> bool:
    """ "hacked to death", "beat a man to death", "burned them to death"."""
    return token.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.lemma_ == "death" for p in c.children)
        for c in token.children)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _verb_victims(verb: Token, lex: NumberLexicon) -> list[Token]:
    """Objects, passive subjects, nouns a participle modifies, "along with" partners."""
    if verb.pos_ == "NOUN":
        return _noun_victims(verb)
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and not _subset(c)]
    found = [verb.head if c.lower_ in _RELATIVE and verb.dep_ == "relcl" else c for c in found]
    if found:  # "killed the mayor ... and his son" with "son" attached to the verb
        found += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    if not found and any(c.dep_ == "auxpass" for c in verb.children):
        found = [p for c in verb.lefts if c.dep_ == "prep" and lex.has("quant_prep", c.lower_)
                 for p in c.children if p.dep_ == "pobj" and _numeric(p)]
    if not found and not any(c.dep_ == "auxpass" for c in verb.children):
        found = [s for c in verb.rights if c.dep_ in ("ccomp", "xcomp")
                 for s in c.children if s.dep_ == "nsubj" and s.i > verb.i]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = [verb.head]
    if not found and verb.tag_ == "VBN":
        found = _left_neighbour(verb) or [c for c in verb.lefts if c.dep_ in _ELLIPTIC]
    found = [t for f in found for t in _among(_antecedent(f, verb))]
    return found + _along_with(verb, found)


def _subset(token: Token) -> bool:
    """"killing five civilians, among them a boy" / "including two children": the part named
    after "among them" or "including" is already counted."""
    words = [t.lower_ for t in token.doc[max(token.left_edge.i - 3, 0) : token.left_edge.i]]
    return "including" in words or ("among" in words and any(
        w in {"them", "whom", "those"} for w in words))


def _antecedent(token: Token, verb: Token) -> Token:
    """ "dragged ... gang members from custody and burned them": "them" is the first object."""
    if token.lower_ not in ("them", "they") or verb.dep_ != "conj":
        return token
    first = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")
             and c.pos_ in ("NOUN", "PROPN", "NUM")]
    objects = [c for c in first if c.dep_ != "nsubj"] or first
    return objects[0] if objects else token


def _among(token: Token) -> list[Token]:
    """ "Two children were among those killed": the victims are the subject of "were"."""
    if token.dep_ == "pobj" and token.head.lower_ == "among":
        verb = token.head.head
        return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [token]


def _subjects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    found = [verb.head if c.lower_ in _RELATIVE and verb.dep_ == "relcl" else c for c in found]
    return found + _along_with(verb, found)


def _along_with(verb: Token, found: list[Token]) -> list[Token]:
    """Partners in "X was killed along with Y" / "X, together with Y, died"."""
    partners: list[Token] = []
    for owner in [verb, *found]:
        for prep in owner.children:
            if prep.lower_ == "with" and _after_along(prep):
                partners.extend(c for c in prep.children if c.dep_ == "pobj")
    return partners


def _after_along(prep: Token) -> bool:
    doc = prep.doc
    return prep.i > 0 and doc[prep.i - 1].lower_ in ("along", "together")


def _adjective_victims(token: Token) -> list[Token]:
    """"12 people dead", "12 dead", "left 12 dead", "were found dead", "30 wounded"."""
    if any(c.dep_ == "nummod" for c in token.children):
        return [token]
    if token.dep_ == "pobj" and token.head.lower_ == "among" and token.head.head.pos_ in (
            "AUX", "VERB"):
        return [c for c in token.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return [token.head]
    left = _left_neighbour(token)
    if left:
        return left
    if token.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "advcl"):
        head = token.head
        return [c for c in head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")
                and c.lower_ not in _RELATIVE]
    return []


def _left_neighbour(token: Token) -> list[Token]:
    """A number or counted noun just before the word ("30 wounded", "12 people killed")."""
    if token.i == 0:
        return []
    prev = token.doc[token.i - 1]
    if prev.pos_ == "NUM" or prev.lower_ in ("dozens", "hundreds", "scores", "thousands"):
        return [prev]
    if prev.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in prev.children):
        return [prev]
    return []


def _noun_victims(noun: Token) -> list[Token]:
    """"the deaths of 12 people", "claimed the lives of 30", "30 deaths", "12 bodies"."""
    of = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
          for p in c.children if p.dep_ == "pobj"]
    if of:
        return of
    if noun.lemma_ == "body" and noun.sent is not None and not any(
            t.lemma_ in ("find", "discover", "recover", "retrieve", "pull", "dump")
            for t in noun.sent):
        return []
    return [noun] if any(c.dep_ == "nummod" for c in noun.children) else []


def _toll_numbers(toll: Token) -> list[Token]:
    """"the death toll rose to 45", "reached 45", "stood at 45", "a toll of 45", "is 45"."""
    scopes = [toll, toll.head] if toll.dep_ in ("nsubj", "nsubjpass", "dobj") else [toll]
    for scope in scopes:
        for child in scope.children:
            if child.dep_ == "prep" and child.lower_ in _TOLL_PREPS:
                nums = [p for p in child.children if p.dep_ == "pobj" and _numeric(p)]
                if nums:
                    return nums
            if child.dep_ in ("dobj", "attr") and child is not toll and _numeric(child):
                return [child]
    return []


def _numeric(token: Token) -> bool:
    return token.pos_ == "NUM" or any(c.dep_ == "nummod" for c in token.children)


def _candidate(tier: int, heads: list[Token], lex: NumberLexicon, kind: str) -> _Candidate | None:
    """Count the victims named by ``heads`` (and their conjuncts) into one candidate."""
    parts, spans = [], []
    for head in _with_conjuncts(heads, kind, lex):
        part = count_words(_prehead_words(head, lex), lex, _singular(head))
        if part.status in ("unknown", "plural") and _names_person(head):
            part = Part("number", 1, bare=True)
        parts.append(part)
        spans.append(_part_span(head))
    if not parts or all(p.status in ("unknown", "plural") for p in parts):
        return None
    doc = heads[0].doc
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    text = _doc_text(doc)
    end = _close_paren(text, start, end)
    return _Candidate(tier, combine(parts, text[start:end]), start, end)


def _doc_text(doc: Doc) -> str:
    """``doc.text`` joins every token on each call: build it once per document."""
    cached = doc.user_data.get("sitrep_text")
    if cached is None:
        cached = doc.user_data["sitrep_text"] = doc.text
    return str(cached)


def _names_person(head: Token) -> bool:
    """An organisation phrase whose apposition or possessor is a person ("the Commander of
    Iran's IRGC - Quds Force, Qassem Soleimani" parsed with "Corps" as the head)."""
    stack = [c for c in head.children if c.dep_ in ("appos", "poss")]
    while stack:
        token = stack.pop()
        if token.ent_type_ == "PERSON" or (token.tag_ == "NNP" and token.dep_ == "poss"
                                           and token.ent_type_ == ""):
            return True
        stack.extend(c for c in token.children if c.dep_ in ("appos", "poss", "compound"))
    return False


def _with_conjuncts(heads: list[Token], kind: str, lex: NumberLexicon) -> Iterator[Token]:
    """The heads and their coordinated parts, minus appositions and the other kind's words
    ("12 people dead and 30 wounded": 30 is not dead)."""
    seen: set[int] = set()
    for head in heads:
        for token in _group(head):
            nxt = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
            other = lex.has("injure_word", nxt) if kind == "dead" else (
                lex.has("dead_word", nxt) or nxt == "died")
            if token.i in seen or (token is not head and other):
                continue
            seen.add(token.i)
            yield token


def _group(head: Token) -> list[Token]:
    """A head and its nominal conjuncts; an apposition that opens a list ("a commander, his
    wife and their three children") counts as a list member."""
    group = [head, *head.conjuncts] if _has_cc(head) else [head]
    group = [t for t in group if t.lower_ not in ("more", "less", "fewer")]  # "107 or more"
    for appos in (c for c in head.children if c.dep_ == "appos"):
        if _has_cc(appos) and appos.conjuncts:
            group.extend([appos, *appos.conjuncts])
    if len(group) > 1 and _said_after(group):
        group = [head]  # "wounding 20 others, a local official and a rebel group said"
    return [t for t in group if t.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ")]


def _said_after(group: list[Token]) -> bool:
    """The coordinated phrase is followed by a reporting verb: its later parts are sources."""
    last = max(t.right_edge.i for t in group)
    following = group[0].doc[last + 1 : last + 2]
    return bool(following) and following[0].lemma_.lower() in {"say", "tell", "report", "add",
                                                                 "confirm", "state", "allege"}


def _has_cc(head: Token) -> bool:
    """Whether a coordination has a conjunction; spaCy sometimes reads appositions as conj."""
    return any(c.dep_ == "cc" for t in [head, *head.conjuncts] for c in t.children)


def _prehead_words(head: Token, lex: NumberLexicon) -> list[str]:
    """The words of the phrase up to its head ("at least 12 people", "the prominent Commander");
    through "of" after a quantity noun ("a total of 23 people"); with a qualifying preposition
    the parser took for the head ("over 345 pilgrims")."""
    end = head.i
    if lex.has("of_head", head.lemma_.lower()):
        end = max([p.i for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"] + [head.i])
    first = next((c.i for c in head.lefts), None)  # "shot dead two policemen": "dead" is no count
    lefts = [t for c in head.lefts if c.dep_ not in ("poss", "punct", "cc", "conj")
             and not (c.i == first and c.lower_ == "dead") for t in c.subtree]
    start = min([t.i for t in lefts] + [head.i])
    if head.dep_ == "pobj" and lex.has("quant_prep", head.head.lower_) and head.head.i == start - 1:
        start -= 1
    return [t.text for t in head.doc[start:end + 1] if not t.is_punct or t.text == "-"]


def _singular(head: Token) -> bool | None:
    if head.ent_type_ == "PERSON":
        return True
    if head.tag_ in ("NN", "NNP"):
        return head.lemma_.lower() not in ("dead", "killed", "wounded", "injured")
    if head.tag_ in ("NNS", "NNPS"):
        return False
    return None


def _part_span(head: Token) -> tuple[int, int]:
    """Char offsets of one counted part: its subtree without clauses and coordinated parts."""
    tokens = [head]
    for child in head.children:
        if child.dep_ not in _SPAN_SKIP or (child.dep_ == "prep" and child.lower_ == "of"):
            tokens.extend(child.subtree)
    tokens = sorted(tokens, key=lambda t: t.i)
    tokens = _to_line_end(tokens, tokens.index(head))
    while len(tokens) > 1 and tokens[-1].is_punct and tokens[-1].text != ")":
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _to_line_end(tokens: list[Token], head_at: int) -> list[Token]:
    """Cut a phrase at a line break after its head: a headline ends there."""
    doc = tokens[0].doc
    for i in range(head_at, len(tokens) - 1):
        between = doc[tokens[i].i + 1 : tokens[i + 1].i]
        if "\n" in tokens[i].whitespace_ or any("\n" in t.text_with_ws for t in between):
            return tokens[:i + 1]
    return tokens


def _close_paren(text: str, start: int, end: int) -> int:
    """Extend a span that opens "(" without closing it: "... Forces (ISF" -> "... (ISF)"."""
    piece = text[start:end]
    if piece.count("(") > piece.count(")") and text[end:end + 1] == ")":
        return end + 1
    return end
