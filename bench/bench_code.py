"""Benchmark: sitrep's coder against a bare spaCy ``nlp.pipe`` over the same texts, in one run.

Prints articles/s, words/s, peak memory, and the ratio sitrep time / bare spaCy time (median of
several rounds, alternating the two so that machine noise hits both alike). Usage::

    python bench/bench_code.py [--repeat 8] [--rounds 3] [--processes 1 2]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from sitrep.ingest.textfile import read_document
from sitrep.nlp import MODEL_NAMES
from sitrep.pipeline import Coder
from sitrep.text import normalise

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIRS = (ROOT / "samples", ROOT / "tests" / "data" / "seed")


def corpus(repeat: int) -> list[tuple[str, str | None]]:
    """The bundled articles, repeated ``repeat`` times (each copy made unique by a suffix)."""
    docs = [read_document(p) for d in CORPUS_DIRS if d.exists() for p in sorted(d.glob("*.txt"))]
    base = [(d.text, d.published.isoformat() if d.published else None) for d in docs]
    return [(f"{text}\n\nCopy {i}.", pub) for i in range(repeat) for text, pub in base]


def timed(job: Callable[[], object]) -> float:
    start = time.perf_counter()
    job()
    return time.perf_counter() - start


def bare_model() -> spacy.language.Language:
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no spaCy English model installed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=8,
                        help="texts per batch; small enough that every process gets work")
    args = parser.parse_args(argv)
    items = corpus(args.repeat)
    texts = [normalise(text).text for text, _ in items]
    words = sum(len(t.split()) for t in texts)
    coder, bare = Coder.load(), bare_model()
    print(f"corpus: {len(items)} articles, {words} words; model {bare.meta['name']}")
    for n_process in args.processes:
        run_one(coder, bare, items, texts, words, n_process, args.rounds, args.batch_size)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of this process): {peak_mb:.0f} MB")
    return 0


def run_one(coder: Coder, bare: spacy.language.Language, items: list[tuple[str, str | None]],
            texts: list[str], words: int, n_process: int, rounds: int, batch_size: int) -> None:
    sitrep_times, bare_times = [], []
    for _ in range(rounds):
        bare_times.append(timed(lambda: list(bare.pipe(texts, n_process=n_process,
                                                        batch_size=batch_size))))
        sitrep_times.append(timed(lambda: list(coder.code_batch(items, n_process=n_process,
                                                                batch_size=batch_size))))
    s, b = statistics.median(sitrep_times), statistics.median(bare_times)
    print(f"n_process={n_process}: sitrep {len(items) / s:.1f} articles/s, {words / s:.0f} words/s;"
          f" bare spaCy {len(items) / b:.1f} articles/s; ratio sitrep/bare = {s / b:.2f}"
          f" (median of {rounds}; per-round ratios "
          f"{', '.join(f'{x / y:.2f}' for x, y in zip(sitrep_times, bare_times, strict=True))})")


if __name__ == "__main__":
    sys.exit(main())
