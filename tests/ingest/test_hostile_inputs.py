"""Issue 14: inputs an attacker or a careless user gives the readers never lose the rest of a
file, never block and never hold more than a limit in memory."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from sitrep.ingest import IngestError, SourceOptions, iter_sources
from sitrep.ingest.sources import SourceUnit, estimate
from sitrep.records import Document
from tests.ingest.conftest import RSS

GOOD = [f"Gunmen attacked village number {i} on Saturday as police said." for i in range(12)]


def _read(*paths: Path, **opts: object) -> tuple[list[Document], list[IngestError]]:
    items = list(iter_sources([str(p) for p in paths], SourceOptions(**opts)))  # type: ignore[arg-type]
    return ([i for i in items if isinstance(i, Document)],
            [i for i in items if isinstance(i, IngestError)])


def test_lone_surrogate_in_jsonl_loses_only_its_record(tmp_path: Path) -> None:
    lines = [json.dumps({"text": t, "published": "2021-03-14"}) for t in GOOD]
    lines[4] = '{"text": "Gunmen killed five villagers \\ud83d", "published": "2021-03-14"}'
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    docs, errors = _read(tmp_path / "a.jsonl")
    assert len(docs) == 11 and [(e.source.rsplit(":", 1)[1], e.code) for e in errors] == [
        ("5", "E012")]


def test_lone_surrogate_in_json_list_and_title(tmp_path: Path) -> None:
    records = [{"text": t} for t in GOOD]
    (tmp_path / "a.json").write_text(json.dumps(records).replace(
        GOOD[3], "Truncated emoji \\ud83d here").replace('"text": "' + GOOD[5],
                                                         '"title": "T\\udc00", "text": "' + GOOD[5]))
    docs, errors = _read(tmp_path / "a.json")
    assert len(docs) == 11 and [e.code for e in errors] == ["E012"]
    assert [d.title for d in docs if d.title] == ["T\ufffd"]  # metadata is repaired, not lost


def test_surrogate_character_reference_in_a_feed_loses_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_text(RSS.replace("Clashes in Tripoli", "Clashes &#xD83D; Tripoli")
                                    .replace("Short summary", "Short &#55357; summary"))
    docs, errors = _read(tmp_path / "a.rss")
    assert [d.title for d in docs] == ["Clashes \ufffd Tripoli", "Protest in Basra"]
    assert [e.code for e in errors] == ["E402"]  # the empty entry, as before


def test_csv_field_over_131072_characters_and_its_estimate(tmp_path: Path) -> None:
    long_text = "Troops attacked the town. " * 6_000  # 156,000 characters
    path = tmp_path / "a.csv"
    path.write_text(f'text\n"{long_text}"\nShort one.\n')
    docs, errors = _read(path)
    assert errors == [] and [len(d.text) for d in docs] == [len(long_text), 10]
    assert estimate(SourceUnit("csv", str(path))) == 2


def test_csv_larger_than_max_bytes_is_read_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("text\n" + "".join(f"{t}\n" for t in GOOD))
    assert path.stat().st_size > 600
    docs, errors = _read(path, max_bytes=100)
    assert len(docs) == 12 and errors == []


def test_unterminated_quote_does_not_swallow_the_next_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('text,published\n"Gunmen killed five,2020-01-01\n'
                    f"{GOOD[0]},2020-01-02\n{GOOD[1]},2020-01-03\n")
    docs, errors = _read(path)
    assert [d.text for d in docs] == GOOD[:2]
    assert [(e.source, e.code) for e in errors] == [(f"{path}:2", "E405")]


def test_csv_quote_open_until_the_end_of_a_one_column_file(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f'text\n"{GOOD[0]}\n{GOOD[1]}\n')
    docs, errors = _read(path)
    assert [d.text for d in docs] + [e.code for e in errors] in (
        [f"{GOOD[0]}\n{GOOD[1]}\n"], [GOOD[1], "E405"])  # one field, or the line after it


def test_overlong_jsonl_line_is_skipped_without_being_held(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": GOOD[0]}) + "\n")
    docs, errors = _read(path, max_bytes=1000)
    assert [d.text for d in docs] == [GOOD[0]] and [e.code for e in errors] == ["E401"]


@pytest.mark.parametrize("kind", ["jsonl", "csv", "txt", "json", "rss", "html"])
def test_fifo_is_refused_without_blocking(tmp_path: Path, kind: str) -> None:
    fifo = tmp_path / f"pipe.{kind}"
    os.mkfifo(fifo)
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(_read(fifo)), daemon=True)
    thread.start()
    thread.join(5)
    assert result, "reading a FIFO blocked"
    docs, errors = result[0]  # type: ignore[misc]
    assert docs == [] and [e.code for e in errors] == ["E420"]
    assert estimate(SourceUnit("jsonl", str(fifo))) == 1


def test_dev_zero_is_refused_at_once() -> None:
    started = time.perf_counter()
    docs, errors = _read(Path("/dev/zero"))
    assert docs == [] and [e.code for e in errors] == ["E420"]
    assert time.perf_counter() - started < 2


def test_symlink_out_of_a_directory_is_not_followed_unless_asked(tmp_path: Path) -> None:
    outside, inside = tmp_path / "secret", tmp_path / "news"
    outside.mkdir()
    inside.mkdir()
    (outside / "private.txt").write_text("Private notes about an attack.")
    (inside / "a.txt").write_text(GOOD[0])
    (inside / "b.txt").symlink_to(inside / "a.txt")  # stays inside: read
    (inside / "leak.txt").symlink_to(outside / "private.txt")
    docs, errors = _read(inside)
    assert [Path(d.path or "").name for d in docs] == ["a.txt", "b.txt"]
    assert [(Path(e.source).name, e.code) for e in errors] == [("leak.txt", "E421")]
    docs, errors = _read(inside, follow_links=True)
    assert len(docs) == 3 and errors == []


def test_extreme_and_odd_published_values_do_not_fail_a_record(tmp_path: Path) -> None:
    values = ["0001-01-01", "9999-12-31", "Mon, 05 Apr 99999 08:00:00 GMT", "9" * 400,
              {"nested": 1}, [1, 2], 1e308, True]
    (tmp_path / "a.jsonl").write_text("".join(
        json.dumps({"text": GOOD[i], "published": v}) + "\n" for i, v in enumerate(values)))
    docs, errors = _read(tmp_path / "a.jsonl")
    assert len(docs) == len(values) and errors == []
    assert [str(d.published) for d in docs[:2]] == ["0001-01-01", "9999-12-31"]


def _store_ingest(paths: list[Path], update: bool = False) -> tuple[object, object]:
    from sitrep.ingest import ingest
    from sitrep.store import Store
    from tests.store.fake_coder import FakeCoder

    store = Store(":memory:")
    reports = [ingest([str(p)], store, FakeCoder(), update_metadata=update) for p in paths]
    return store, reports


def test_forged_copy_is_recorded_and_the_real_one_can_replace_it(tmp_path: Path) -> None:
    text = "Troops attacked the market in Baghdad, and 5 people were killed."
    (tmp_path / "forged.txt").write_text(f"---\npublished: 1999-01-01\n---\n{text}")
    (tmp_path / "real.txt").write_text(f"---\npublished: 2020-01-03\ntitle: Real\n---\n{text}")
    (tmp_path / "same.txt").write_text(f"---\npublished: 1999-01-01\n---\n{text}")
    store, reports = _store_ingest([tmp_path / "forged.txt", tmp_path / "real.txt",
                                    tmp_path / "same.txt"])
    assert [(r.duplicates, r.copies) for r in reports] == [(0, 0), (1, 1), (1, 0)]
    copies = store.copies()  # type: ignore[attr-defined]
    assert [(Path(c.path).name, str(c.published), c.title) for c in copies] == [
        ("real.txt", "2020-01-03", "Real")]
    (doc,) = [store.document(c.doc_id) for c in copies]  # type: ignore[attr-defined]
    assert str(doc.published) == "1999-01-01"  # the first copy stays until asked
    store, reports = _store_ingest([tmp_path / "forged.txt", tmp_path / "real.txt"], update=True)
    doc = store.document(doc.id)  # type: ignore[attr-defined]
    assert str(doc.published) == "2020-01-03" and doc.title == "Real"
    events = store.events()  # type: ignore[attr-defined]
    assert events and {str(e.event_date)[:4] for e in events} == {"2020"}
    assert {Path(c.path).name for c in store.copies()} == {"forged.txt", "real.txt"}  # type: ignore[attr-defined]
    assert store.counts()["documents"] == 1  # type: ignore[attr-defined]
