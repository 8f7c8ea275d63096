"""The coder: text -> normalised text -> spaCy ``Doc`` -> mentions -> events.

``Coder.load()`` loads the spaCy pipeline, lexicons, knowledge base, gazetteer and ontology once;
``Coder.code`` codes one text and ``Coder.code_batch`` many, through ``nlp.pipe``. A bad item in a
batch (not text, too long, not valid Unicode, failing) is reported to the error handler and yields
an empty list, so a batch never dies and its output stays aligned with its input.

A text longer than ``SEGMENT_CHARS`` (normalised) is parsed in segments cut at paragraph or
sentence ends (``text.segments``): mentions of one segment merge into events within that segment,
and the document keeps one main event (the first segment's). Cost therefore grows linearly with
length instead of with its square.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from dataclasses import replace as dataclass_replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ._data import read_text
from .assemble import build_events
from .detect.classify import EventClassifier
from .detect.intents import Intents, ModalActs
from .detect.lexicon import Lexicon
from .errors import E, SitrepError
from .ingest.textfile import mask_front_matter, read_document
from .language import warn_if_not_english
from .layout import read_layout
from .mentions import Resources, doc_countries, doc_mentions
from .nlp import build_nlp
from .ontology import Ontology
from .records import Document, Event, replace
from .resolve.actors import ActorKB
from .resolve.dates import parse_published
from .resolve.gazetteer import Gazetteer
from .text import (
    DEFAULT_MAX_CHARS,
    SEGMENT_CHARS,
    NormalisedText,
    check_text,
    check_unicode,
    doc_id,
    looks_like_english,
    normalise,
    segments,
)

PublishedLike = date | datetime | str | None
ErrorHandler = Callable[[int, Any, Exception], None]
LOGGER = logging.getLogger("sitrep")


def log_error(index: int, item: Any, error: Exception) -> None:
    """The default error handler: log the bad item and go on."""
    LOGGER.warning("skipped item %d of the batch: %s", index, error)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One batch item ready for parsing, or the error that keeps it from being parsed."""

    index: int
    item: Any
    document: Document | None = None
    pieces: tuple[NormalisedText, ...] = ()
    error: Exception | None = None


