"""Issue 14: article text is never markup or terminal control; commands never block or
overwrite."""

from __future__ import annotations

import json
import os
import threading
from datetime import date
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.cli._safe import cell, json_line, plain
from sitrep.cli.code import _print_table
from sitrep.records import Document
from sitrep.store import Store
from tests.store.conftest import make_doc
from tests.store.fake_coder import fake_events

HOSTILE = "Troops attacked [/bold] the [red]market\x1b[2J\x1b]0;pwned\x07 \x9b31m\u202eevil."


@pytest.fixture
def hostile_store(tmp_path: Path) -> Path:
    path = tmp_path / "h.duckdb"
    doc = make_doc(HOSTILE, date(2020, 1, 3), "[/bold]\x1b[31m", path="h.txt")
    with Store(path) as store:
        store.add_batch([(doc, fake_events(doc))])
    return path


def test_safe_helpers() -> None:
    assert "\x1b" not in plain(HOSTILE) and "\\x1b[2J" in plain(HOSTILE)
    assert "\u202e" not in plain(HOSTILE) and "\x9b" not in plain(HOSTILE)
    assert cell("[/bold]").plain == "[/bold]" and cell(None).plain == ""
    line = json_line({"s": HOSTILE})
    assert json.loads(line) == {"s": HOSTILE} and not any(c in line for c in "\x1b\x9b\x07\u202e")


def test_events_table_with_markup_and_escapes(hostile_store: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    assert main(["events", "--db", str(hostile_store)]) == 0
    out = capsys.readouterr().out
    assert "[/bold]" in out and "\x1b" not in out and "\x9b" not in out and "\u202e" not in out
    assert main(["events", "--db", str(hostile_store), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and json.loads(out.splitlines()[0])["sentence"].startswith("Troops")


def test_code_table_with_markup_and_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    doc = Document("x", HOSTILE, date(2020, 1, 3), "[/bold] title\x1b[1m", path="[bold]x.txt")
    _print_table(doc, fake_events(doc))
    _print_table(doc, [])
    out = capsys.readouterr().out
    assert "[/bold]" in out and "[bold]x.txt" in out and "\x1b" not in out


def test_export_refuses_the_store_and_an_existing_file(hostile_store: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    size = hostile_store.stat().st_size
    assert main(["export", "--db", str(hostile_store), "--format", "jsonl",
                 str(hostile_store)]) == 2
    assert main(["export", "--db", str(hostile_store), "--force", str(hostile_store)]) == 2
    assert hostile_store.stat().st_size == size and "E419" in capsys.readouterr().err
    out = tmp_path / "x.csv"
    assert main(["export", "--db", str(hostile_store), str(out)]) == 0
    assert main(["export", "--db", str(hostile_store), str(out)]) == 2
    assert main(["export", "--db", str(hostile_store), "--force", str(out)]) == 0


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_code_refuses_devices_and_fifos_without_blocking(
        special: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = special
    if special == "fifo":
        path = str(tmp_path / "in.txt")
        os.mkfifo(path)
    codes: list[int] = []
    thread = threading.Thread(target=lambda: codes.append(main(["code", path])), daemon=True)
    thread.start()
    thread.join(10)
    assert codes == [2] and "E420" in capsys.readouterr().err


def test_code_reads_stdin_up_to_max_bytes(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    class Endless:
        def read(self, size: int = -1) -> bytes:
            assert size > 0, "stdin must be read with a bound"
            return b"\0" * size

    class Stdin:
        buffer = Endless()

    monkeypatch.setattr("sys.stdin", Stdin())
    assert main(["code", "-", "--max-bytes", "1000"]) == 2
    assert "E401" in capsys.readouterr().err
