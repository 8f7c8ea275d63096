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

DEFAULT_MAX_CHARS = 200_000
# Longer normalised texts are parsed in segments of at most SEGMENT_CHARS characters cut at a
# line break or sentence end, and runs of RUN_CHARS without either are cut at a space, so that
# cost grows linearly with a document's length (see ``segments``).
SEGMENT_CHARS = 12_000
RUN_CHARS = 1_000
_BREAK = re.compile(r"\n|[.!?][\"')\]]* ")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """``text`` is what spaCy parses; ``offsets[i]`` is the original index of ``text[i]``
    (``tail``, the original index just after ``text``, is the end of the original unless
    ``text`` is one of the ``segments`` of a longer text)."""

    original: str
    text: str
    offsets: tuple[int, ...]
    tail: int | None = None

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
        return len(self.original) if self.tail is None else self.tail


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
    check_unicode(text)
    return text


def check_unicode(text: str) -> str:
    """``text`` unless it holds a lone surrogate (not encodable as UTF-8): E012 names it."""
    if (found := _SURROGATE.search(text)) is not None:
        raise SitrepError(E.E012, char=f"U+{ord(found.group()):04X}", index=found.start())
    return text


def scrub(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD (same length, so offsets hold)."""
    return _SURROGATE.sub("\ufffd", text)


def segments(norm: NormalisedText, size: int = SEGMENT_CHARS, run: int = RUN_CHARS
             ) -> tuple[NormalisedText, ...]:
    """``norm`` cut into pieces that each map to the original text, parsed one by one.

    A piece ends at a line break or sentence end and holds at most ``size`` characters; a run of
    more than ``run`` characters without either is cut at a space (a sentence that long is not
    prose). A piece keeps the whole original and its own slice of the offset map, so spans found
    in it map to the original as spans of the whole would. An ordinary article is one piece.
    """
    pieces: list[NormalisedText] = []
    start, text = 0, norm.text
    while True:
        end = _piece_end(text, start, size, run)
        if end >= len(text):
            pieces.append(NormalisedText(norm.original, text[start:], norm.offsets[start:],
                                         norm.tail))
            return tuple(pieces)
        pieces.append(NormalisedText(norm.original, text[start:end], norm.offsets[start:end],
                                     norm.offsets[end]))
        start = end


def _piece_end(text: str, start: int, size: int, run: int) -> int:
    pos, window = start, min(len(text), start + size + 3)  # no search beyond one piece
    while True:
        found = _BREAK.search(text, pos, window)
        after = found.end() if found else (len(text) if window == len(text) else window + 1)
        if after - pos > run or after - start > size:
            return pos if pos > start else _space_cut(text, start, start + min(run, size))
        if after >= len(text):
            return len(text)
        pos = after


def _space_cut(text: str, start: int, limit: int) -> int:
    """After the last space of ``text[start:limit]``'s second half, else at ``limit``."""
    found = text.rfind(" ", start + (limit - start) // 2, limit)
    return found + 1 if found != -1 else limit


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
