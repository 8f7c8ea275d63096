"""Training the event model from the corpus (``make model``): deterministic, CPU, minutes.

    python -m sitrep.learn.train [--corpus corpus] [--out src/sitrep/data/model]
                                 [--dev tests/gold/wcep.jsonl ...] [--curve]

Needs scikit-learn (the ``train`` extra). The corpus is parsed with the coder's own spaCy
pipeline, every candidate becomes an instance (``learn.instances``), and a multinomial logistic
regression over L2-normalised binary features is fitted. A held-out tenth of the corpus (chosen
by a hash of the example id) sets the softmax temperature; the final model is refitted on all of
it. The artifact records the corpus hash, the code version and the settings.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import E, SitrepError
from .instances import Instance
from .model import MODEL_NAME, EventModel, softmax

SEED = 13
DEFAULTS = {"C": 4.0, "min_count": 2, "max_iter": 400}


@dataclass(frozen=True)
class Fitted:
    classes: tuple[str, ...]
    features: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray


def corpus_hash(files: Sequence[Path]) -> str:
    """SHA-256 over the corpus files' names and bytes, in order."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def held_out(source: str, share: int = 10) -> bool:
    """A stable 1-in-``share`` split by example id."""
    return int(hashlib.sha256(source.encode("utf-8")).hexdigest()[:8], 16) % share == 0


def vocabulary(data: Sequence[Instance], min_count: int) -> tuple[str, ...]:
    counts = Counter(f for inst in data for f in set(inst.features))
    return tuple(sorted(f for f, n in counts.items() if n >= min_count))


def matrix(data: Sequence[Instance], index: dict[str, int]) -> Any:
    """CSR matrix of L2-normalised binary features."""
    from scipy.sparse import csr_matrix

    rows, cols, values = [], [], []
    for r, inst in enumerate(data):
        known = sorted({index[f] for f in inst.features if f in index})
        for c in known:
            rows.append(r)
            cols.append(c)
            values.append(1.0 / np.sqrt(len(known)))
    return csr_matrix((values, (rows, cols)), shape=(len(data), len(index)), dtype=np.float64)


def fit(data: Sequence[Instance], C: float = 4.0, min_count: int = 2, max_iter: int = 400) -> Fitted:
    """A multinomial logistic regression over ``data``."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise SitrepError(E.E413, feature="Training the event model",
                          package="scikit-learn") from exc
    features = vocabulary(data, min_count)
    index = {f: i for i, f in enumerate(features)}
    labels = [inst.label for inst in data]
    classifier = LogisticRegression(C=C, max_iter=max_iter, random_state=SEED)
    classifier.fit(matrix(data, index), labels)
    weights = np.asarray(classifier.coef_, dtype=np.float32).T
    bias = np.asarray(classifier.intercept_, dtype=np.float32)
    return Fitted(tuple(str(c) for c in classifier.classes_), features, weights, bias)


def as_model(fitted: Fitted, temperature: float = 1.0, meta: dict[str, Any] | None = None) -> EventModel:
    index = {f: i for i, f in enumerate(fitted.features)}
    # round through float16 as the shipped file does, so measured figures are the shipped ones
    weights = fitted.weights.astype(np.float16).astype(np.float32)
    bias = fitted.bias.astype(np.float16).astype(np.float32)
    return EventModel(fitted.classes, index, weights, bias, temperature, meta or {})


def calibrate(model: EventModel, data: Sequence[Instance]) -> float:
    """The softmax temperature that minimises the negative log-likelihood on ``data``."""
    if not data:
        return 1.0
    scores = np.stack([model.scores(inst.features) for inst in data])
    gold = np.array([model.classes.index(i.label) if i.label in model.classes else -1 for i in data])
    keep = gold >= 0
    best, best_nll = 1.0, float("inf")
    for temperature in np.arange(0.3, 3.01, 0.05):
        probs = softmax(scores[keep] / temperature)
        nll = float(-np.log(probs[np.arange(len(probs)), gold[keep]] + 1e-12).mean())
        if nll < best_nll:
            best, best_nll = float(round(temperature, 2)), nll
    return best


def save(model: EventModel, features: Sequence[str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    meta = dict(model.meta, classes=list(model.classes), features=list(features),
                temperature=model.temperature)
    (out / f"{MODEL_NAME}.json").write_text(json.dumps(meta, indent=0, sort_keys=True) + "\n",
                                            encoding="utf-8")
    with (out / f"{MODEL_NAME}.npz").open("wb") as handle:
        np.savez_compressed(handle, weights=model.weights.astype(np.float16),
                            bias=model.bias.astype(np.float16))


def train(corpus: Path, out: Path, settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """Train on every corpus file under ``corpus`` and write the model to ``out``."""
    from .. import __version__
    from .corpus import corpus_files
    from .session import Session

    settings = dict(DEFAULTS, **(settings or {}))
    files = corpus_files(corpus)
    session = Session.load()
    data = session.corpus_instances(files)
    train_part = [i for i in data if not held_out(i.source)]
    tune_part = [i for i in data if held_out(i.source)]
    temperature = calibrate(as_model(fit(train_part, **settings)), tune_part)
    fitted = fit(data, **settings)
    meta = {"corpus_sha256": corpus_hash(files), "corpus_files": [p.name for p in files],
            "sitrep_version": __version__, "settings": dict(settings, seed=SEED),
            "instances": len(data), "label_counts": dict(sorted(Counter(i.label for i in data).items()))}
    model = as_model(fitted, temperature, meta)
    save(model, fitted.features, out)
    return {"instances": len(data), "features": len(fitted.features), "classes": len(fitted.classes),
            "temperature": temperature, "corpus_sha256": meta["corpus_sha256"]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.learn.train")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--out", type=Path, default=Path("src/sitrep/data/model"))
    args = parser.parse_args(argv)
    report = train(args.corpus, args.out)
    sys.stdout.write(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
