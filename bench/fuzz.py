"""``make fuzz``: >= 10,000 generated hostile inputs through the coder, every reader and the
exports; reports crashes (exceptions outside the error catalogue), offset violations, silently
lost records, the slowest input and peak memory, and writes them to bench/fuzz_results.md.

    python bench/fuzz.py [--n 10000] [--seed 14] [--out bench/fuzz_results.md]

Kinds of input: random Unicode and bytes, lone surrogates, control, bidi and zero-width
characters, rich markup and terminal escapes, spreadsheet formulas, huge numbers (10^19, 309+
digits), extreme and odd publication dates (0001-01-01, 9999-12-31, pandas.NaT), long single
lines (up to 200,000 characters), and malformed JSONL, JSON, CSV, HTML and RSS files.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCES = [
    "Gunmen killed five villagers in Zamfara State on Saturday, police said.",
    "Troops clashed with rebels near Kano and two soldiers died.",
    "An airstrike hit a market in Idlib last Friday, killing 12 people.",
    "Police arrested the opposition leader in Kampala on Wednesday.",
    "Protesters marched in Basra over power cuts, and 3 were injured.",
]
BITS = ["\ud83d", "\udc80", "\ud800\udc00", "\x00", "\x1b[2J", "\x1b]0;t\x07", "\x9b31m", "\u202e",
        "\u2066", "\u200b", "\ufeff", "\u00ad", "\u2028", "\r", "\t", "\x0c", "[/bold]", "[red]",
        "[link=file:///etc/passwd]x[/link]", "=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-3",
        "@SUM(A1)", "9,999,999,999,999,999,999", "9" * 309, "9" * 400, "1e308", "-0",
        "<script>alert(1)</script>", "&#xD83D;", "&#0;", "]]>", "\"", "'", "\\", "\n\n",
        "killed", "dozens", "0001-01-01", "9999-12-31", "last Friday", "10,000 years ago"]
DATES: list[Any] = [None, "2021-03-14", "0001-01-01", "9999-12-31", date(1, 1, 1),
                    date(9999, 12, 31), "garbage", "", "2021-02-30"]


@dataclass
class Report:
    cases: Counter[str] = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    offsets: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    catalogue: Counter[str] = field(default_factory=Counter)
    slowest: tuple[float, str] = (0.0, "")

    def time(self, seconds: float, what: str) -> None:
        if seconds > self.slowest[0]:
            self.slowest = (seconds, what)

    def crash(self, what: str, exc: BaseException) -> None:
        tb = traceback.format_exception(type(exc), exc, exc.__traceback__)[-3:]
        self.crashes.append(f"{what}: {type(exc).__name__}: {exc} | {''.join(tb).strip()[-300:]}")


def hostile_text(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(1, 8)):
        roll = rng.random()
        if roll < 0.45:
            parts.append(rng.choice(SENTENCES))
        elif roll < 0.75:
            parts.append(rng.choice(BITS))
        elif roll < 0.9:
            parts.append("".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 20))))
        else:
            parts.append(bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 30)))
                         .decode("utf-8", "surrogateescape"))
    return rng.choice([" ", "", "\n", ". "]).join(parts)


def long_text(rng: random.Random, size: int) -> str:
    sentence = rng.choice(SENTENCES)
    text = (sentence + rng.choice([" ", ", ", " and "])) * (size // len(sentence) + 1)
    return text[:size].replace(".", rng.choice([".", ",", ""]))


def published(rng: random.Random) -> Any:
    if rng.random() < 0.05:
        import pandas as pd

        return pd.NaT
    return rng.choice(DATES)


def check_offsets(text: str, events: list[Any], report: Report, what: str) -> None:
    for event in events:
        spans = [event.trigger, *event.mentions]
        spans += [a for a in (event.actor1, event.actor2, *event.victims) if a is not None]
        spans += [event.location] if event.location is not None else []
        for span in spans:
            if span.start is None or span.text is None:
                continue
            if text[span.start:span.end] != span.text:
                report.offsets.append(f"{what}: {span.text!r} at {span.start}:{span.end}")


def fuzz_code(coder: Any, rng: random.Random, n: int, report: Report) -> list[Any]:
    """``n`` texts through ``coder.code`` one by one, and in batches through ``code_batch``."""
    from sitrep.errors import SitrepError

    kept: list[Any] = []
    batch: list[tuple[str, Any]] = []
    for index in range(n):
        roll = rng.random()
        size = 200_000 if index % 2000 == 7 else rng.choice([2_000, 20_000, 60_000])
        text = long_text(rng, size) if roll < 0.01 else hostile_text(rng)
        pub = published(rng)
        what = f"code #{index} ({len(text)} chars, published={pub!r}): {text[:60]!r}"
        started = time.perf_counter()
        try:
            events = coder.code(text, pub)
            check_offsets(text, events, report, what)
            kept.append((text, events))
        except SitrepError as exc:
            report.catalogue[exc.code] += 1
        except Exception as exc:
            report.crash(what, exc)
        report.time(time.perf_counter() - started, what)
        report.cases["code"] += 1
        batch.append((text, pub))
        if len(batch) == 50:
            fuzz_batch(coder, batch, report)
            batch = []
    return kept


def fuzz_batch(coder: Any, items: list[tuple[str, Any]], report: Report) -> None:
    from sitrep.errors import SitrepError

    errors: list[tuple[int, Exception]] = []
    try:
        results = list(coder.code_batch(items, error_handler=lambda i, _, e: errors.append((i, e))))
    except Exception as exc:
        report.crash("code_batch", exc)
        return
    report.cases["code_batch (items)"] += len(items)
    if len(results) != len(items):
        report.lost.append(f"code_batch gave {len(results)} results for {len(items)} items")
    for index, exc in errors:
        if not isinstance(exc, SitrepError):
            report.crash(f"code_batch item {index}", exc)
    for (text, _), events in zip(items, results, strict=False):
        check_offsets(text, events, report, "code_batch")


def reader_file(rng: random.Random, kind: str, directory: Path, index: int) -> tuple[Path, int]:
    """A malformed file of ``kind`` and how many of its records are certainly good."""
    path = directory / f"f{index}.{kind}"
    good = [rng.choice(SENTENCES) + f" ({i})" for i in range(rng.randint(0, 5))]
    bad = [hostile_text(rng) for _ in range(rng.randint(0, 3))]
    if kind == "jsonl":
        lines = [json.dumps({"text": t, "published": str(published(rng))}) for t in good]
        lines += [rng.choice([json.dumps({"text": b, "title": b}), b, '{"text": "\\ud83d"}'])
                  for b in bad]
        rng.shuffle(lines)
        data = "\n".join(line.replace("\n", " ") for line in lines).encode("utf-8", "surrogatepass")
    elif kind == "json":
        records: list[Any] = [{"text": t} for t in good] + [{"text": b, "published": b} for b in bad]
        data = json.dumps(records).encode()
    elif kind == "csv":
        rows = [[t.replace('"', ""), "2021-03-14"] for t in good] + [[b, b] for b in bad]
        rng.shuffle(rows)
        lines = ["text,published"] + [
            ",".join(f'"{c}"' if rng.random() < 0.9 else f'"{c}' for c in row) for row in rows]
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
        good = []  # an open quote may legitimately merge rows: no count is certain
    elif kind == "rss":
        items = "".join(f"<item><title>{t}</title><description>{t}</description></item>"
                        for t in good + bad)
        data = f"<rss version='2.0'><channel><title>x</title>{items}</channel></rss>".encode(
            "utf-8", "surrogatepass")
        good = []  # markup in a bad entry can break the XML of the feed (recorded as E407)
    elif kind == "html":
        body = "".join(f"<p>{t}</p>" for t in good + bad)
        data = f"<html><body><article>{body}</article></body></html>".encode(
            "utf-8", "surrogatepass")
        good = []
    else:
        data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 400)))
        good = []
    path.write_bytes(data)
    return path, len(good)


def fuzz_readers(rng: random.Random, n: int, report: Report) -> None:
    from sitrep.ingest import IngestError, SourceOptions, iter_sources
    from sitrep.records import Document

    kinds = ["jsonl", "json", "csv", "rss", "html", "txt", "xml"]
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(n):
            kind = kinds[index % len(kinds)]
            path, good = reader_file(rng, kind, Path(tmp), index)
            what = f"reader {kind} #{index}"
            started = time.perf_counter()
            try:
                items = list(iter_sources([str(path)], SourceOptions(max_bytes=200_000)))
            except Exception as exc:
                report.crash(what, exc)
                continue
            finally:
                report.time(time.perf_counter() - started, what)
                report.cases[f"reader {kind}"] += 1
                path.unlink()
            docs = [i for i in items if isinstance(i, Document)]
            for item in items:
                if isinstance(item, IngestError):
                    report.catalogue[item.code] += 1
                    if item.code == "E000":
                        report.crashes.append(f"{what}: {item.message}")
            if kind in ("jsonl", "json") and len(docs) < good:
                report.lost.append(f"{what}: {len(docs)} documents of {good} good records")


def fuzz_exports(kept: list[Any], rng: random.Random, n: int, report: Report) -> None:
    from sitrep.records import Document
    from sitrep.store import Store
    from sitrep.text import doc_id

    with tempfile.TemporaryDirectory() as tmp:
        for index in range(n):
            store = Store(":memory:")
            sample = rng.sample(kept, min(len(kept), 5))
            docs = [(Document(doc_id(t), t, date(2021, 3, 14), hostile_text(rng).encode(
                "utf-8", "replace").decode(), None, None, "fuzz"), events) for t, events in sample]
            result = store.add_batch(docs)
            report.catalogue.update(f.code for f in result.failed)
            for fmt in ("csv", "parquet", "jsonl"):
                for layout in ("native", "acled", "gdelt"):
                    out = Path(tmp) / f"x.{fmt}"
                    what = f"export {fmt}/{layout} #{index}"
                    try:
                        store.export(out, fmt, layout, force=True)
                        if fmt == "csv":
                            check_csv(out, report, what, tsv=layout == "gdelt")
                    except Exception as exc:
                        report.crash(what, exc)
                    report.cases["export"] += 1
            store.close()


def check_csv(path: Path, report: Report, what: str, tsv: bool = False) -> None:
    """No formula cells; the GDELT layouts are tab-separated and unquoted (as GDELT's files)."""
    dialect = {"delimiter": "\t", "quoting": csv.QUOTE_NONE} if tsv else {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.reader(fh, **dialect):
            for cell in row:
                if cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and not _number(cell)):
                    report.crashes.append(f"{what}: formula cell {cell[:40]!r}")


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def write(report: Report, args: argparse.Namespace, elapsed: float) -> str:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = sum(v for k, v in report.cases.items() if not k.startswith("code_batch"))
    lines = [
        "# Fuzzing results (`make fuzz`)", "",
        f"`python bench/fuzz.py --n {args.n} --seed {args.seed}`; {time.strftime('%Y-%m-%d')}, "
        f"{elapsed / 60:.1f} min on this machine.", "",
        "| measure | value |", "|---|---|",
        f"| generated inputs (each coded texts also went through code_batch) | {total:,} |",
        f"| crashes (exceptions outside the error catalogue) | {len(report.crashes)} |",
        f"| offset violations | {len(report.offsets)} |",
        f"| records silently lost | {len(report.lost)} |",
        f"| slowest input | {report.slowest[0]:.2f} s: {report.slowest[1][:100]} |",
        f"| peak memory (max RSS) | {peak:,.0f} MB |", "",
        "Inputs by kind: " + ", ".join(f"{k} {v:,}" for k, v in sorted(report.cases.items())),
        "", "Catalogue errors met (expected refusals): " + ", ".join(
            f"{k} {v:,}" for k, v in sorted(report.catalogue.items())), "",
    ]
    for title, found in (("Crashes", report.crashes), ("Offset violations", report.offsets),
                         ("Lost", report.lost)):
        if found:
            lines += [f"## {title}", ""] + [f"- {f[:400]}" for f in found[:30]] + [""]
    return "\n".join(lines).replace("|", "\\|").replace("\\|", "|")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000, help="total inputs (default 10,000)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", default=str(ROOT / "bench" / "fuzz_results.md"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    report = Report()
    started = time.perf_counter()
    from sitrep.pipeline import Coder

    coder = Coder.load()
    n_code, n_export_rounds = int(args.n * 0.6), max(int(args.n * 0.06) // 9, 1)
    kept = fuzz_code(coder, rng, n_code, report)
    fuzz_readers(rng, args.n - n_code - 9 * n_export_rounds, report)
    fuzz_exports(kept, rng, n_export_rounds, report)
    text = write(report, args, time.perf_counter() - started)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)
    return 1 if report.crashes or report.offsets or report.lost else 0


if __name__ == "__main__":
    sys.exit(main())
