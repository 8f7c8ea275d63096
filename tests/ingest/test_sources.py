from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import IngestError, SourceOptions, iter_sources
from sitrep.ingest.sources import SourceUnit, estimate, expand, is_url
from sitrep.records import Document
from sitrep.text import doc_id
from tests.ingest.conftest import ATOM, RSS


def _split(items: list) -> tuple[list[Document], list[IngestError]]:
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError)]
    return docs, errors


def _read(*inputs: str | Path, **opts: object) -> tuple[list[Document], list[IngestError]]:
    return _split(list(iter_sources(inputs, SourceOptions(**opts))))  # type: ignore[arg-type]


def test_text_with_and_without_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\ntitle: T\npublished: 2020-01-03\nurl: http://x\n---\n"
                                    "Body text here.\n", encoding="utf-8")
    (tmp_path / "b_2019-05-06.txt").write_text("Plain body.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("No date anywhere.", encoding="utf-8")
    docs, errors = _read(tmp_path)
    assert errors == []
    a, b, c = docs
    assert (a.title, a.published, a.url, a.text) == ("T", date(2020, 1, 3), "http://x",
                                                     "Body text here.\n")
    assert a.id == doc_id(a.text) and a.path == str(tmp_path / "a.txt")
    assert b.published == date(2019, 5, 6)  # taken from the file name
    assert c.published is None


def test_directories_recurse_skip_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "x.txt").write_text("deep one")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "y.txt").write_text("hidden")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "z.md").write_text("markdown one")
    units = list(expand([tmp_path]))
    assert units == [SourceUnit("text", str(tmp_path / "sub" / "deeper" / "x.txt")),
                     SourceUnit("text", str(tmp_path / "z.md"))]


def test_globs_and_missing_inputs(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.csv"):
        (tmp_path / name).write_text("text,\nsome text here,\n")
    units = list(expand([str(tmp_path / "*.txt"), str(tmp_path / "nothing*.txt")]))
    assert [u.location for u in units[:2]] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert isinstance(units[2], IngestError) and units[2].code == "E400"


def test_urls_are_recognised() -> None:
    assert is_url("https://example.org/x") and is_url("ftp://example.org")
    assert not is_url("C:/data/x.txt") and not is_url("data/x.txt")
    assert list(expand(["http://example.org/a"])) == [SourceUnit("url", "http://example.org/a")]


@pytest.mark.parametrize(("content", "code"), [
    (b"\x00\x01\x02binary\x00", "E007"),
    (b"caf\xe9 latin-1", "E006"),
    (b"   \n\n  ", "E402"),
    (b"---\ntitle: x\n---\n", "E402"),
    (b"---\ntitle: never closed\n", "E008"),
])
def test_bad_text_files_become_errors(tmp_path: Path, content: bytes, code: str) -> None:
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("A good article.")
    docs, errors = _read(tmp_path)
    assert [d.text for d in docs] == ["A good article."]
    assert [(e.source, e.code) for e in errors] == [(str(tmp_path / "bad.txt"), code)]
    assert str(tmp_path / "bad.txt") in errors[0].message


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    docs, errors = _read(big)
    assert docs == [] and [e.code for e in errors] == ["E401"]
    assert "52428800 bytes" in errors[0].message


def test_jsonl_fields_mapped_and_bad_lines_reported(tmp_path: Path) -> None:
    lines = [
        json.dumps({"body": "First.", "date": "2021-02-03", "headline": "H1", "link": "u1"}),
        "",
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"other": "no body"}),
        json.dumps({"body": "   "}),
        json.dumps({"body": "Second.", "date": "garbage"}),
    ]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _read(path, text_field="body", published_field="date",
                         title_field="headline", url_field="link")
    assert [(d.text, d.published, d.title, d.url) for d in docs] == [
        ("First.", date(2021, 2, 3), "H1", "u1"), ("Second.", None, None, None)]
    assert docs[0].path == f"{path}:1"
    assert [(e.source, e.code) for e in errors] == [
        (f"{path}:3", "E403"), (f"{path}:4", "E403"), (f"{path}:5", "E404"),
        (f"{path}:6", "E402")]
    assert "fields present: other" in errors[2].message


@pytest.mark.parametrize(("value", "expected"), [
    ("2021-02-03", date(2021, 2, 3)), ("2021-02-03T23:10:00+05:00", date(2021, 2, 3)),
    ("Mon, 05 Apr 2021 08:00:00 GMT", date(2021, 4, 5)), ("2021-02-30", None), ("soon", None),
])
def test_metadata_dates(tmp_path: Path, value: str, expected: date | None) -> None:
    (tmp_path / "x.jsonl").write_text(json.dumps({"text": "T.", "published": value}))
    (doc,), _ = _read(tmp_path / "x.jsonl")
    assert doc.published == expected


def test_jsonl_invalid_utf8_line_and_oversized_record(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"text": "ok one"}\n{"text": "caf\xe9"}\n{"text": "' + b"a" * 300 +
                     b'"}\n')
    docs, errors = _read(path, max_chars=100)
    assert [d.text for d in docs] == ["ok one"]
    assert [e.code for e in errors] == ["E006", "E418"]


