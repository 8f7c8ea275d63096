"""Text normalisation with an offset map back to the original text.

spaCy parses the *normalised* text (straight quotes and apostrophes, ASCII dashes, single spaces), and
every span sitrep reports is mapped back to the *original* text with ``NormalisedText.to_original``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .errors import E, SitrepError

# One character in, one character out: offsets are unchanged by these.
_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u02bb": "'", "\u0060": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
        "\u2003": " ", "\u3000": " ", "\t": " ", "\u2028": "\n", "\u2029": "\n", "\r": "\n",
        "\u2026": ".",
    }
)
# Removed entirely (zero-width characters, soft hyphen, BOM).
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SPACES = re.compile(r" {2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """``text`` is what spaCy parses; ``offsets[i]`` is the original index of ``text[i]``."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalised text to the original text."""
        if start >= end:
            pos = self._orig(start)
            return pos, pos
        return self._orig(start), self._orig(end - 1) + 1

    def original_span(self, start: int, end: int) -> tuple[str, int, int]:
        """``(original text, start, end)`` of a normalised span."""
        o_start, o_end = self.to_original(start, end)
        return self.original[o_start:o_end], o_start, o_end

    def _orig(self, index: int) -> int:
        if index < len(self.offsets):
            return self.offsets[index]
        return len(self.original)


def normalise(original: str) -> NormalisedText:
    """Normalise quotes, dashes and whitespace, keeping a per-character map to ``original``."""
    mapped = _CONTROL.sub(" ", original.translate(_CHAR_MAP))
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(mapped):
        if original[index] in _DROP:
            continue
        if not chars and char.isspace():
            continue  # leading blank lines and spaces change nothing
        if char == " " and chars and chars[-1] in " \n":
            continue  # collapse runs of spaces (and spaces after a newline)
        chars.append(char)
        offsets.append(index)
    return NormalisedText(original, "".join(chars), tuple(offsets))


def doc_id(text: str) -> str:
    """A document's identity: the SHA-256 of its original text (hex, first 16 bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def check_text(text: object, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Validate API input: a str not longer than ``max_chars``; raises a catalogue error."""
    if not isinstance(text, str):
        raise SitrepError(E.E002, type=type(text).__name__)
    if len(text) > max_chars:
        raise SitrepError(E.E004, size=len(text), limit=max_chars)
    return text


def looks_like_english(text: str) -> bool:
    """Cheap guard: mostly ASCII letters, and more English function words than those of the
    other major Latin-script languages of the news (short headlines carry few of either)."""
    sample = text[:4000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 20:
        return bool(letters)
    ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in sample)
    if ascii_letters / letters < 0.6:
        return False
    words = re.findall(r"[a-z]+", sample.lower())
    english = sum(w in _FUNCTION_WORDS for w in words)
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    if english <= foreign:
        return False
    return english / max(len(words), 1) > (0.08 if len(words) > 60 else 0.02)


_FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "but", "was", "were", "is", "are",
    "by", "for", "with", "from", "that", "this", "as", "it", "he", "she", "they", "his", "her",
    "their", "had", "has", "have", "been", "be", "not", "said", "after", "into", "while", "its",
    "who", "over", "near", "during", "against", "says", "will", "than", "which",
})
# frequent function words of French, Spanish, Portuguese, Italian, German and Dutch that are not
# English words
_FOREIGN_WORDS = frozenset({
    "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "sur", "qui", "avec",
    "el", "los", "las", "y", "que", "del", "por", "una", "con", "para", "es", "su",
    "os", "da", "em", "um", "com", "uma", "nao",
    "il", "di", "che", "della", "per", "sono", "gli",
    "der", "die", "das", "und", "ist", "mit", "nicht", "den", "ein", "eine", "von", "zu",
    "het", "een", "van", "niet", "op",
})
