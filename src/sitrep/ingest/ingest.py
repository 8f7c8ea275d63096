"""``ingest``: sources -> coder -> store, in transactional batches, never losing or duplicating.

Documents already in the store (same content hash) are skipped before coding; a copy whose
metadata (date, title, URL, source) differs from the stored one's is recorded in
``document_copies``, and with ``update_metadata`` it replaces the stored document (re-coded, so
that its events take the new date). Each batch of coded documents is written in one transaction
together with the errors and copies met while reading it, so a run killed at any moment and
started again ends with the rows of an uninterrupted run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import E, SitrepError
from ..language import non_english
from ..records import Document, Event
from ._base import DocumentCopy, IngestError, SourceOptions
from .sources import SourceUnit, estimate, expand, read_unit

if TYPE_CHECKING:
    from ..store import Store

ErrorHandler = Callable[[int, Any, Exception], None]


class DocumentCoder(Protocol):
    """What ``ingest`` needs from a coder (``sitrep.Coder`` has it)."""

    def code_documents(self, docs: Iterable[Document], n_process: int = 1,
                       batch_size: int = 32, error_handler: ErrorHandler | None = None,
                       ) -> Iterator[tuple[Document, list[Event]]]: ...


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a run is: ``done`` documents handled of about ``total``."""

    done: int
    total: int
    coded: int
    duplicates: int
    failed: int
    elapsed: float


@dataclass(slots=True)
class IngestReport:
    """The outcome of one run. ``undated`` lists stored documents without a publication date,
    ``non_english`` those that gave no events because they are not in English."""

    coded: int = 0
    events: int = 0
    duplicates: int = 0
    failed: int = 0
    copies: int = 0
    errors: list[IngestError] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    non_english: list[str] = field(default_factory=list)  # "path (French (fr))", no events
    elapsed: float = 0.0

    @property
    def docs_per_second(self) -> float:
        handled = self.coded + self.duplicates + self.failed
        return handled / self.elapsed if self.elapsed > 0 else 0.0


class _Run:
    """State of one ingest run: pending batch, in-flight documents, counts."""

    def __init__(self, store: Store, commit_every: int, total: int,
                 progress: Callable[[Progress], None] | None, update: bool = False) -> None:
        self.store = store
        self.update = update
        self.pending_copies: list[DocumentCopy] = []
        self.renew: set[str] = set()
        self.commit_every = commit_every
        self.total = total
        self.progress = progress
        self.report = IngestReport()
        self.pending: list[tuple[Document, Sequence[Event]]] = []
        self.pending_errors: list[IngestError] = []
        self.seen: dict[str, int] = {}  # id -> hash of the metadata first seen in this run
        self.failed_ids: set[str] = set()
        self.inflight: dict[int, Document] = {}
        self.returned = 0
        self.started = time.perf_counter()

    def documents(self, items: Iterable[Document | IngestError]) -> Iterator[Document]:
        """The documents to code: errors set aside, stored and repeated documents skipped."""
        index = 0
        for item in items:
            if isinstance(item, IngestError):
                self.error(item)
            elif self._is_new(item):
                self.inflight[index] = item
                index += 1
                yield item
            else:
                self.report.duplicates += 1
                self.tick()

    def _is_new(self, doc: Document) -> bool:
        """Whether to code ``doc``: not stored, or stored with other metadata and updating."""
        copy = DocumentCopy.of(doc)
        known = self.seen.get(doc.id)
        stored = None if known is not None else self.store.stored_copy(doc.id)
        if known is None and stored is None:
            self.seen[doc.id] = copy.metadata_hash()
            return True
        same = copy.same_metadata(stored) if stored else known == copy.metadata_hash()
        if same:
            return False
        self.report.copies += 1
        self.pending_copies.append(copy)
        if stored is None or not self.update:
            return False
        self.pending_copies.append(stored)  # the replaced metadata stays on record
        self.renew.add(doc.id)
        self.seen[doc.id] = copy.metadata_hash()
        return True

    def error(self, error: IngestError) -> None:
        self.pending_errors.append(error)
        self.report.errors.append(error)
        self.report.failed += 1
        self.tick()

    def on_coder_error(self, index: int, item: Any, exc: Exception) -> None:
        doc = item if isinstance(item, Document) else self.inflight.get(index)
        if doc is None:
            return
        source = doc.path or doc.url or doc.id
        cause = exc if isinstance(exc, SitrepError) else f"{type(exc).__name__}: {exc}"
        self.failed_ids.add(doc.id)
        self.error(IngestError.from_exception(source, SitrepError(E.E414, path=source,
                                                                  cause=cause), doc.id))

    def coded(self, doc: Document, events: list[Event]) -> None:
        self.inflight.pop(self.returned, None)  # results come back in input order
        self.returned += 1
        if doc.id in self.failed_ids:
            return
        if not events and (language := non_english(doc.text)) is not None:
            self.report.non_english.append(f"{doc.path or doc.url or doc.id} ({language})")
        self.pending.append((doc, events))
        if len(self.pending) >= self.commit_every:
            self.flush()

    def flush(self) -> None:
        if not self.pending and not self.pending_errors and not self.pending_copies:
            return
        renew = {d.id for d, _ in self.pending} & self.renew
        result = self.store.add_batch(self.pending, self.pending_errors, self.pending_copies,
                                      replace=renew)
        self.report.coded += result.added
        self.report.events += result.events
        self.report.duplicates += result.duplicates
        self.report.undated += [d.path or d.id for d, _ in self.pending
                                if d.published is None and d.id not in result.failed_ids]
        for failure in result.failed:
            self.report.errors.append(failure)
            self.report.failed += 1
        self.pending, self.pending_errors, self.pending_copies = [], [], []
        self.tick()

    def tick(self) -> None:
        if self.progress is None:
            return
        r = self.report
        self.progress(Progress(r.coded + r.duplicates + r.failed + len(self.pending),
                               self.total, r.coded, r.duplicates, r.failed,
                               time.perf_counter() - self.started))


def ingest(inputs: Iterable[str | Path], store: Store, coder: DocumentCoder,
           options: SourceOptions | None = None, workers: int = 1, batch_size: int = 32,
           commit_every: int = 64, progress: Callable[[Progress], None] | None = None,
           update_metadata: bool = False) -> IngestReport:
    """Read ``inputs``, code new documents with ``coder`` and store them in ``store``."""
    opts = options or SourceOptions()
    units = list(expand(inputs, opts.follow_links))
    total = sum(estimate(u) if isinstance(u, SourceUnit) else 1 for u in units)
    run = _Run(store, max(commit_every, 1), total, progress, update_metadata)
    pairs = coder.code_documents(run.documents(_items(units, opts)), n_process=workers,
                                 batch_size=batch_size, error_handler=run.on_coder_error)
    try:
        for doc, events in pairs:
            run.coded(doc, events)
            run.tick()
    finally:  # interrupted or not, what has been coded is kept
        run.flush()
    run.report.elapsed = time.perf_counter() - run.started
    return run.report


def _items(units: Sequence[SourceUnit | IngestError], opts: SourceOptions
           ) -> Iterator[Document | IngestError]:
    for unit in units:
        if isinstance(unit, IngestError):
            yield unit
        else:
            yield from read_unit(unit, opts)
