"""Benchmark: the cost of keeping incidents while storing, and how it grows with the store.

Codes the bundled articles once (samples, seed, Wikinews when present), then makes N synthetic
documents from them: copy i of an article gets its own text and id, and its events move
3 days later per round of copies, so that copies near in time report "the same" events and the
incident layer has real matching to do. The documents are stored in batches of 64 into fresh
stores with and without incidents (alternating, several rounds); prints the store time of each,
their ratio, the ratio of whole ingests (coding at the measured coder speed + storing), and the
store time per 1,000 documents as the store grows (the curve). Usage::

    python bench/bench_incidents_ingest.py [--n 2000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sitrep.ingest import iter_sources
from sitrep.pipeline import Coder
from sitrep.records import Document, Event, TextSpan, replace
from sitrep.store import Store
from sitrep.text import doc_id

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "samples", ROOT / "tests" / "data" / "seed", Path("/work/shared/data/wikinews"))
BATCH = 64


def base_articles(coder: Coder) -> tuple[list[tuple[Document, list[Event]]], float]:
    docs = [d for d in iter_sources([p for p in SOURCES if p.exists()])
            if isinstance(d, Document) and d.published]
    start = time.perf_counter()
    coded = list(coder.code_documents(docs))
    return coded, len(docs) / (time.perf_counter() - start)


def synthetic(base: list[tuple[Document, list[Event]]], n: int
              ) -> list[tuple[Document, list[Event]]]:
    out = []
    for i in range(n):
        doc, events = base[i % len(base)]
        shift = timedelta(days=3 * (i // len(base)))
        text = f"{doc.text}\n\nCopy {i}."
        new = Document(doc_id(text), text, doc.published + shift if doc.published else None,
                       doc.title, None, f"outlet{i % 17}", None)
        out.append((new, [_moved(e, new.id, shift) for e in events]))
    return out


def _moved(e: Event, new_id: str, shift: timedelta) -> Event:
    def later(d):  # type: ignore[no-untyped-def]
        return d + shift if d else d

    return replace(e, id=f"{new_id[:16]}-{e.trigger.start}", doc_id=new_id,
                   trigger=TextSpan(e.trigger.text, e.trigger.start, e.trigger.end),
                   event_date=later(e.event_date), date_earliest=later(e.date_earliest),
                   date_latest=later(e.date_latest))


def store_all(items: list[tuple[Document, list[Event]]], path: Path, incidents: bool
              ) -> tuple[float, list[float]]:
    """Total seconds and seconds per batch."""
    per_batch = []
    with Store(path, incidents=incidents) as store:
        for start in range(0, len(items), BATCH):
            t = time.perf_counter()
            store.add_batch(items[start:start + BATCH])
            per_batch.append(time.perf_counter() - t)
        if incidents:
            print(f"  {store.stats().incidents} incidents from "
                  f"{store.stats(events=True).events} events")
    return sum(per_batch), per_batch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    base, coder_rate = base_articles(Coder.load())
    items = synthetic(base, args.n)
    on, off, curves = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            off.append(store_all(items, Path(tmp) / f"off{r}.duckdb", False)[0])
            total, batches = store_all(items, Path(tmp) / f"on{r}.duckdb", True)
            on.append(total)
            curves.append(batches)
    s_on, s_off = statistics.median(on), statistics.median(off)
    coding = args.n / coder_rate
    print(f"documents {args.n} (from {len(base)} coded articles); coder {coder_rate:.1f} docs/s")
    print(f"store without incidents {s_off:.2f} s, with {s_on:.2f} s: ratio {s_on / s_off:.3f}")
    print(f"whole ingest (coding + store) with / without incidents: "
          f"{(coding + s_on) / (coding + s_off):.3f}  (target < 1.10)")
    per_k = max(1, 512 // BATCH)
    for k in range(0, len(curves[0]), per_k):
        sec = statistics.median(sum(c[k:k + per_k]) for c in curves)
        first, last = k * BATCH, min(args.n, (k + per_k) * BATCH)
        print(f"  docs {first:6d}-{last:6d}: {sec * 1000 / (last - first):.2f} ms/doc "
              "with incidents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
