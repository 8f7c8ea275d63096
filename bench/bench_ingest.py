"""Benchmark: ``sitrep ingest`` into a fresh store against ``code_batch`` alone, same texts.

Writes N articles (the bundled samples and Wikinews texts, each copy made unique by a suffix)
to a JSONL file, then times, alternating over several rounds:

* ``code_batch``: the coder alone over the (text, published) pairs;
* ``ingest``: reading the JSONL, skipping known hashes, coding, and writing every batch to a
  fresh DuckDB store in transactions;
* ``store only``: the same ingest with a coder that hands back the events computed before, so
  the time is reading + hashing + duplicate checks + DuckDB writes with no NLP noise.

Prints documents/s and the ratios ingest / code_batch and (code_batch + store only) /
code_batch; the store should add under 10%. Usage::

    python bench/bench_ingest.py [--n 2000] [--rounds 2] [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.ingest import ingest, iter_sources
from sitrep.pipeline import Coder
from sitrep.records import Document, Event
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "samples", ROOT / "tests" / "data" / "seed", Path("/work/shared/data/wikinews"))


def write_corpus(n: int, out: Path) -> list[tuple[str, str | None]]:
    """N unique articles as JSONL at ``out``; returns their (text, published) pairs."""
    base = [d for d in iter_sources([p for p in SOURCES if p.exists()])
            if isinstance(d, Document)]
    if not base:
        raise SystemExit("no articles found under samples/ or tests/data/seed/")
    items = []
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            doc = base[i % len(base)]
            text = f"{doc.text}\n\nCopy {i}."
            published = doc.published.isoformat() if doc.published else None
            fh.write(json.dumps({"text": text, "published": published}) + "\n")
            items.append((text, published))
    return items


class Replay:
    """A coder that returns events computed before: isolates the cost of the store."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events

    def code_documents(self, docs: Iterable[Document], n_process: int = 1,
                       batch_size: int = 32, error_handler: Any = None,
                       ) -> Iterator[tuple[Document, list[Event]]]:
        for doc in docs:
            yield doc, self.events.get(doc.id, [])


def timed(job: Callable[[], object]) -> float:
    start = time.perf_counter()
    job()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000, help="number of articles")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    coder = Coder.load()
    times: list[tuple[float, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        items = write_corpus(args.n, corpus)
        list(coder.code_batch(items[:20]))  # warm up
        for r in range(args.rounds):
            times.append(one_round(coder, items, corpus, Path(tmp) / str(r), args.workers))
    batch, full, store = (statistics.median(t[i] for t in times) for i in range(3))
    report(args.n, batch, full, store)
    return 0


def one_round(coder: Coder, items: list[tuple[str, str | None]], corpus: Path, tmp: Path,
              workers: int) -> tuple[float, float, float]:
    """Seconds for code_batch alone, a full ingest, and the store alone (replayed events)."""
    tmp.mkdir()
    batch = timed(lambda: list(coder.code_batch(items, n_process=workers)))
    with Store(tmp / "ingest.duckdb") as store:
        full = timed(lambda: ingest([corpus], store, coder, workers=workers))
        recorded: dict[str, list[Event]] = {}
        for event in store.events():
            recorded.setdefault(event.doc_id, []).append(event)
    replay = Replay(recorded)
    with Store(tmp / "replay.duckdb") as store:
        alone = timed(lambda: ingest([corpus], store, replay))
    return batch, full, alone


def report(n: int, batch: float, full: float, store: float) -> None:
    print(f"articles: {n}   (median of rounds, {sys.platform})")
    print(f"code_batch alone : {batch:8.2f} s  {n / batch:8.1f} docs/s")
    print(f"sitrep ingest    : {full:8.2f} s  {n / full:8.1f} docs/s")
    print(f"store only       : {store:8.2f} s  {n / store:8.1f} docs/s "
          "(read + hash + dedup + DuckDB writes, no NLP)")
    print(f"ratio ingest / code_batch            : {full / batch:.3f}")
    print(f"ratio (code_batch + store) / code_batch: {(batch + store) / batch:.3f}"
          "  (target < 1.10)")


if __name__ == "__main__":
    sys.exit(main())
