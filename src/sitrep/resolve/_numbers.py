"""Reading numbers written in words or digits ("twenty-five", "1,200", "a dozen", "at least 12").

The vocabulary lives in ``sitrep/data/numbers.tsv``; ``NumberLexicon.load()`` reads it once.
Everything here works on lists of lower-case word strings, so both the plain-text reader
(``counts.parse_count``) and the spaCy reader (``counts.casualties``) share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .._data import data_path, read_text
from ..errors import E, SitrepError

_KINDS = ("unit", "tens", "scale", "multiplier", "fraction", "vague", "zero", "qualifier",
          "collective", "particle", "kill_verb", "kill_noun", "die_verb", "dead_word",
          "death_noun", "injure_word", "injury_noun", "quant_prep", "of_head", "group_noun",
          "toll_of")
_WORD_RE = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)?|[^\w\s]", re.UNICODE)
_DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
# Larger counts (more than the world's population, up to 10**308 digits and beyond) are not read
# as numbers: a quantity that large keeps its text with a null number, like a vague one.
MAX_COUNT = 10**10


def words_of(text: str, lower: bool = True) -> list[str]:
    """Word tokens of ``text`` ("twenty-five" -> "twenty", "-", "five"), lower-cased by default."""
    words = _WORD_RE.findall(text)
    return [w.lower() for w in words] if lower else words


@dataclass(frozen=True)
class Quantity:
    """A quantity read at ``words[start:end]``: a number, a vague amount or zero."""

    number: int | None
    start: int
    end: int
    approximate: bool = False
    qualifier: str | None = None


@dataclass(frozen=True)
class NumberLexicon:
    """The number vocabulary of ``numbers.tsv``: ``{kind: {phrase: (value, approximate)}}``."""

    table: dict[str, dict[str, tuple[float | None, bool]]]

    @classmethod
    def load(cls) -> NumberLexicon:
        """The package's ``numbers.tsv``; E009/E010 name the file and line when it is bad."""
        return cls.parse(read_text("numbers.tsv"), str(data_path("numbers.tsv")))

    @classmethod
    def parse(cls, text: str, path: str) -> NumberLexicon:
        table: dict[str, dict[str, tuple[float | None, bool]]] = {k: {} for k in _KINDS}
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4 or cols[0] not in table or cols[3] not in ("yes", "no") \
                    or not _is_number(cols[2]):
                raise SitrepError(E.E010, path=path, line=lineno,
                                  cause=f"expected 4 tab-separated columns kind/phrase/value/"
                                        f"approximate with a known kind, got {line!r}")
            value = float(cols[2]) if cols[2] else None
            table[cols[0]][cols[1]] = (value, cols[3] == "yes")
        return cls(table)

    def has(self, kind: str, phrase: str) -> bool:
        return phrase in self.table[kind]

    def value(self, kind: str, phrase: str) -> float | None:
        return self.table[kind][phrase][0]

    def approximate(self, kind: str, phrase: str) -> bool:
        return self.table[kind][phrase][1]

    def phrase_at(self, kind: str, words: list[str], i: int) -> str | None:
        """The longest phrase of ``kind`` starting at ``words[i]`` (up to 5 words)."""
        for n in range(5, 0, -1):
            phrase = " ".join(words[i:i + n])
            if i + n <= len(words) and phrase in self.table[kind]:
                return phrase
        return None


def _is_number(text: str) -> bool:
    return not text or re.fullmatch(r"\d+(?:\.\d+)?", text) is not None


@lru_cache(maxsize=1)
def lexicon() -> NumberLexicon:
    """The package's number lexicon, loaded on first use."""
    return NumberLexicon.load()


def _digits(word: str) -> float | None:
    match = _DIGITS_RE.fullmatch(word)
    return float(match.group().replace(",", "")) if match else None


def read_number(words: list[str], i: int, lex: NumberLexicon) -> tuple[int, int] | None:
    """An exact number starting at ``words[i]``: ``(value, end)``, or None.

    Handles digits ("1,200", "1.5 million"), words ("two hundred and fifty", "twenty-five"),
    "a dozen", "two dozen", "half a dozen", "a hundred".
    """
    j, total, current, seen = i, 0.0, 0.0, False
    if j < len(words) and words[j] in ("a", "an") and j + 1 < len(words) and (
            lex.has("scale", words[j + 1]) or lex.has("multiplier", words[j + 1])):
        current, j, seen = 1.0, j + 1, True
    elif j + 2 < len(words) and words[j] == "half" and words[j + 1] == "a" and \
            lex.has("multiplier", words[j + 2]):
        current, j, seen = 0.5, j + 2, True
    while j < len(words):
        word = words[j]
        value = _digits(word)
        if value is not None and not seen:
            current, seen = value, True
        elif lex.has("unit", word) or lex.has("tens", word):
            kind = "unit" if lex.has("unit", word) else "tens"
            current += lex.value(kind, word) or 0
            seen = True
        elif seen and lex.has("multiplier", word):
            current *= lex.value("multiplier", word) or 1
        elif seen and lex.has("scale", word):
            scale = lex.value("scale", word) or 1
            if scale == 100:
                current *= scale
            else:
                total, current = total + current * scale, 0.0
        elif seen and word in ("-", "and") and j + 1 < len(words) and _joins(words, j, lex):
            pass
        else:
            break
        j += 1
    if not seen:
        return None
    value = total + current  # float('inf') for 309+ digits
    return (int(round(value)) if value <= MAX_COUNT else MAX_COUNT + 1), j


def _joins(words: list[str], j: int, lex: NumberLexicon) -> bool:
    """Whether "-"/"and" at ``words[j]`` continues a number ("twenty-five", "hundred and ten")."""
    nxt = words[j + 1]
    if words[j] == "-":
        return lex.has("unit", nxt) and lex.has("tens", words[j - 1])
    return lex.has("scale", words[j - 1]) and (lex.has("unit", nxt) or lex.has("tens", nxt))


def read_quantity(words: list[str], i: int, lex: NumberLexicon) -> Quantity | None:
    """A (qualified) quantity starting at ``words[i]``: "at least 12", "dozens", "no one"."""
    qualifier = lex.phrase_at("qualifier", words, i)
    if qualifier is not None:
        after = i + len(qualifier.split())
        found = read_number(words, after, lex)
        if found is not None:
            approx = lex.approximate("qualifier", qualifier)
            return _bounded(Quantity(found[0], i, found[1], approx, qualifier))
    found = read_number(words, i, lex)
    if found is not None:
        approx = any(lex.has("multiplier", w) and lex.approximate("multiplier", w)
                     for w in words[i:found[1]])
        return _bounded(Quantity(found[0], i, found[1], approx))
    return _vague_or_zero(words, i, lex)


def _bounded(quantity: Quantity) -> Quantity:
    """A quantity over ``MAX_COUNT`` becomes vague: its text is kept, its number dropped."""
    if quantity.number is not None and quantity.number > MAX_COUNT:
        return Quantity(None, quantity.start, quantity.end, True, quantity.qualifier)
    return quantity


def _vague_or_zero(words: list[str], i: int, lex: NumberLexicon) -> Quantity | None:
    vague = lex.phrase_at("vague", words, i)
    if vague is not None:
        return Quantity(None, i, i + len(vague.split()), True)
    zero = lex.phrase_at("zero", words, i)
    if zero is not None:
        return Quantity(0, i, i + len(zero.split()))
    return None
