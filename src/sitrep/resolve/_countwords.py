"""Counting the people of one coordinated part of a noun phrase ("two members of the ISF").

Shared by ``counts.parse_count`` (plain text) and ``_casualties`` (spaCy tokens).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Count
from ._numbers import NumberLexicon, Quantity, read_quantity

_DETERMINERS = {"the", "his", "her", "its", "their", "our", "these", "those", "this", "that",
                "other", "all", "further", "additional"}


@dataclass(frozen=True)
class Part:
    """The count of one coordinated part: ``status`` is "number", "vague", "unknown" or
    "plural" (a bare plural noun without determiner: "militiamen").

    ``bare`` is true when the number was guessed from a bare noun ("the commander" = 1).
    """

    status: str
    number: int | None = None
    approximate: bool = False
    qualifier: str | None = None
    bare: bool = False


def combine(parts: list[Part], text: str) -> Count:
    """One ``Count`` from the counts of coordinated parts (None if any part is not a number)."""
    qualifier = next((p.qualifier for p in parts if p.qualifier), None)
    approximate = any(p.approximate for p in parts)
    if len(parts) > 1 and (parts[0].number or 0) > 1:  # "nine soldiers and militiamen" = 9
        parts = [parts[0], *(p for p in parts[1:] if p.status != "plural")]
    if any(p.status != "number" for p in parts):
        return Count(None, text, True, qualifier)
    return Count(sum(p.number or 0 for p in parts), text, approximate, qualifier)


def count_words(words: list[str], lex: NumberLexicon, singular: bool | None = None) -> Part:
    """The count of one part ("two members of the ISF", "a US contractor", "dozens").

    Only a number at the start (after determiners and qualifiers) counts, so "two members of
    a militia" is 2. ``singular`` (from a tagger) overrides the guess of whether a bare noun
    phrase names one person.
    """
    lower = [w.lower() for w in words]
    if lower in (["them"], ["they"]):
        return Part("unknown")
    of_number = _of_number(lower, lex)
    if of_number is not None:
        return of_number
    for i in range(len(lower)):
        if i > 0 and lower[i - 1] not in _DETERMINERS:
            break
        quantity = read_quantity(lower, i, lex)
        if quantity is not None and lower[quantity.end:quantity.end + 1] == ["-"]:
            break  # "a nine-month-old child", "a three-storey building": not a count
        if quantity is not None:
            return _part_of(quantity)
    if lower[:1] in (["a"], ["an"]) and "of" not in lower[1:2]:
        return Part("number", 1)
    head = words[:lower.index("of")] if "of" in lower else words
    return _bare_part(head, lex, singular)


def _of_number(lower: list[str], lex: NumberLexicon) -> Part | None:
    """ "a family of six", "a group of 20 soldiers": the number after "of"."""
    if "of" not in lower or lower.index("of") == 0:
        return None
    at = lower.index("of")
    if not lex.has("group_noun", lower[at - 1]):
        return None
    quantity = read_quantity(lower, at + 1, lex)
    return _part_of(quantity) if quantity is not None else None


def _part_of(quantity: Quantity) -> Part:
    status = "number" if quantity.number is not None else "vague"
    return Part(status, quantity.number, quantity.approximate, quantity.qualifier)


def _bare_part(words: list[str], lex: NumberLexicon, singular: bool | None) -> Part:
    """No number word: one person if the phrase is singular or a person's name, else unknown."""
    content = [w for w in words if w[:1].isalpha() and w.lower() not in _DETERMINERS]
    if not content or any(lex.has("collective", w.lower()) for w in content):
        return Part("unknown")
    if singular is None:
        singular = _is_name(content, lex) or not _plural(content[-1])
    if singular:
        return Part("number", 1, bare=True)
    return Part("plural" if words[0].lower() not in _DETERMINERS else "unknown")


def _plural(word: str) -> bool:
    lower = word.lower()
    if lower.endswith(("men", "children", "people", "folk")):  # "militiamen", "gunmen"
        return True
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def _is_name(content: list[str], lex: NumberLexicon) -> bool:
    """Two to five capitalised words (particles allowed): "Abu Mahdi al-Muhandis"."""
    if not 2 <= len(content) <= 5:
        return False
    return all(w[:1].isupper() or lex.has("particle", w.lower()) for w in content)
