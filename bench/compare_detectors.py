"""The lexicon-only detector against the learned one, on the same gold files, in one run.

Prints, per gold file and detector, event precision/recall/F1 and the typing figures
(``sitrep.evaluate.typing``). Usage::

    python bench/compare_detectors.py tests/gold/wcep.jsonl tests/gold/re3d.jsonl ...
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitrep.evaluate import evaluate, load_gold
from sitrep.pipeline import Coder

FIGURES = ("events.precision", "events.recall", "events.f1", "type.acled_weighted_f1",
           "type.main_plover", "type.cameo_root_found", "type.event_found", "type.no_false_event")


def main(paths: list[str]) -> int:
    coders = {"lexicon": Coder.load(event_model=False), "learned": Coder.load()}
    print("file\tdetector\t" + "\t".join(FIGURES))
    for path in paths:
        gold = load_gold(Path(path))
        for name, coder in coders.items():
            items = [(d.text, d.published) for d in gold.docs]
            preds = {d.id: events for d, events in zip(gold.docs, coder.code_batch(items), strict=True)}
            metrics = evaluate(gold, preds).metrics()
            cells = ["—" if metrics[f] is None else f"{metrics[f]:.3f}" for f in FIGURES]
            print(f"{gold.name}\t{name}\t" + "\t".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