class Coder:
    """Holds the loaded resources and codes documents into events."""

    def __init__(self, nlp: Language, resources: Resources, ontology: Ontology,
                 max_chars: int = DEFAULT_MAX_CHARS) -> None:
        self.nlp = nlp
        self.resources = resources
        self.ontology = ontology
        self.max_chars = max_chars
        self.segment_chars = SEGMENT_CHARS
        self.nlp.max_length = max(self.nlp.max_length, max_chars + 1)

    @classmethod
    def load(cls, model: str | None = None, kb_files: Sequence[str | Path] = (),
             event_model: bool = True) -> Coder:
        """Load the spaCy model, lexicons, knowledge base, gazetteer, ontology and event model.

        ``kb_files`` are the user's own YAML/TSV files: actors go to the knowledge base, places
        (TSV files, YAML ``places:`` sections) to the gazetteer (docs/kb.md). Without
        ``event_model`` the lexicon alone decides what is an event (as training needs).
        """
        kb = ActorKB.load(kb_files)
        gazetteer = Gazetteer.load(kb_files)
        ontology = Ontology.load()
        lexicon = Lexicon.load(known_codes=set(ontology.cameo_codes()))
        resources = Resources(lexicon, kb, gazetteer, _word_list("people_nouns.txt"),
                              _word_list("result_verbs.txt"), _targets(),
                              _word_list("reporting_verbs.txt"), _word_list("accident_cues.txt"),
                              _word_list("light_verbs.txt"),
                              EventClassifier.load() if event_model else None, Intents.load(),
                              _word_list("linking_verbs.txt"), ModalActs.load())
        patterns = kb.entity_ruler_patterns() + gazetteer.entity_ruler_patterns()
        return cls(build_nlp(model, patterns), resources, ontology)

    def code(self, text: str, published: PublishedLike = None) -> list[Event]:
        """Every event one article reports, in document order. A leading front-matter block
        (``---``, ``published:``, ``title:``, ``---``) is read as ``sitrep code`` reads it;
        ``published`` given here wins over the block's."""
        document = make_document(check_text(text, self.max_chars), published)
        return self.code_document(document)

    def code_file(self, path: str | Path, published: PublishedLike = None) -> list[Event]:
        """The events of one article file, read as ``sitrep code`` reads it: text with an
        optional front-matter block, or an HTML page (main text extracted as ``ingest`` does)."""
        document = read_document(path)
        if published is not None:
            document = dataclass_replace(document, published=parse_published(published))
        return self.code_document(document)

    def code_document(self, document: Document) -> list[Event]:
        """The events of a ``Document``; empty and non-English texts give an empty list (for a
        non-English one, with a ``sitrep.language.NonEnglishWarning``)."""
        check_text(document.text, self.max_chars)
        if not _codable(document.text):
            warn_if_not_english(document.text)  # a NonEnglishWarning names the language
            return []
        pieces = self._pieces(document.text)
        return self._events(self.nlp.pipe((p.text for p in pieces), batch_size=4), pieces,
                            document)

    def _pieces(self, text: str) -> tuple[NormalisedText, ...]:
        return segments(normalise(text), self.segment_chars)

    def code_batch(self, items: Iterable[tuple[str, PublishedLike]], n_process: int = 1,
                   batch_size: int = 32, error_handler: ErrorHandler | None = None
                   ) -> Iterator[list[Event]]:
        """One list of events per ``(text, published)`` item, in order, parsed with ``nlp.pipe``."""
        prepared = (self._prepare_item(i, item) for i, item in enumerate(items))
        for _prep, events in self._run(prepared, n_process, batch_size, error_handler):
            yield events

    def code_documents(self, documents: Iterable[Document], n_process: int = 1,
                       batch_size: int = 32, error_handler: ErrorHandler | None = None
                       ) -> Iterator[tuple[Document, list[Event]]]:
        """``(document, events)`` for each document, in order."""
        prepared = (self._prepare_document(i, d) for i, d in enumerate(documents))
        for prep, events in self._run(prepared, n_process, batch_size, error_handler):
            yield prep.item, events

    def _prepare_item(self, index: int, item: Any) -> _Prepared:
        try:
            text, published = item
        except (TypeError, ValueError):
            error = SitrepError(E.E011, index=index, type=type(item).__name__)
            return _Prepared(index, item, error=error)
        try:
            document = make_document(check_text(text, self.max_chars), published)
        except SitrepError as exc:
            return _Prepared(index, item, error=exc)
        return self._prepare_document(index, document, item)

    def _prepare_document(self, index: int, document: Document, item: Any = None) -> _Prepared:
        item = document if item is None else item
        try:
            check_text(document.text, self.max_chars)
            pieces = self._pieces(document.text) if _codable(document.text) else ()
        except SitrepError as exc:
            return _Prepared(index, item, error=exc)
        return _Prepared(index, item, document=document, pieces=pieces)

    def _run(self, prepared: Iterable[_Prepared], n_process: int, batch_size: int,
             error_handler: ErrorHandler | None) -> Iterator[tuple[_Prepared, list[Event]]]:
        handler = error_handler or log_error
        pending: dict[int, _Prepared] = {}  # kept here: only the index travels to workers

        def texts() -> Iterator[tuple[str, int]]:
            for prep in prepared:
                pending[prep.index] = prep
                for piece in prep.pieces or (None,):  # one (empty) text per bad item
                    yield (piece.text if piece else ""), prep.index

        events: list[Event] = []
        failed: Exception | None = None
        done = 0
        for doc, index in self.nlp.pipe(texts(), as_tuples=True, n_process=n_process,
                                        batch_size=batch_size):
            prep = pending[index]  # the pieces of one item come one after another, in order
            if failed is None and prep.error is None and prep.document is not None \
                    and prep.pieces:
                try:  # each piece's events as it comes: its Doc is freed at once
                    events = self._piece_events(doc, prep.pieces[done], prep.document, events,
                                                done == 0)
                except Exception as exc:  # a coding failure must not end the batch
                    failed = exc
            done += 1
            if done >= len(prep.pieces):
                del pending[index]
                yield prep, self._outcome(prep, events, failed, handler)
                events, failed, done = [], None, 0

    @staticmethod
    def _outcome(prep: _Prepared, events: list[Event], failed: Exception | None,
                 handler: ErrorHandler) -> list[Event]:
        error = prep.error or failed
        if error is not None:
            handler(prep.index, prep.item, error)
            return []
        return events

    def _events(self, docs: Iterable[Doc], pieces: Sequence[NormalisedText],
                document: Document) -> list[Event]:
        events: list[Event] = []
        for number, (doc, piece) in enumerate(zip(docs, pieces, strict=True)):
            events = self._piece_events(doc, piece, document, events, number == 0)
        return events

    def _piece_events(self, doc: Doc, piece: NormalisedText, document: Document,
                      before: list[Event], first: bool = True) -> list[Event]:
        """``before`` and the events of one piece (the document keeps its first main event; only
        the first piece has a headline, a dateline and a lead)."""
        res = self.resources
        countries = doc_countries(doc, res)
        layout = read_layout(doc, piece, res.gazetteer, res.kb, countries)
        if not first:
            layout = dataclass_replace(layout, lead_sentences=frozenset(), dateline=None,
                                       dateline_end=0)
        mentions = doc_mentions(doc, piece, document.published, res, layout.dateline_end,
                                countries)
        found = build_events(mentions, document.id, document.published, self.ontology,
                             res.gazetteer.country, layout)
        if any(e.main for e in before):
            found = [replace(e, main=False) if e.main else e for e in found]
        return before + found


