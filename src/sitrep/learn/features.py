"""Features of an event candidate: a trigger token in its sentence, read off the spaCy parse.

The same function serves training (``sitrep.learn.train``) and coding (``detect.classify``), so
the model sees at run time exactly what it saw when it learned. Features are strings; the model
maps the ones it knows to columns and ignores the rest.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

SKIP_POS = frozenset({"PUNCT", "SPACE", "DET"})
MODAL_WORDS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall"})
SPEECH_HEADS = frozenset({"say", "tell", "announce", "claim", "report", "deny", "warn", "accuse",
                          "threaten", "vow", "pledge", "plan", "want", "seek", "try", "attempt",
                          "fail", "refuse", "agree", "decide", "promise", "expect", "urge",
                          "call", "ask", "demand", "order", "intend", "prepare", "aim", "hope"})
CHILD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "agent", "attr", "prt", "neg", "aux",
                        "auxpass", "mark", "advmod", "compound", "amod", "poss", "npadvmod"})
WINDOW = 3


def word(token: Token) -> str:
    """A token's feature form: its lower-case lemma, numbers as <num>, entities' type kept apart."""
    if token.like_num:
        return "<num>"
    return token.lemma_.lower()


def lexicon_features(cameo: str | None, mode: str | None = None, conditioned: bool = False,
                     holds: bool = True) -> list[str]:
    """What the trigger lexicon says of the candidate: its CAMEO code and root, mode, and whether
    the row's sense conditions hold (``cameo`` None: the lexicon has no row for it)."""
    if cameo is None:
        return ["lex:none"]
    feats = [f"lex:{cameo[:2]}", f"lexc:{cameo}"]
    if mode:
        feats.append(f"lexm:{mode}")
    if conditioned:
        feats.append("lexcond:holds" if holds else "lexcond:fails")
    return feats


def candidate_features(head: Token, start: int, end: int, sent: Span,
                       lexical: list[str] | None = None) -> list[str]:
    """The features of the candidate whose trigger is ``doc[start:end]`` headed by ``head``;
    ``lexical`` are its ``lexicon_features``."""
    feats = ["bias", *(lexical or ["lex:none"])]
    feats += _sentence_bag(sent)
    feats += _trigger(head, start, end, sent)
    feats += _syntax(head)
    return feats


def _sentence_bag(sent: Span) -> list[str]:
    words = [word(t) for t in sent if t.pos_ not in SKIP_POS]
    feats = [f"s:{w}" for w in words]
    feats += [f"s2:{a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    feats += [f"ent:{e.label_}" for e in sent.ents]
    if sent.text.rstrip()[-1:] not in {".", "!", "?", '"'}:
        feats.append("headline")
    return feats


def _trigger(head: Token, start: int, end: int, sent: Span) -> list[str]:
    doc = head.doc
    lemma = word(head)
    phrase = "_".join(word(t) for t in doc[start:end])
    feats = [f"t:{lemma}", f"tp:{lemma}|{head.pos_}", f"tphrase:{phrase}", f"tdep:{head.dep_}"]
    for offset in range(1, WINDOW + 1):
        before, after = start - offset, end - 1 + offset
        if before >= sent.start:
            feats.append(f"w-{offset}:{word(doc[before])}")
            feats.append(f"wl:{word(doc[before])}")
        if after < sent.end:
            feats.append(f"w+{offset}:{word(doc[after])}")
            feats.append(f"wr:{word(doc[after])}")
    if head.ent_type_:
        feats.append(f"tent:{head.ent_type_}")
    return feats


def _syntax(head: Token) -> list[str]:
    lemma = word(head)
    feats = [f"hd:{word(head.head)}", f"hd_dep:{head.dep_}|{word(head.head)}"]
    for child in head.children:
        dep = child.dep_
        if dep in CHILD_DEPS:
            feats.append(f"c:{dep}:{word(child)}")
            if child.ent_type_:
                feats.append(f"ce:{dep}:{child.ent_type_}")
        elif dep == "prep":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    feats.append(f"pp:{word(child)}:{word(grand)}")
                    feats.append(f"tpp:{lemma}:{word(child)}")
                    if grand.ent_type_:
                        feats.append(f"ppe:{word(child)}:{grand.ent_type_}")
        if word(child) in MODAL_WORDS:
            feats.append(f"modal:{word(child)}")
        if dep == "neg":
            feats.append("negated")
    for ancestor in list(head.ancestors)[:3]:
        if word(ancestor) in SPEECH_HEADS:
            feats.append(f"under:{word(ancestor)}")
        if any(word(c) in MODAL_WORDS for c in ancestor.children if c.dep_ == "aux"):
            feats.append("modal_above")
        if any(c.dep_ == "mark" and word(c) in {"if", "unless"} for c in ancestor.children):
            feats.append("conditional")
    if any(c.dep_ == "mark" and word(c) in {"if", "unless"} for c in head.children):
        feats.append("conditional")
    return feats
