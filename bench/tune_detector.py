"""Decision settings of the learned detector against the real development sets, in one run.

Codes each gold file once per setting (``detect.classify.EventClassifier`` fields) and prints the
event and typing figures. Usage::

    python bench/tune_detector.py tests/gold/wcep.jsonl tests/gold/re3d.jsonl
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from sitrep.evaluate import evaluate, load_gold
from sitrep.pipeline import Coder

FIGURES = ("events.f1", "type.acled_weighted_f1", "type.main_plover", "type.cameo_root_found",
           "type.event_found", "type.no_false_event")
SETTINGS = (
    {},
    {"drop_at": 0.9},
    {"add_at": 0.65},
    {"sure_at": 0.7, "recode_at": 0.6},
)



def main(paths: list[str]) -> int:
    coder = Coder.load()
    base = coder.resources.classifier
    golds = [load_gold(Path(p)) for p in paths]
    print("setting\t" + "\t".join(f"{g.path.stem}:{f.split('.')[-1]}" for g in golds for f in FIGURES))
    for setting in SETTINGS:
        coder.resources.classifier = dataclasses.replace(base, **setting)
        cells = []
        for gold in golds:
            items = [(d.text, d.published) for d in gold.docs]
            preds = {d.id: e for d, e in zip(gold.docs, coder.code_batch(items), strict=True)}
            metrics = evaluate(gold, preds).metrics()
            cells += ["—" if metrics[f] is None else f"{metrics[f]:.3f}" for f in FIGURES]
        print(f"{setting or 'default'}\t" + "\t".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
