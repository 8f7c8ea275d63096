"""Soak test: ingest N generated documents (1% bad ones of every kind) into a fresh store and
report throughput over time, memory over time, errors recorded and rows stored.

    python bench/soak.py [--n 50000] [--fake] [--out bench/soak_results.md]

``--fake`` uses the rule-based stand-in coder of the tests (measures readers and store alone);
without it the real coder runs. Pass criteria: every bad document is recorded as an error and
nothing else is; every good document is stored exactly once; memory stays flat.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEMPLATES = [
    "Gunmen killed {n} villagers in {place} on Saturday, police said.",
    "Troops clashed with rebels near {place} and {n} soldiers died.",
    "An airstrike hit a market in {place} last Friday, killing {n} people.",
    "Police arrested {n} protesters in {place} on Wednesday.",
]
PLACES = ["Zamfara", "Kano", "Idlib", "Kampala", "Basra", "Tripoli", "Mosul", "Goma"]
# Each bad kind, as a JSONL line (or CSV row): the error code it must produce.
BAD = {
    "surrogate": ('{{"text": "Gunmen killed {i} people \\ud83d", "published": "2021-03-14"}}',
                  "E012"),
    "empty": ('{{"text": "   ", "title": "empty {i}"}}', "E402"),
    "not_json": ('{{"text": "unterminated {i}', "E403"),
    "no_text": ('{{"body": "no text field {i}"}}', "E404"),
    "too_long": ('{{"text": "{long} {i}"}}', "E418"),
    "bad_utf8": (None, "E006"),
}


def good_text(rng: random.Random, i: int) -> str:
    return (rng.choice(TEMPLATES).format(n=rng.randint(1, 90), place=rng.choice(PLACES))
            + f" Report number {i}.")


def write_inputs(directory: Path, n: int, rng: random.Random, max_chars: int
                 ) -> tuple[list[Path], int, int]:
    """JSONL files of 5,000 lines; returns (files, good count, bad count)."""
    files, good, bad, lines = [], 0, 0, []
    kinds = list(BAD)
    for i in range(n):
        if i % 100 == 50:  # 1% bad, every kind in turn
            template, _ = BAD[kinds[(i // 100) % len(kinds)]]
            line = (b"{\"text\": \"caf\xe9 " + str(i).encode() + b"\"}" if template is None
                    else template.format(i=i, long="x" * (max_chars + 1)).encode())
            bad += 1
        else:
            record = {"text": good_text(rng, i), "published": f"2021-{1 + i % 12:02d}-14"}
            line = json.dumps(record).encode()
            good += 1
        lines.append(line)
        if len(lines) == 5000 or i == n - 1:
            path = directory / f"part{len(files):03d}.jsonl"
            path.write_bytes(b"\n".join(lines) + b"\n")
            files.append(path)
            lines = []
    return files, good, bad


def rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 1e6
    except OSError:
        return float("nan")


def run(args: argparse.Namespace) -> str:
    from sitrep.ingest import Progress, SourceOptions, ingest
    from sitrep.store import Store

    rng = random.Random(args.seed)
    opts = SourceOptions(max_chars=5_000)
    samples: list[tuple[float, int, float]] = []
    last = [0.0]

    def progress(p: Progress) -> None:
        if p.elapsed - last[0] >= args.every:
            last[0] = p.elapsed
            samples.append((p.elapsed, p.done, rss_mb()))

    with tempfile.TemporaryDirectory() as tmp:
        files, good, bad = write_inputs(Path(tmp), args.n, rng, opts.max_chars)
        coder = load_coder(args.fake)
        with Store(Path(tmp) / "soak.duckdb") as store:
            started = time.perf_counter()
            report = ingest(files, store, coder, opts, progress=progress, workers=args.workers)
            elapsed = time.perf_counter() - started
            again = ingest(files, store, coder, opts)  # a rerun adds nothing
            counts = store.counts()
            codes = sorted({e.code for e in store.errors()})
            distinct = store._con.execute(  # noqa: SLF001 - a check, not an API
                "SELECT count(DISTINCT id) FROM documents").fetchone()
    return summary(args, report, again, elapsed, samples, good, bad, counts, codes, distinct)


def load_coder(fake: bool) -> Any:
    if fake:
        from tests.store.fake_coder import FakeCoder

        return FakeCoder()
    from sitrep.pipeline import Coder

    return Coder.load()


def summary(args: argparse.Namespace, report: Any, again: Any, elapsed: float,
            samples: list[tuple[float, int, float]], good: int, bad: int,
            counts: dict[str, int], codes: list[str], distinct: Any) -> str:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ok = (counts["documents"] == good and distinct[0] == good and report.failed == bad
          and counts["ingest_errors"] == bad and again.coded == 0 and again.failed == bad)
    lines = [
        "# Soak test (`bench/soak.py`)", "",
        f"`python bench/soak.py --n {args.n}{' --fake' if args.fake else ''}` "
        f"({'stand-in coder: readers and store only' if args.fake else 'real coder'}), "
        f"{time.strftime('%Y-%m-%d')}.", "",
        "| measure | value |", "|---|---|",
        f"| documents generated | {args.n:,} ({good:,} good, {bad:,} bad: "
        f"{', '.join(BAD)}) |",
        f"| rows stored (documents / distinct ids) | {counts['documents']:,} / {distinct[0]:,} |",
        f"| events stored | {counts['events']:,} |",
        f"| errors recorded | {report.failed:,} (store table {counts['ingest_errors']:,}; "
        f"codes {', '.join(codes)}) |",
        f"| rerun | coded {again.coded}, duplicates {again.duplicates:,}, failed {again.failed:,} |",
        f"| time | {elapsed:.0f} s ({report.docs_per_second:.1f} docs/s overall) |",
        f"| peak memory (max RSS) | {peak:,.0f} MB |",
        f"| result | {'PASS' if ok else 'FAIL'}: all bad recorded, nothing else; all good "
        "stored once |", "",
        "Throughput and memory over time:", "",
        "| elapsed s | documents | docs/s since previous | RSS MB |", "|---|---|---|---|",
    ]
    previous = (0.0, 0)
    for at, done, rss in samples:
        rate = (done - previous[1]) / (at - previous[0]) if at > previous[0] else 0.0
        lines.append(f"| {at:.0f} | {done:,} | {rate:.1f} | {rss:,.0f} |")
        previous = (at, done)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--fake", action="store_true", help="stand-in coder (store and readers)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--every", type=float, default=10.0, help="seconds between samples")
    parser.add_argument("--out", default=str(ROOT / "bench" / "soak_results.md"))
    args = parser.parse_args()
    text = run(args)
    with open(args.out, "a", encoding="utf-8") as fh:
        fh.write(text + "\n\n")
    print(text)
    return 0 if "| result | PASS" in text else 1


if __name__ == "__main__":
    sys.exit(main())
