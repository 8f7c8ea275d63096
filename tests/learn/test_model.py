"""The shipped event model: loads, agrees with its corpus and label table, predicts sensibly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from sitrep.errors import SitrepError
from sitrep.learn.corpus import corpus_files
from sitrep.learn.labels import load_labels
from sitrep.learn.model import EventModel
from sitrep.learn.train import corpus_hash, held_out
from sitrep.ontology import Ontology

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def model() -> EventModel:
    return EventModel.load()


def test_the_shipped_model_was_trained_on_this_corpus(model: EventModel) -> None:
    files = corpus_files(ROOT / "corpus")
    assert model.meta["corpus_files"] == [p.name for p in files]
    assert model.meta["corpus_sha256"] == corpus_hash(files), (
        "corpus/ changed since the model was trained: run `make model`")


def test_the_artifact_records_how_it_was_made(model: EventModel) -> None:
    assert {"sitrep_version", "settings", "instances", "label_counts"} <= set(model.meta)
    assert model.meta["settings"]["seed"] == 13
    size = sum(p.stat().st_size for p in (ROOT / "src/sitrep/data/model").glob("event_model.*"))
    assert size < 60_000_000


def test_every_class_has_a_label_row_with_a_real_code(model: EventModel) -> None:
    labels, ontology = load_labels(), Ontology.load()
    assert set(model.classes) <= set(labels)
    assert {"none", "background"} <= set(model.classes)
    for info in labels.values():
        assert info.cameo is None or ontology.has_code(info.cameo), info


def test_probabilities_are_a_distribution(model: EventModel) -> None:
    probs = model.predict_proba(["bias", "t:attack", "c:nsubj:gunman", "s:gunman", "s:village",
                                 "lex:19", "lexc:190"])
    assert abs(sum(probs.values()) - 1.0) < 1e-4
    assert max(probs, key=lambda k: probs[k]) == "Attack"
    assert model.predict_proba([]) == model.predict_proba(["never-seen-feature"])


def test_a_broken_artifact_is_a_catalogue_error(tmp_path: Path) -> None:
    (tmp_path / "event_model.json").write_text(json.dumps({"classes": ["a"], "features": ["x"]}))
    np.savez(tmp_path / "event_model.npz", weights=np.zeros((2, 1)), bias=np.zeros(1))
    with pytest.raises(SitrepError, match="E600"):
        EventModel.load(tmp_path)
    with pytest.raises(SitrepError, match="E600"):
        EventModel.load(tmp_path / "missing")


def test_the_held_out_split_is_stable() -> None:
    assert [held_out(f"x-{i}") for i in range(40)] == [held_out(f"x-{i}") for i in range(40)]
    assert 0 < sum(held_out(f"x-{i}") for i in range(1000)) < 200
