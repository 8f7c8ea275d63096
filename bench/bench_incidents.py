"""Score cross-article incidents and within-article links on the incident gold set.

    python bench/bench_incidents.py [tests/gold/incidents/clusters_part*.jsonl]

Codes every gold article with the real coder, clusters the main events, finds links, and
prints pairwise and B-cubed precision/recall and link precision/recall as JSON.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from sitrep import Coder
from sitrep.incidents.evaluate import evaluate, load_gold

GOLD = sorted((Path(__file__).resolve().parents[1] / "tests/gold/incidents").glob("*.jsonl"))


def main(argv: list[str]) -> int:
    articles = load_gold(argv or GOLD)
    coder = Coder.load()
    start = time.perf_counter()
    scores = evaluate(articles, lambda items: coder.code_batch(items))
    out = scores.to_dict() | {"seconds": round(time.perf_counter() - start, 1)}
    print(json.dumps(out, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
