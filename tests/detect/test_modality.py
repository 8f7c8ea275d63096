from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.detect.lexicon import Lexicon
from sitrep.detect.modality import modality_of
from tests.conftest import make_doc

CUES = """cue\tkind\tnote
not\tnegation\t
threaten\tthreatened\t
try\tattempted\t
foil\tattempted\t
deny\tdenied\t
plan\tfuture\t
often\thabitual\t
"""


@pytest.fixture()
def lexicon(tmp_path: Path) -> Lexicon:
    (tmp_path / "triggers.tsv").write_text("phrase\tpos\tcameo\tmode\twhen\tnote\n",
                                           encoding="utf-8")
    (tmp_path / "cues.tsv").write_text(CUES, encoding="utf-8")
    (tmp_path / "instruments.tsv").write_text("phrase\tinstrument\tcameo\tplover_mode\n",
                                              encoding="utf-8")
    return Lexicon.load(tmp_path)


def _verb_frame(governor: str, governor_lemma: str) -> list[tuple[str, str, str, str, int]]:
    return [("Rebels", "rebel", "NOUN", "nsubj", 1), (governor, governor_lemma, "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("attack", "attack", "VERB", "xcomp", 1),
            ("the", "the", "DET", "det", 5), ("town", "town", "NOUN", "dobj", 3)]


@pytest.mark.parametrize(("verb", "lemma", "modality"), [
    ("threatened", "threaten", "threatened"), ("tried", "try", "attempted"),
    ("denied", "deny", "denied"), ("wanted", "want", "asserted")])
def test_governing_verb_sets_modality(lexicon: Lexicon, verb: str, lemma: str, modality: str) -> None:
    doc = make_doc(_verb_frame(verb, lemma))
    assert modality_of(doc[3], lexicon).modality == modality


def test_plan_to_attack_is_hypothetical(lexicon: Lexicon) -> None:
    doc = make_doc(_verb_frame("planned", "plan"))
    assert modality_of(doc[3], lexicon).hypothetical


def test_negation_and_modal_auxiliary(lexicon: Lexicon) -> None:
    negated = make_doc([("Police", "police", "NOUN", "nsubj", 3), ("did", "do", "AUX", "aux", 3),
                        ("not", "not", "PART", "neg", 3), ("attack", "attack", "VERB", "ROOT", 3)])
    could = make_doc([("Rebels", "rebel", "NOUN", "nsubj", 2), ("could", "could", "AUX", "aux", 2),
                      ("attack", "attack", "VERB", "ROOT", 2)])
    assert modality_of(negated[3], lexicon).negated
    assert modality_of(could[2], lexicon).hypothetical
    assert not modality_of(could[2], lexicon).negated


def test_foiled_attack_is_attempted(lexicon: Lexicon) -> None:
    doc = make_doc([("a", "a", "DET", "det", 2), ("foiled", "foil", "VERB", "amod", 2),
                    ("attack", "attack", "NOUN", "ROOT", 2)])
    assert modality_of(doc[2], lexicon).modality == "attempted"


def test_known_for_is_background(lexicon: Lexicon) -> None:
    doc = make_doc([("warlord", "warlord", "NOUN", "ROOT", 0), ("known", "know", "VERB", "acl", 0),
                    ("for", "for", "ADP", "prep", 1), ("causing", "cause", "VERB", "pcomp", 2),
                    ("deaths", "death", "NOUN", "dobj", 3)])
    doc[1].tag_ = "VBN"
    assert modality_of(doc[4], lexicon).background
    assert not modality_of(doc[0], lexicon).background


def test_called_off_and_planned_events_are_not_events(lexicon: Lexicon) -> None:
    called_off = make_doc([("the", "the", "DET", "det", 1), ("rally", "rally", "NOUN", "nsubjpass", 4),
                           ("was", "be", "AUX", "auxpass", 4), ("not", "not", "PART", "punct", 4),
                           ("called", "call", "VERB", "ROOT", 4), ("off", "off", "ADP", "prt", 4)])
    planned = make_doc([("a", "a", "DET", "det", 1), ("march", "march", "NOUN", "ROOT", 1),
                        ("planned", "plan", "VERB", "acl", 1), ("for", "for", "ADP", "prep", 2),
                        ("Friday", "Friday", "PROPN", "pobj", 3)])
    assert modality_of(called_off[1], lexicon).negated
    assert modality_of(planned[1], lexicon).hypothetical
