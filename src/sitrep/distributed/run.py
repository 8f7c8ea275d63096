"""``ingest_distributed``: read sources here, code batches on Dask workers, merge into the store.

The client reads the sources and skips documents already stored or already seen (exactly as
``sitrep.ingest.ingest`` does), cuts the new ones into batches and submits each batch to the
cluster. A worker codes it with its coder (loaded once per worker) and writes one Parquet file
named by the batch's content into the dataset directory; the client then merges that file into
the store in one transaction. A worker that dies takes only its running batch with it: Dask
gives the batch to another worker, whose file has the same name and content. A batch that fails
for good is recorded (E424) and retried by the next run. At most a few batches per worker are in
flight, so memory stays bounded however large the input.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import E, SitrepError
from ..ingest._base import IngestError, SourceOptions
from ..ingest.ingest import DocumentCoder, IngestReport, Progress, _items, _Run
from ..ingest.sources import SourceUnit, estimate, expand
from ..records import Document
from ._batch import CodedBatch, batch_name, read_batch
from ._worker import BatchSummary, code_batch, load_coder
from .merge import MergeTimer, merge_batch

if TYPE_CHECKING:
    from ..store import Store


@dataclass(slots=True)
class ClusterStats:
    """Where the time of a distributed run went (filled in by ``ingest_distributed``)."""

    batches: int = 0
    reused: int = 0
    code_seconds: float = 0.0
    write_seconds: float = 0.0
    bytes: int = 0
    merge: MergeTimer | None = None
    summaries: list[BatchSummary] = field(default_factory=list)

    def add(self, summary: BatchSummary) -> None:
        self.summaries.append(summary)
        self.batches += 1
        self.code_seconds += summary.code_seconds
        self.write_seconds += summary.write_seconds
        self.bytes += summary.bytes


def ingest_distributed(inputs: Iterable[str | Path], store: Store, client: Any,
                       coder_factory: Callable[[], DocumentCoder], out: str | Path,
                       options: SourceOptions | None = None, batch_size: int = 64,
                       progress: Callable[[Progress], None] | None = None,
                       update_metadata: bool = False, in_flight: int | None = None,
                       stats: ClusterStats | None = None) -> IngestReport:
    """Read ``inputs``, code new documents on ``client``'s workers, store them in ``store``."""
    from distributed import as_completed

    opts = options or SourceOptions()
    directory = _dataset_dir(out)
    units = list(expand(inputs, opts.follow_links))
    total = sum(estimate(u) if isinstance(u, SourceUnit) else 1 for u in units)
    run = _Run(store, 1 << 30, total, progress, update_metadata)
    timing = stats if stats is not None else ClusterStats()
    timing.merge = timing.merge or MergeTimer()
    plugin = load_coder(client, coder_factory)
    limit = in_flight or 2 * max(len(client.scheduler_info().get("workers", {})), 1) + 1
    running: dict[Any, Sequence[Document]] = {}
    done = as_completed()
    try:
        for docs in _chunks(run.documents(_items(units, opts)), max(batch_size, 1)):
            run.inflight.clear()  # ``_Run`` keeps these for its own coder; not needed here
            path = directory / batch_name(docs)
            written = _written(path, docs)
            if written is not None:
                timing.reused += 1
                merge_batch(run, written, timing.merge)
                continue
            future = client.submit(code_batch, list(docs), str(path), plugin, pure=False,
                                   retries=1)
            running[future] = docs
            done.add(future)
            while done.count() >= limit:
                _collect(run, next(done), running, timing)
        for future in done:
            _collect(run, future, running, timing)
    finally:  # interrupted or not, what has been merged is kept
        run.flush()
    run.report.elapsed = time.perf_counter() - run.started
    return run.report


def _dataset_dir(out: str | Path) -> Path:
    directory = Path(out)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SitrepError(E.E423, path=directory, cause=exc) from exc
    return directory


def _chunks(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _written(path: Path, docs: Sequence[Document]) -> CodedBatch | None:
    """The batch file a previous run wrote for exactly these documents, if any."""
    if not path.is_file():
        return None
    try:
        batch = read_batch(path)
    except SitrepError:
        return None  # damaged: coded again and replaced
    return batch if sorted(batch.documents, key=_key) == sorted(docs, key=_key) else None


def _key(doc: Document) -> str:
    return doc.id


def _collect(run: _Run, future: Any, running: dict[Any, Sequence[Document]],
             timing: ClusterStats) -> None:
    docs = running.pop(future)
    try:
        summary = future.result()
        batch = read_batch(Path(summary.path))
    except Exception as exc:  # a lost batch is recorded, the run goes on
        _lost(run, docs, exc)
        return
    finally:
        future.release()
    timing.add(summary)
    merge_batch(run, batch, timing.merge)


def _lost(run: _Run, docs: Sequence[Document], exc: Exception) -> None:
    name = batch_name(docs)
    cause = exc if isinstance(exc, SitrepError) else f"{type(exc).__name__}: {exc}"
    for doc in docs:
        source = doc.path or doc.url or doc.id
        run.error(IngestError.from_exception(source, SitrepError(E.E424, name=name, cause=cause),
                                             doc.id))
