"""Which language a text is in, so that non-English input is reported instead of silently
giving no events (sitrep codes English news only).

Identification is py3langid's (a maintained fork of langid.py, Lui & Baldwin 2012); language
names come from ``data/languages.tsv``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ._data import read_text

MIN_LETTERS = 40  # shorter texts (headlines, fragments) are not judged
MIN_CONFIDENCE = 0.9


class NonEnglishWarning(UserWarning):
    """A text given to the coder is not English, so no events were read from it."""


def warn_if_not_english(text: str) -> None:
    """Issue a ``NonEnglishWarning`` naming the language when ``text`` is not English."""
    language = non_english(text)
    if language is not None:
        warnings.warn(f"the text looks like {language}, not English; sitrep codes English news "
                      "only, so no events were read from it. Translate it to English first.",
                      NonEnglishWarning, stacklevel=3)


@dataclass(frozen=True, slots=True)
class Language:
    """An identified language: ISO 639 ``code``, English ``name``, ``confidence`` 0-1."""

    code: str
    name: str
    confidence: float

    def __str__(self) -> str:
        return f"{self.name} ({self.code})" if self.name != self.code else self.code


def detect_language(text: str) -> Language | None:
    """The language of ``text`` (its first 4,000 characters); None when too short to tell."""
    sample = text[:4000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    return Language(str(code), _names().get(str(code), str(code)), float(confidence))


def non_english(text: str) -> Language | None:
    """The language of ``text`` when it is confidently not English, else None."""
    found = detect_language(text)
    if found is None or found.code == "en" or found.confidence < MIN_CONFIDENCE:
        return None
    return found


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    rows = [line.split("\t") for line in read_text("languages.tsv").splitlines()
            if line.strip() and not line.startswith("#")]
    return {row[0]: row[1] for row in rows if len(row) == 2}
