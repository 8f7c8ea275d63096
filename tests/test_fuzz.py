"""Property-based tests (Hypothesis) of the readers, the exports, the text layer and the coder.

Short in CI (a few dozen examples each); ``make fuzz`` (bench/fuzz.py) runs >= 10,000 generated
inputs of the same kinds and reports crashes, offset errors, the slowest input and peak memory.
"""

from __future__ import annotations

import csv
import json
import string
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import SitrepError
from sitrep.ingest import IngestError, SourceOptions, iter_sources
from sitrep.records import Document
from sitrep.store import Store
from sitrep.text import normalise, segments
from tests.store.conftest import make_doc
from tests.store.fake_coder import fake_events

FAST = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
HOSTILE_BITS = ["\ud83d", "\udc80", "\x00", "\x1b[2J", "\x9b31m", "\u202e", "\u2028", "[/bold]",
                "[red]", "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\t", "\r", "\n",
                "\ufeff", "\u00ad", "9" * 400, "9,999,999,999,999,999,999", '"', "'", "\\",
                "<b>", "&#xD83D;", "&#55357;", "]]>", "0001-01-01", "9999-12-31", "killed",
                "Gunmen killed five villagers in Zamfara on Saturday."]
texts = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE_BITS)),
                 max_size=12).map("".join)
values = st.one_of(st.none(), texts, st.integers(), st.floats(), st.booleans(),
                   st.lists(st.integers(), max_size=2), st.sampled_from(["0001-01-01",
                                                                          "9999-12-31"]))


def _items(path: Path, **opts: Any) -> list[Document | IngestError]:
    return list(iter_sources([str(path)], SourceOptions(**opts)))


def _check(items: list[Document | IngestError]) -> list[Document]:
    docs = [i for i in items if isinstance(i, Document)]
    assert all(isinstance(i, Document | IngestError) for i in items)
    for doc in docs:
        doc.text.encode("utf-8")  # never a lone surrogate
        for value in (doc.title, doc.url, doc.source, doc.path):
            (value or "").encode("utf-8")
    return docs


@FAST
@given(records=st.lists(st.dictionaries(st.sampled_from(["text", "published", "title", "x"]),
                                        values, max_size=4), max_size=8),
       junk=st.lists(st.binary(max_size=30), max_size=3))
def test_jsonl_every_line_gives_one_item(records: list[dict[str, Any]], junk: list[bytes]) -> None:
    lines = [json.dumps(r).encode() for r in records] + [j.replace(b"\n", b" ") for j in junk]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        items = _items(path)
    _check(items)
    assert len(items) == sum(1 for line in lines if line.strip())


@FAST
@given(rows=st.lists(st.lists(texts, min_size=1, max_size=3), max_size=6),
       raw=st.binary(max_size=200))
def test_csv_never_fails_the_file(rows: list[list[str]], raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.csv"
        with open(path, "w", newline="", encoding="utf-8", errors="surrogatepass") as fh:
            writer = csv.writer(fh)
            writer.writerow(["text", "published"])
            writer.writerows(rows)
        with open(path, "ab") as fh:
            fh.write(raw)
        items = _items(path, max_bytes=2000)
    docs = _check(items)
    assert len(docs) <= len(rows) + raw.count(b"\n") + raw.count(b"\r") + 1


@FAST
@given(body=texts, title=texts, kind=st.sampled_from(["json", "rss", "html", "txt", "xml"]))
def test_single_document_readers(body: str, title: str, kind: str) -> None:
    data = {
        "json": lambda: json.dumps([{"text": body, "title": title}, {"text": "Fine text."}]),
        "rss": lambda: (f"<rss version='2.0'><channel><title>{title}</title><item><title>"
                        f"{title}</title><description>{body}</description></item><item>"
                        "<description>Fine text.</description></item></channel></rss>"),
        "xml": lambda: body,
        "html": lambda: f"<html><head><title>{title}</title></head><body><p>{body}</p></body>",
        "txt": lambda: f"---\ntitle: {title}\npublished: {body[:12]}\n---\n{body}",
    }[kind]()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f.{kind}"
        path.write_bytes(data.encode("utf-8", "surrogatepass"))
        items = _items(path)
    docs = _check(items)
    if kind == "json":  # a bad record never costs the others
        assert "Fine text." in [d.text for d in docs]
    elif kind == "rss":  # ... unless it breaks the XML of the whole feed, which is recorded
        assert "Fine text." in [d.text for d in docs] or len(items) > len(docs)


@FAST
@given(text=texts)
def test_segments_and_offsets(text: str) -> None:
    norm = normalise(text)
    pieces = segments(norm, size=50, run=20)
    assert "".join(p.text for p in pieces) == norm.text
    for piece in pieces:
        assert len(piece.text) <= 50
        start, end = piece.to_original(0, len(piece.text))
        assert 0 <= start <= end <= len(text)


@FAST
@given(sentences=st.lists(texts, min_size=1, max_size=4), title=texts,
       fmt=st.sampled_from(["csv", "parquet", "jsonl"]),
       layout=st.sampled_from(["native", "acled", "gdelt"]))
def test_exports_of_hostile_text(sentences: list[str], title: str, fmt: str, layout: str) -> None:
    from sitrep.text import scrub

    store = Store(":memory:")
    docs = [make_doc(scrub(f"Troops attacked {s}. Rebels clashed."), date(2020, 1, 3),
                     scrub(title)) for s in sentences]
    store.add_batch([(d, fake_events(d)) for d in docs if "CRASH" not in d.text])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"out.{fmt}"
        store.export(out, fmt, layout)
        if fmt == "csv":  # the GDELT layouts are tab-separated and unquoted, as GDELT's files
            tsv = {"delimiter": "\t", "quoting": csv.QUOTE_NONE} if layout == "gdelt" else {}
            with open(out, newline="", encoding="utf-8") as fh:
                cells = [c for row in csv.reader(fh, **tsv) for c in row]
            risky = [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
            assert not risky


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(items=st.lists(st.tuples(texts, st.one_of(st.none(), st.sampled_from(
    ["2021-03-14", "0001-01-01", "9999-12-31", "garbage"]), st.dates())), max_size=6))
def test_code_and_code_batch_never_crash(coder: Any, items: list[tuple[str, Any]]) -> None:
    errors: list[tuple[int, Exception]] = []
    results = list(coder.code_batch(items, error_handler=lambda i, _, e: errors.append((i, e))))
    assert len(results) == len(items)
    assert all(isinstance(e, SitrepError) for _, e in errors), errors
    for (text, published), events in zip(items, results, strict=True):
        for event in events:
            for span in (event.trigger, *event.mentions):
                assert text[span.start:span.end] == span.text
        try:
            single = coder.code(text, published)
        except SitrepError:
            continue
        assert [e.to_dict() for e in single] == [e.to_dict() for e in events]


def test_hostile_bits_are_printable_test_data() -> None:
    assert all(isinstance(bit, str) for bit in HOSTILE_BITS) and string.ascii_letters
