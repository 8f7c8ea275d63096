"""What runs on a Dask worker: the coder, loaded once per worker, and the batch task.

``CoderPlugin`` is registered with the client; Dask runs its ``setup`` on every worker that
joins (a restarted worker too), which loads the coder once and keeps it for every batch that
worker codes. ``code_batch`` codes one batch and writes it as one Parquet file.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin, get_worker

from ..errors import E, SitrepError
from ..ingest._base import IngestError
from ..ingest.ingest import DocumentCoder
from ..records import Document
from ._batch import CodedBatch, write_batch

PLUGIN_PREFIX = "sitrep-coder-"


class CoderPlugin(WorkerPlugin):
    """Loads the coder once on each worker; ``factory`` must be picklable (a function or a
    ``functools.partial`` of ``sitrep.Coder.load``).

    The plugin is named by its factory and idempotent: registering the same factory again (a
    second ingest on a long-running cluster) keeps the coder the workers already hold.
    """

    idempotent = True

    def __init__(self, factory: Callable[[], DocumentCoder]) -> None:
        import cloudpickle

        self.factory = factory
        self.name = PLUGIN_PREFIX + hashlib.sha256(cloudpickle.dumps(factory)).hexdigest()[:16]
        self.coder: DocumentCoder | None = None
        self.load_seconds = 0.0

    def setup(self, worker: Any) -> None:
        started = time.perf_counter()
        self.coder = self.factory()
        self.load_seconds = time.perf_counter() - started

    def teardown(self, worker: Any) -> None:
        self.coder = None


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a worker reports back for one batch (the records themselves are in the file)."""

    path: str
    documents: int
    failed: int
    code_seconds: float
    write_seconds: float
    bytes: int
    worker: str = ""
    started: float = 0.0  # wall-clock time (time.time()) the batch started on the worker


def load_coder(client: Any, factory: Callable[[], DocumentCoder]) -> str:
    """Have every worker (and every worker that joins later) load the coder once; the
    plugin's name, which ``code_batch`` takes."""
    plugin = CoderPlugin(factory)
    client.register_plugin(plugin, name=plugin.name)
    return plugin.name


def code_batch(docs: Sequence[Document], path: str, plugin: str) -> BatchSummary:
    """Code ``docs`` with this worker's coder and write them to ``path`` (a Dask task)."""
    coder = _coder(plugin)
    wall = time.time()
    started = time.perf_counter()
    batch = code_documents(coder, docs)
    coded = time.perf_counter()
    size = write_batch(Path(path), batch)
    return BatchSummary(path, len(docs), len(batch.errors), coded - started,
                        time.perf_counter() - coded, size, get_worker().address, wall)


def code_documents(coder: DocumentCoder, docs: Sequence[Document]) -> CodedBatch:
    """Code ``docs``; a document the coder fails on is kept with an E414 error, no events."""
    batch = CodedBatch()

    def failed(index: int, item: Any, exc: Exception) -> None:
        doc = item if isinstance(item, Document) else docs[index]
        source = doc.path or doc.url or doc.id
        cause = exc if isinstance(exc, SitrepError) else f"{type(exc).__name__}: {exc}"
        batch.errors.append(IngestError.from_exception(
            source, SitrepError(E.E414, path=source, cause=cause), doc.id))

    returned = {d.id: events for d, events in coder.code_documents(docs, error_handler=failed)}
    bad = {e.doc_id for e in batch.errors}
    batch.coded = [(d, [] if d.id in bad else returned.get(d.id, [])) for d in docs]
    return batch


def _coder(name: str) -> DocumentCoder:
    plugin = get_worker().plugins.get(name)
    if not isinstance(plugin, CoderPlugin) or plugin.coder is None:
        raise SitrepError(E.E422, address="(this worker)",
                          cause="the sitrep coder plugin is not registered on this worker")
    return plugin.coder
