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


def _tagged(rows: list[tuple[str, str, str, str, int, str]]):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=[r[0] for r in rows], lemmas=[r[1] for r in rows],
               pos=[r[2] for r in rows], deps=[r[3] for r in rows], heads=[r[4] for r in rows],
               tags=[r[5] for r in rows])


def _lexicon_with(tmp_path: Path, rows: str) -> Lexicon:
    (tmp_path / "triggers.tsv").write_text(TRIGGERS + rows, encoding="utf-8")
    (tmp_path / "cues.tsv").write_text("cue\tkind\tnote\nnot\tnegation\t\n", encoding="utf-8")
    (tmp_path / "instruments.tsv").write_text("phrase\tinstrument\tcameo\tplover_mode\n",
                                              encoding="utf-8")
    return Lexicon.load(tmp_path)


def test_present_tense_verb_tagged_as_a_noun_at_the_root_is_read_as_the_verb(tmp_path: Path) -> None:
    lexicon = _lexicon_with(tmp_path, "detonate\tVERB\t183\t\t\t\n")
    doc = _tagged([("Two", "two", "NUM", "nummod", 3, "CD"),
                   ("roadside", "roadside", "NOUN", "compound", 2, "NN"),
                   ("bombs", "bomb", "NOUN", "compound", 3, "NNS"),
                   ("detonate", "detonate", "NOUN", "ROOT", 3, "NN"), (".", ".", "PUNCT", "punct", 3, ".")])
    assert [m.row.cameo for m in find_triggers(doc, lexicon, PEOPLE)] == ["183"]
    noun = _tagged([("The", "the", "DET", "det", 1, "DT"), ("detonate", "detonate", "NOUN", "ROOT", 1, "NN"),
                    (".", ".", "PUNCT", "punct", 1, ".")])
    assert find_triggers(noun, lexicon, PEOPLE) == []  # a determiner: a noun after all


def test_last_word_of_an_untagged_multiword_name_is_not_a_trigger(tmp_path: Path) -> None:
    lexicon = _lexicon_with(tmp_path, "treaty\tNOUN\t057\t\t\t\n")
    rows = [("They", "they", "PRON", "nsubj", 1, "PRP"), ("backed", "back", "VERB", "ROOT", 1, "VBD"),
            ("the", "the", "DET", "det", 5, "DT"), ("Israel", "Israel", "PROPN", "compound", 5, "NNP"),
            ("Peace", "Peace", "PROPN", "compound", 5, "NNP"),
            ("Treaty", "treaty", "PROPN", "dobj", 1, "NNP"),
            (".", ".", "PUNCT", "punct", 1, ".")]
    assert find_triggers(_tagged(rows), lexicon, PEOPLE) == []
    plain = [("They", "they", "PRON", "nsubj", 1, "PRP"), ("signed", "sign", "VERB", "ROOT", 1, "VBD"),
             ("a", "a", "DET", "det", 3, "DT"), ("treaty", "treaty", "NOUN", "dobj", 1, "NN"),
             (".", ".", "PUNCT", "punct", 1, ".")]
    assert [m.row.cameo for m in find_triggers(_tagged(plain), lexicon, PEOPLE)] == ["057"]


def test_shot_dead_misread_as_a_noun_and_an_adjective_is_still_the_act(tmp_path: Path) -> None:
    lexicon = _lexicon_with(tmp_path, "shoot dead\tVERB\t190\t\t\t\n")
    doc = _tagged([("gunmen", "gunman", "NOUN", "nsubj", 5, "NNS"),
                   ("on", "on", "ADP", "prep", 0, "IN"), ("a", "a", "DET", "det", 4, "DT"),
                   ("motorcycle", "motorcycle", "NOUN", "compound", 4, "NN"),
                   ("shot", "shot", "NOUN", "pobj", 1, "NN"), ("dead", "dead", "ADJ", "ROOT", 5, "JJ"),
                   ("a", "a", "DET", "det", 7, "DT"), ("cleric", "cleric", "NOUN", "dobj", 5, "NN"),
                   (".", ".", "PUNCT", "punct", 5, ".")])
    matches = find_triggers(doc, lexicon, PEOPLE)
    assert [(doc[m.start:m.end].text, m.head) for m in matches] == [("shot dead", 5)]
