from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.cli import main

SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "soleimani_2020-01-03.txt"


def test_missing_file_is_one_line_naming_the_file(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["code", str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "E005" in err and err.count("\n") == 1


def test_binary_file_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    assert main(["code", str(path)]) == 2
    assert "E007" in capsys.readouterr().err


def test_invalid_utf8_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 bombing".encode("latin-1"))
    assert main(["code", str(path)]) == 2
    assert "E006" in capsys.readouterr().err


def test_unclosed_front_matter_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fm.txt"
    path.write_text("---\ntitle: x\nGunmen attacked.", encoding="utf-8")
    assert main(["code", str(path)]) == 2
    assert "E008" in capsys.readouterr().err


@pytest.mark.slow
def test_seed_as_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", str(SEED), "--published", "2020-01-03", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sum(r["main"] for r in records) == 1
    starts = [r["mentions"][0]["start"] for r in records]
    assert len(records) >= 5 and starts == sorted(starts)


@pytest.mark.slow
def test_front_matter_date_is_used(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: Raid\npublished: 2021-03-14\n---\nGunmen killed five villagers "
                    "in Zamfara State on Saturday, police said.\n", encoding="utf-8")
    assert main(["code", str(path), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and records[0]["event_date"] == "2021-03-13"