def make_document(text: str, published: PublishedLike = None) -> Document:
    """A ``Document`` for API input: id = content hash of the article text, publication date
    parsed; a front-matter block is blanked in place (offsets still point into ``text``) and
    gives the date when ``published`` is not given, and the title and URL."""
    fields, masked = mask_front_matter(check_unicode(text))
    when = _missing_as_none(published)
    when = when if when is not None else fields.get("published")
    body = masked.lstrip() if fields else text
    return Document(id=doc_id(body), text=masked, published=parse_published(when),
                    title=fields.get("title"), url=fields.get("url"), source=fields.get("source"))


def _missing_as_none(value: Any) -> Any:
    """``pandas.NaT`` (and other values unequal to themselves, like NaN) mean "no date"."""
    try:
        return None if value != value else value
    except (TypeError, ValueError):  # a value that cannot be compared is parse_published's to reject
        return value


def _codable(text: str) -> bool:
    return bool(text.strip()) and looks_like_english(text)


def _word_list(name: str) -> frozenset[str]:
    """A one-word-per-line data file ('#' comments)."""
    lines = read_text(name).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _targets() -> dict[str, tuple[str, str]]:
    """``target_nouns.tsv``: attacked nouns that stand for an actor type (lemma, type, label)."""
    rows = [line.split("\t") for line in read_text("target_nouns.tsv").splitlines()
            if line.strip() and not line.startswith("#")]
    return {cells[0]: (cells[1], cells[2]) for cells in rows[1:] if len(cells) >= 3}


@lru_cache(maxsize=1)
def default_coder() -> Coder:
    """The coder ``sitrep.code`` uses, loaded on first use."""
    return Coder.load()


def code(text: str, published: PublishedLike = None) -> list[Event]:
    """Code one article: every event it reports, in document order."""
    return default_coder().code(text, published)


def code_file(path: str | Path, published: PublishedLike = None) -> list[Event]:
    """Code one article file (text with optional front matter, or an HTML page)."""
    return default_coder().code_file(path, published)


def code_batch(items: Iterable[tuple[str, PublishedLike]], n_process: int = 1, batch_size: int = 32,
               error_handler: ErrorHandler | None = None) -> Iterator[list[Event]]:
    """Code many articles with ``nlp.pipe``; yields one list of events per item, in order."""
    return default_coder().code_batch(items, n_process, batch_size, error_handler)
