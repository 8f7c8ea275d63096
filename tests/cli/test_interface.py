"""The command line behaves as the API does (issue 10): formats, stdout, filters, verbosity,
piped tables, no empty store, non-English input reported."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from sitrep import __version__
from sitrep.cli import code as cli_code
from sitrep.cli import main
from sitrep.language import NonEnglishWarning, non_english, warn_if_not_english
from sitrep.records import Document
from tests.cli.test_store_cli import corpus  # noqa: F401  (fixture)

FRENCH = ("Des hommes armés ont attaqué un marché à Bamako mardi, tuant cinq personnes, selon la "
          "police locale.")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"sitrep {__version__}"


def test_unknown_type_lists_the_valid_ones(corpus: Path,  # noqa: F811
                                           capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", "in"])
    capsys.readouterr()
    assert main(["events", "--type", "Foo"]) == 2
    err = capsys.readouterr().err
    assert "E416" in err and "ASSAULT" in err and "Battles" in err and "Armed clash" in err
    assert main(["events", "--type", "battles", "--format", "jsonl"]) == 0


def test_export_format_from_extension_and_stdout(corpus: Path,  # noqa: F811
                                                 capfdbinary: pytest.CaptureFixture[bytes]
                                                 ) -> None:
    main(["-q", "ingest", "in"])
    assert main(["export", "--layout", "acled", "x.parquet"]) == 0
    assert (corpus / "x.parquet").read_bytes()[:4] == b"PAR1"
    assert len(pd.read_parquet(corpus / "x.parquet")) == 3
    capfdbinary.readouterr()
    assert main(["export", "--layout", "gdelt", "-"]) == 0
    sys.stdout.flush()
    captured = capfdbinary.readouterr()
    lines = captured.out.decode().splitlines()
    assert len(lines) == 3 and all(len(line.split("\t")) == 61 for line in lines)
    assert b"wrote 3 rows" in captured.err and not (corpus / "-").exists()


def test_quiet_and_verbose(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    assert main(["ingest", "-q", "in"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "bad.json" in err  # errors are still reported
    assert main(["-v", "export", "x.csv"]) == 0 and "wrote 3 rows" in capsys.readouterr().out
    assert main(["export", "-q", "y.csv"]) == 0 and capsys.readouterr().out == ""


def test_piped_table_is_not_cut(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    main(["ingest", "in"])
    capsys.readouterr()
    assert main(["events"]) == 0
    out = capsys.readouterr().out
    assert "Groups attacked in the city and 1 people were killed." in out
    assert max(len(line) for line in out.splitlines()) > 80


def test_ingest_of_nothing_creates_no_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from sitrep.cli import store as cli_store
    from tests.store.fake_coder import FakeCoder

    monkeypatch.setattr(cli_store, "load_coder", lambda args: FakeCoder())
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", "nothing.txt"]) == 1
    assert "E400" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_non_english_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    found = non_english(FRENCH)
    assert found is not None and found.code == "fr" and str(found) == "French (fr)"
    assert non_english("Gunmen attacked a market in Bamako on Tuesday, killing five people, "
                       "police said.") is None
    assert non_english("Bamako") is None  # too short to tell
    with pytest.warns(NonEnglishWarning, match="French"):
        warn_if_not_english(FRENCH)
    cli_code._note_language(Document("x", FRENCH, path="fr.txt"))
    assert "fr.txt looks like French (fr), not English" in capsys.readouterr().err


def test_language_table_is_data() -> None:
    from sitrep.language import _names

    assert _names()["ar"] == "Arabic" and json.dumps(_names())


def test_ingest_names_non_english_documents(corpus: Path,  # noqa: F811
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "in" / "fr.txt").write_text(f"---\npublished: 2022-03-04\n---\n{FRENCH}\n")
    main(["ingest", "in"])
    out = capsys.readouterr().out
    assert "1 documents are not in English" in out and "fr.txt (French (fr))" in out