def test_json_object_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": "Alone.", "published": "2020-01-01"}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": "A."}, {"x": 1}, {"text": "B."}]))
    (tmp_path / "broken.json").write_text('[{"text": "A."},')
    (tmp_path / "scalar.json").write_text("42")
    docs, errors = _read(tmp_path / "one.json", tmp_path / "many.json",
                         tmp_path / "broken.json", tmp_path / "scalar.json")
    assert [d.text for d in docs] == ["Alone.", "A.", "B."]
    assert docs[0].published == date(2020, 1, 1) and docs[1].path.endswith("many.json:[0]")
    assert [(Path(e.source).name, e.code) for e in errors] == [
        ("many.json:[1]", "E404"), ("broken.json", "E403"), ("scalar.json", "E403")]


def test_json_lines_saved_as_json(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('{"text": "One."}\n{"text": "Two."}\n')
    docs, errors = _read(tmp_path / "x.json")
    assert [d.text for d in docs] == ["One.", "Two."] and errors == []
    assert docs[1].path == f"{tmp_path / 'x.json'}:2"


def test_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('text,published,title\n"Line one,\nstill one.",2020-03-04,T1\n'
                    ',2020-03-05,empty\nextra,2020-01-01,T,surplus\nLast.,,\n', encoding="utf-8")
    docs, errors = _read(path)
    assert [(d.text, d.published, d.title) for d in docs] == [
        ("Line one,\nstill one.", date(2020, 3, 4), "T1"), ("Last.", None, None)]
    assert [(e.source, e.code) for e in errors] == [(f"{path}:4", "E402"), (f"{path}:5", "E405")]
    assert estimate(SourceUnit("csv", str(path))) == 5  # a guess: lines after the header


def test_csv_without_text_column_and_tsv(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("body,date\nx,y\n")
    (tmp_path / "b.tsv").write_text("text\ttitle\nTabbed text.\tT\n")
    (tmp_path / "c.csv").write_bytes(b"text\nok\n\x00\x00")
    docs, errors = _read(tmp_path / "a.csv", tmp_path / "b.tsv", tmp_path / "c.csv")
    assert [(d.text, d.title) for d in docs] == [("Tabbed text.", "T")]
    assert [e.code for e in errors] == ["E404", "E007"]


def test_csv_huge_field_is_allowed_up_to_max_chars(tmp_path: Path) -> None:
    text = "word " * 39_000  # 195,000 characters: over csv's own 131,072 limit, under max_chars
    (tmp_path / "a.csv").write_text(f"text\n{text}\n")
    docs, errors = _read(tmp_path / "a.csv")
    assert errors == [] and docs[0].text == text


def test_html_page_text_and_metadata(page_html: Path) -> None:
    (doc,), errors = _read(page_html)
    assert errors == []
    assert doc.published == date(2021, 3, 4)
    assert doc.title == "Militants attack army base in Borno"
    assert doc.url == "https://news.example.org/borno-attack"
    assert "killing at least seven soldiers" in doc.text
    assert "Cookie policy" not in doc.text and "Home" not in doc.text


@pytest.mark.parametrize("content", [b"", b"<html><body></body></html>", b"\x00\x00<html>",
                                     b"<<<>>>&&&"])
def test_bad_html_pages(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "bad.html").write_bytes(content)
    docs, errors = _read(tmp_path / "bad.html")
    assert docs == [] and errors[0].code in ("E406", "E007")


def test_rss_feed_entries(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    docs, errors = _read(tmp_path / "wire.rss")
    first, second = docs
    assert first.text == "Rival militias clashed in Tripoli on Sunday.\n\nThree fighters were " \
                         "killed, a hospital said."
    assert (first.published, first.title, first.url, first.source) == (
        date(2021, 4, 5), "Clashes in Tripoli", "https://wire.example.org/1", "Example Wire")
    assert second.text == "Hundreds protested in Basra over power cuts."
    assert [(e.source, e.code) for e in errors] == [(f"{tmp_path / 'wire.rss'}#2", "E402")]
    assert estimate(SourceUnit("feed", str(tmp_path / "wire.rss"))) == 3


def test_atom_feed(tmp_path: Path) -> None:
    (tmp_path / "wire.atom").write_text(ATOM, encoding="utf-8")
    (doc,), errors = _read(tmp_path / "wire.atom")
    assert errors == [] and doc.published == date(2021, 5, 2)
    assert doc.text == "An air strike hit a market near Idlib."


@pytest.mark.parametrize("content", [b"not xml at all", b"<?xml version='1.0'?><html></html>",
                                     b"<rss><channel><title>x</title></channel>"])
def test_malformed_feeds(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "bad.xml").write_bytes(content)
    docs, errors = _read(tmp_path / "bad.xml")
    assert docs == [] and [e.code for e in errors] == ["E407"]


def test_truncated_feed_keeps_complete_entries_and_records_the_break(tmp_path: Path) -> None:
    cut = RSS.index("<item><title>Empty")
    (tmp_path / "cut.rss").write_text(RSS[:cut] + "<item><title>Half", encoding="utf-8")
    docs, errors = _read(tmp_path / "cut.rss")
    assert [d.title for d in docs] == ["Clashes in Tripoli", "Protest in Basra"]
    assert errors[-1].code == "E407" and errors[-1].source == str(tmp_path / "cut.rss")


def test_reader_bug_does_not_stop_the_batch(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.ingest import _csv

    def boom(path: str, opts: SourceOptions) -> None:
        raise ZeroDivisionError("reader bug")

    monkeypatch.setattr(_csv, "read_csv", boom)
    (tmp_path / "a.csv").write_text("text\nx\n")
    (tmp_path / "b.txt").write_text("still read")
    docs, errors = _read(tmp_path)
    assert [d.text for d in docs] == ["still read"]
    assert errors[0].code == "E000" and "ZeroDivisionError" in errors[0].message
