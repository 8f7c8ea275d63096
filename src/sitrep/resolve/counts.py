"""Counting people in noun phrases: "a US contractor and two members of the ISF" -> 3.

``parse_count`` reads a plain noun phrase; ``casualties`` (in ``_casualties``) reads the
killed and injured of one parsed spaCy sentence. Both share the number lexicon of
``sitrep/data/numbers.tsv``.
"""

from __future__ import annotations

import re

from ..errors import E, SitrepError
from ..records import Count
from ._casualties import Casualties, casualties
from ._countwords import Part, combine, count_words
from ._numbers import NumberLexicon, lexicon, words_of

__all__ = ["Casualties", "casualties", "parse_count"]

_SPLITTERS = ("as well as", "along with", "together with", "in addition to", "and", "plus", "&")
_LIST_ENDS = ("and", "&", "plus", "as well as")
_CUTS = ("including", "among", "who", "whom", "which", "that", "mostly", "mainly", "when",
         "after", "during", "while", "in", "at", "on", "near")
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def parse_count(text: str) -> Count | None:
    """The number of people a noun phrase names, or None when it names no countable people.

    Sums coordinated parts ("three soldiers and a policeman" = 4); vague amounts ("dozens of
    civilians") give ``Count(number=None, approximate=True)``; "no one" gives 0; a named
    person or a singular noun gives 1. A bare name after a comma is an apposition and is not
    counted again ("the commander, Qassem Soleimani" = 1).
    """
    if not isinstance(text, str):
        raise SitrepError(E.E201, value=text, type=type(text).__name__)
    if not text.strip():
        return None
    lex = lexicon()
    words = _cut(words_of(_PARENS.sub(" ", text), lower=False))
    parts = _count_parts(_split_parts(words, lex), lex)
    if not parts or all(p.status in ("unknown", "plural") for p in parts):
        return None
    return combine(parts, text.strip())


def _cut(words: list[str]) -> list[str]:
    """Drop what follows "including", "who", "in" ...: it describes, it does not count."""
    for i, word in enumerate(words):
        if i > 0 and word.lower() in _CUTS:
            return words[:i]
    return words


def _split_parts(words: list[str], lex: NumberLexicon) -> list[tuple[list[str], str]]:
    """Top-level coordinated parts, each with what introduced it ("", ",", "and", ...)."""
    parts: list[tuple[list[str], str]] = [([], "")]
    lower = [w.lower() for w in words]
    i = 0
    while i < len(words):
        splitter = next((s for s in _SPLITTERS if lower[i:i + len(s.split())] == s.split()), None)
        if splitter and not _inside_number(lower, i, lex):
            parts.append(([], splitter))
            i += len(splitter.split())
            continue
        if lower[i] in (",", ";", ":", "–", "—") and parts[-1][0]:
            parts.append(([], ","))
        elif lower[i] not in (",", ";", ":", "–", "—", "(", ")", "[", "]"):
            parts[-1][0].append(words[i])
        i += 1
    return [p for p in parts if p[0]]


def _inside_number(lower: list[str], i: int, lex: NumberLexicon) -> bool:
    if lower[i] != "and" or i == 0 or i + 1 >= len(lower):
        return False
    return lex.has("scale", lower[i - 1]) and (lex.has("unit", lower[i + 1])
                                                or lex.has("tens", lower[i + 1]))


def _count_parts(raw: list[tuple[list[str], str]], lex: NumberLexicon) -> list[Part]:
    """Counts of the parts, skipping appositions and names continuing an "of" phrase."""
    parts: list[Part] = []
    intro = [i for _, i in raw]
    is_list = "," in intro and any(i in _LIST_ENDS for i in intro[intro.index(","):])
    for index, (words, introducer) in enumerate(raw):
        after_comma = introducer == ","
        part = count_words(words, lex)
        previous = raw[index - 1][0] if index else []
        if parts and part.bare and after_comma and parts[-1].number == 1 and not is_list:
            continue  # "the commander, Qassem Soleimani": an apposition
        if parts and part.status in ("unknown", "plural") and ("of" in [w.lower() for w in previous]
                                                   or after_comma):
            continue  # "members of the army and police": coordination inside "of ..."
        parts.append(part)
    return parts


