"""The learned decision on candidates: drop, keep, recode, add a root; with a hand-made model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.lang.en import English

from sitrep.detect.classify import EventClassifier
from sitrep.detect.lexicon import Lexicon
from sitrep.learn.labels import load_labels
from sitrep.learn.model import EventModel
from tests.conftest import make_doc

VOCAB = English().vocab
CLASSES = ("none", "background", "Air/drone strike", "R:04")
# one feature per class, strong enough to decide alone
WEIGHTS = {"t:bomb": "Air/drone strike", "t:meet": "R:04", "t:score": "none",
           "t:hold": "R:04", "t:strike": "Air/drone strike"}


def _model() -> EventModel:
    features = sorted(WEIGHTS)
    weights = np.zeros((len(features), len(CLASSES)), dtype=np.float32)
    for row, feature in enumerate(features):
        weights[row, CLASSES.index(WEIGHTS[feature])] = 12.0
    return EventModel(CLASSES, {f: i for i, f in enumerate(features)}, weights,
                      np.zeros(len(CLASSES), dtype=np.float32))


@pytest.fixture()
def lexicon(tmp_path: Path) -> Lexicon:
    (tmp_path / "triggers.tsv").write_text(
        "phrase\tpos\tcameo\tmode\twhen\tnote\nbomb\tVERB\t183\t\t\t\nmeet\tVERB\t040\t\t\t\n"
        "score\tVERB\t190\t\t\t\n", encoding="utf-8")
    (tmp_path / "cues.tsv").write_text("cue\tkind\tnote\n", encoding="utf-8")
    (tmp_path / "instruments.tsv").write_text("phrase\tinstrument\tcameo\tplover_mode\n",
                                              encoding="utf-8")
    return Lexicon.load(tmp_path)


def _doc(subject: str, verb: str, lemma: str, obj: str):  # type: ignore[no-untyped-def]
    rows = [(subject, subject.lower(), "NOUN", "nsubj", 1), (verb, lemma, "VERB", "ROOT", 1),
            (obj, obj.lower(), "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
    return make_doc(rows, vocab=VOCAB)


def _classifier(**settings: object) -> EventClassifier:
    return EventClassifier(_model(), load_labels(), **settings)  # type: ignore[arg-type]


def test_a_candidate_the_model_calls_no_event_is_dropped(lexicon: Lexicon) -> None:
    doc = _doc("Striker", "scored", "score", "goals")
    assert _classifier().decide(doc, lexicon, frozenset()) == []


def test_a_lexicon_code_that_does_not_fit_the_class_is_replaced(lexicon: Lexicon) -> None:
    doc = _doc("Jets", "bombed", "bomb", "positions")
    [decision] = _classifier().decide(doc, lexicon, frozenset())
    assert decision.label == "Air/drone strike" and decision.match.row.cameo == "195"
    assert decision.p_event > 0.99 and decision.sure_label == "Air/drone strike"
    assert decision.instrument == "aircraft"
    [kept] = _classifier(recode=False).decide(doc, lexicon, frozenset())
    assert kept.match.row.cameo == "183"


def test_a_fitting_lexicon_code_stays(lexicon: Lexicon) -> None:
    doc = _doc("Ministers", "met", "meet", "envoys")
    [decision] = _classifier().decide(doc, lexicon, frozenset())
    assert decision.label == "R:04" and decision.match.row.cameo == "040"


def test_a_sentence_root_becomes_an_event_only_when_the_model_is_sure(lexicon: Lexicon) -> None:
    doc = _doc("Leaders", "held", "hold", "talks")
    [decision] = _classifier().decide(doc, lexicon, frozenset())
    assert decision.match.head == 1 and decision.match.row.cameo == "040"
    assert _classifier(roots=False).decide(doc, lexicon, frozenset()) == []
    assert _classifier(add_at=1.01).decide(doc, lexicon, frozenset()) == []
