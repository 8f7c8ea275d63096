"""How the event model does on real development text, and how it grows with the corpus.

    python -m sitrep.learn.curve --dev tests/gold/wcep.jsonl tests/gold/re3d.jsonl \\
        [--shares 0.1 0.25 0.5 1.0] [--C 4]

Candidates come from the gold files (``learn.instances.from_gold``): each gold trigger with its
label, and every candidate of a no-event document as ``none``. For each share of the corpus
(a stable subset by example id) a model is fitted and scored: accuracy, weighted and macro F1
over labels, detection precision and recall, and typing accuracy of the detected events.
Needs scikit-learn (the ``train`` extra).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

from .corpus import corpus_files
from .instances import Instance
from .metrics import ModelScore, predict, score
from .session import Session
from .train import DEFAULTS, as_model, fit


def subset(data: Sequence[Instance], share: float) -> list[Instance]:
    """A stable ``share`` of the corpus, chosen by a hash of the example id."""
    def keep(source: str) -> bool:
        return int(hashlib.sha256(source.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share
    return [i for i in data if keep(i.source)]


def run(corpus: Path, dev: Sequence[Path], shares: Sequence[float],
        C: float) -> list[tuple[float, int, str, ModelScore]]:
    session = Session.load()
    data = session.corpus_instances(corpus_files(corpus))
    dev_sets = {path.name: session.gold_instances(path) for path in dev}
    out = []
    for share in shares:
        part = subset(data, share)
        model = as_model(fit(part, C=C, min_count=int(DEFAULTS["min_count"])))
        for name, instances in dev_sets.items():
            gold = [i.label for i in instances]
            out.append((share, len(part), name, score(gold, predict(model, instances))))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.learn.curve")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--dev", type=Path, nargs="+", required=True)
    parser.add_argument("--shares", type=float, nargs="+", default=[0.1, 0.25, 0.5, 1.0])
    parser.add_argument("--C", type=float, default=float(DEFAULTS["C"]))
    args = parser.parse_args(argv)
    sys.stdout.write("share\tinstances\tdev\tn\taccuracy\tweighted_f1\tmacro_f1\tdetect_p\t"
                     "detect_r\ttype_acc\n")
    for share, n, name, s in run(args.corpus, args.dev, args.shares, args.C):
        sys.stdout.write(f"{share:.2f}\t{n}\t{name}\t{s.n}\t{s.accuracy:.3f}\t{s.weighted_f1:.3f}\t"
                         f"{s.macro_f1:.3f}\t{s.detect_precision:.3f}\t{s.detect_recall:.3f}\t"
                         f"{s.type_accuracy:.3f}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
