"""Normalising names into index keys shared by the knowledge base and the gazetteer.

``key("Kata’ib Hezbollah") == key("Kataib Hezbollah") == "kataib hezbollah"``: case folded,
accents stripped, apostrophes removed, hyphens and punctuation turned into spaces.
``skeleton`` also drops Arabic articles and "the", so "al-Muhandis" and "Muhandis" meet.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’‘`´ʿʾʼ′"
_POSSESSIVE = re.compile(r"[" + _APOSTROPHES + r"]s?$")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_ARTICLES = frozenset({"al", "el", "the", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh"})
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)[-‐ ](?=\w)", re.IGNORECASE)
APOSTROPHE_CHARS = _APOSTROPHES
_DROP_APOSTROPHES = str.maketrans("", "", _APOSTROPHES)


def fold(text: str) -> str:
    """Lower-case ASCII approximation: accents stripped, apostrophes dropped."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return text.translate(_DROP_APOSTROPHES).casefold()


def key(text: str) -> str:
    """The exact-match index key of a name: folded, punctuation to spaces, leading "the" gone."""
    words = _NON_WORD.sub(" ", fold(text.replace(".", ""))).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def skeleton(text: str) -> str:
    """A looser key: ``key`` without Arabic articles ("al", "el", "ash", ...) and "the"."""
    words = [w for w in key(_split_articles(text)).split() if w not in _ARTICLES]
    return " ".join(words)


def _split_articles(text: str) -> str:
    return " ".join(_ARTICLE_PREFIX.sub("", w) for w in text.split())


def strip_possessive(word: str) -> str:
    """``"Iran’s"`` -> ``"Iran"``; ``"Iraq's"`` -> ``"Iraq"``; other words unchanged."""
    return _POSSESSIVE.sub("", word) if len(word) > 2 else word


def is_possessive(word: str) -> bool:
    return len(word) > 2 and word[-1] in "sS" and word[-2] in _APOSTROPHES


def apostrophe_variants(name: str) -> list[str]:
    """The name with straight and curly apostrophes (for entity-ruler phrase patterns)."""
    variants = {name}
    for ch in _APOSTROPHES:
        if ch in name:
            variants.add(name.replace(ch, "'"))
            variants.add(name.replace(ch, "’"))
    return sorted(variants)
