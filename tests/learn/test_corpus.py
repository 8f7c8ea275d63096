"""The corpus scheme: every line checked against the ontologies, with file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.learn.corpus import Checker, CorpusError, corpus_files, load_corpus, main
from sitrep.ontology import Ontology

GOOD = {"id": "t-0001", "text": "Gunmen killed five villagers in Zamfara on Saturday.",
        "event": True, "trigger": "killed", "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack", "plover": "ASSAULT", "cameo": "180",
        "modality": "asserted", "country": "NGA", "genre": "wire_lead",
        "provenance": "written:corpus/BRIEF.md"}
NEGATIVE = {"id": "t-0002", "text": "A bus plunged into a ravine, killing 12 passengers.",
            "event": False, "trigger": "killing", "modality": "none", "negative": "accident",
            "provenance": "written:corpus/BRIEF.md"}


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(Ontology.load())


def test_good_lines_pass(checker: Checker) -> None:
    assert checker.problems(GOOD) == []
    assert checker.problems(NEGATIVE) == []
    assert checker.problems({**GOOD, "cameo": "010", "plover": None,
                             "acled_event_type": None, "acled_sub_event_type": None}) == []


@pytest.mark.parametrize(("change", "field"), [
    ({"trigger": "shot"}, "trigger"),
    ({"cameo": "999"}, "cameo"),
    ({"plover": "AID"}, "plover"),
    ({"acled_sub_event_type": "Grenade"}, "acled_sub_event_type"),
    ({"acled_event_type": None}, "acled_event_type/acled_sub_event_type"),
    ({"modality": "planned"}, "modality"),
    ({"negative": "accident"}, "negative"),
    ({"genre": "blog"}, "genre"),
    ({"colour": "red"}, "colour"),
])
def test_each_break_names_its_field(checker: Checker, change: dict[str, object], field: str) -> None:
    problems = checker.problems({**GOOD, **change})
    assert any(p.startswith(f"{field}:") for p in problems), problems


def test_a_non_event_needs_its_reason(checker: Checker) -> None:
    problems = checker.problems({**NEGATIVE, "negative": None})
    assert any(p.startswith("negative:") for p in problems)
    assert any(p.startswith("modality:") for p in checker.problems({**NEGATIVE, "modality": "asserted"}))


def test_load_refuses_a_bad_corpus_and_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "cameo": "999"}) + "\n",
                    encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x\.jsonl:2: cameo"):
        load_corpus([path], Ontology.load())


def test_duplicate_ids_across_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]) == 1
    assert "also at" in capsys.readouterr().out


def test_corpus_files_leave_out_dev_data_and_second_labels(tmp_path: Path) -> None:
    for folder, name in (("written", "a"), ("dev", "b"), ("agreement", "c")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{name}.jsonl").write_text("", encoding="utf-8")
    assert [p.name for p in corpus_files(tmp_path)] == ["a.jsonl"]
