"""The learned event model at run time: a linear classifier over candidate features.

The artifact is two files under ``sitrep/data/model/``: ``event_model.json`` (classes, feature
vocabulary, temperature and the record of how it was trained: corpus hash, code version,
settings) and ``event_model.npz`` (weights and biases, float16). Prediction is a sum of weight
rows and a softmax, in NumPy; training (``sitrep.learn.train``) needs scikit-learn, running it
does not.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .._data import data_path
from ..errors import E, SitrepError

MODEL_NAME = "event_model"


@dataclass(frozen=True)
class EventModel:
    """Classes, feature index, weights (features x classes), biases and calibration."""

    classes: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    temperature: float = 1.0
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path | None = None) -> EventModel:
        """Read the shipped model (or the one in ``directory``); E600 names a missing/bad file."""
        base = directory or data_path("model")
        json_path, npz_path = base / f"{MODEL_NAME}.json", base / f"{MODEL_NAME}.npz"
        try:
            meta = json.loads(json_path.read_text(encoding="utf-8"))
            with np.load(npz_path) as arrays:
                weights = arrays["weights"].astype(np.float32)
                bias = arrays["bias"].astype(np.float32)
        except (OSError, ValueError, KeyError) as exc:
            raise SitrepError(E.E600, path=base / MODEL_NAME, cause=exc) from exc
        features = meta.pop("features")
        classes = tuple(meta.pop("classes"))
        if weights.shape != (len(features), len(classes)) or bias.shape != (len(classes),):
            raise SitrepError(E.E600, path=npz_path, cause="weights do not match the vocabulary")
        return cls(classes, {f: i for i, f in enumerate(features)}, weights, bias,
                   float(meta.get("temperature", 1.0)), meta)

    def scores(self, features: Sequence[str]) -> np.ndarray:
        """Raw class scores of one candidate (features L2-normalised as in training)."""
        rows = sorted({self.index[f] for f in features if f in self.index})
        if not rows:
            return self.bias.copy()
        total: np.ndarray = self.weights[rows].sum(axis=0) / np.sqrt(len(rows))
        return total + self.bias

    def predict_proba(self, features: Sequence[str]) -> dict[str, float]:
        """Calibrated class probabilities of one candidate."""
        probs = softmax(self.scores(features) / self.temperature)
        return dict(zip(self.classes, probs.tolist(), strict=True))


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    out: np.ndarray = shifted / shifted.sum(axis=-1, keepdims=True)
    return out
