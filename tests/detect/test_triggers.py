from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.detect.lexicon import Lexicon
from sitrep.detect.triggers import find_triggers
from sitrep.errors import SitrepError
from tests.conftest import make_doc

PEOPLE = frozenset({"soldier", "prisoner", "people"})
TRIGGERS = """# test lexicon
phrase\tpos\tcameo\tmode\twhen\tnote
kill\tVERB\t190\t\t\t
execute\tVERB\t1823\t\tobj=person;not_obj=policy\t
strike\tNOUN\t190\t\t\t
drone strike\tNOUN\t195\tdrone\t\t
open fire\tVERB\t190\t\tprep=on\t
"""


@pytest.fixture()
def lexicon(tmp_path: Path) -> Lexicon:
    (tmp_path / "triggers.tsv").write_text(TRIGGERS, encoding="utf-8")
    (tmp_path / "cues.tsv").write_text("cue\tkind\tnote\nnot\tnegation\t\n", encoding="utf-8")
    (tmp_path / "instruments.tsv").write_text(
        "phrase\tinstrument\tcameo\tplover_mode\ndrone\tdrone\t195\tdrone\n", encoding="utf-8")
    return Lexicon.load(tmp_path)


def test_multiword_noun_trigger_beats_its_head_alone(lexicon: Lexicon) -> None:
    doc = make_doc([("A", "a", "DET", "det", 2), ("drone", "drone", "NOUN", "compound", 2),
                    ("strike", "strike", "NOUN", "nsubj", 3), ("killed", "kill", "VERB", "ROOT", 3),
                    ("two", "two", "NUM", "nummod", 5), ("soldiers", "soldier", "NOUN", "dobj", 3)])
    matches = find_triggers(doc, lexicon, PEOPLE)
    assert [(m.row.cameo, doc[m.start:m.end].text) for m in matches] == [
        ("195", "drone strike"), ("190", "killed")]


def test_condition_keeps_execute_a_policy_out(lexicon: Lexicon) -> None:
    policy = make_doc([("They", "they", "PRON", "nsubj", 1), ("executed", "execute", "VERB", "ROOT", 1),
                       ("the", "the", "DET", "det", 3), ("policy", "policy", "NOUN", "dobj", 1)])
    prisoners = make_doc([("They", "they", "PRON", "nsubj", 1),
                          ("executed", "execute", "VERB", "ROOT", 1),
                          ("two", "two", "NUM", "nummod", 3),
                          ("prisoners", "prisoner", "NOUN", "dobj", 1)])
    assert find_triggers(policy, lexicon, PEOPLE) == []
    assert [m.row.cameo for m in find_triggers(prisoners, lexicon, PEOPLE)] == ["1823"]


def test_verb_phrase_with_preposition_condition(lexicon: Lexicon) -> None:
    doc = make_doc([("Police", "police", "NOUN", "nsubj", 1), ("opened", "open", "VERB", "ROOT", 1),
                    ("fire", "fire", "NOUN", "dobj", 1), ("on", "on", "ADP", "prep", 1),
                    ("people", "people", "NOUN", "pobj", 3)])
    matches = find_triggers(doc, lexicon, PEOPLE)
    assert [doc[m.start:m.end].text for m in matches] == ["opened fire"]


def test_bad_lexicon_line_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "triggers.tsv").write_text("phrase\tpos\tcameo\tmode\twhen\tnote\n"
                                           "kill\tADJ\t190\t\t\t\n", encoding="utf-8")
    (tmp_path / "cues.tsv").write_text("cue\tkind\tnote\n", encoding="utf-8")
    (tmp_path / "instruments.tsv").write_text("phrase\tinstrument\tcameo\tplover_mode\n",
                                              encoding="utf-8")
    with pytest.raises(SitrepError, match=r"E103.*triggers.tsv, line 2"):
        Lexicon.load(tmp_path)


def test_package_lexicon_loads() -> None:
    lexicon = Lexicon.load()
    assert lexicon.candidates("kill", "VERB")
    assert lexicon.cue("negation")


def test_title_case_headline_verb_tagged_as_a_name(lexicon: Lexicon) -> None:
    doc = make_doc([("Gunmen", "Gunmen", "PROPN", "compound", 1), ("Kill", "Kill", "PROPN", "ROOT", 1),
                    ("Five", "Five", "PROPN", "dobj", 1)])
    assert [(doc[m.start:m.end].text, m.row.cameo) for m in find_triggers(doc, lexicon, PEOPLE)] == [
        ("Kill", "190")]
