"""Candidate features read off a hand-built parse."""

from __future__ import annotations

from spacy.lang.en import English

from sitrep.learn.features import candidate_features, lexicon_features
from tests.conftest import make_doc

VOCAB = English().vocab

ROWS = [("Gunmen", "gunman", "NOUN", "nsubj", 1), ("killed", "kill", "VERB", "ROOT", 1),
        ("5", "5", "NUM", "nummod", 3), ("villagers", "villager", "NOUN", "dobj", 1),
        ("in", "in", "ADP", "prep", 1), ("Zamfara", "Zamfara", "PROPN", "pobj", 4),
        (".", ".", "PUNCT", "punct", 1)]


def test_trigger_window_syntax_and_sentence_bag() -> None:
    doc = make_doc(ROWS, vocab=VOCAB)
    feats = candidate_features(doc[1], 1, 2, doc[:], lexicon_features("190"))
    assert {"bias", "lex:19", "lexc:190", "t:kill", "tp:kill|VERB", "tdep:ROOT"} <= set(feats)
    assert {"c:nsubj:gunman", "c:dobj:villager", "pp:in:zamfara", "tpp:kill:in"} <= set(feats)
    assert {"w-1:gunman", "w+1:<num>", "s:villager", "s2:kill_<num>"} <= set(feats)
    assert "headline" not in feats  # the sentence ends with a full stop


def test_modal_negation_and_conditional_cues() -> None:
    rows = [("If", "if", "SCONJ", "mark", 2), ("rebels", "rebel", "NOUN", "nsubj", 2),
            ("attack", "attack", "VERB", "advcl", 5), ("troops", "troop", "NOUN", "nsubj", 5),
            ("will", "will", "AUX", "aux", 5), ("respond", "respond", "VERB", "ROOT", 5)]
    doc = make_doc(rows, vocab=VOCAB)
    feats = candidate_features(doc[2], 2, 3, doc[:])
    assert "conditional" in feats and "lex:none" in feats
    assert "modal_above" in feats  # "will" governs the clause the trigger hangs under


def test_lexicon_features_say_whether_the_sense_conditions_hold() -> None:
    assert lexicon_features(None) == ["lex:none"]
    assert lexicon_features("145", "riot", conditioned=True, holds=False) == [
        "lex:14", "lexc:145", "lexm:riot", "lexcond:fails"]
