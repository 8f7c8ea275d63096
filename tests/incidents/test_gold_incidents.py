"""Floors on the incident gold set and the seed article's links (real coder: slow).

The floors sit just under what was measured when they were set (README.md "Incidents");
the issue's targets (pairwise precision 0.95, recall 0.90, link precision 0.85) are not met
yet, and these floors only stop the scores from falling.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.incidents import Rules, find_links
from sitrep.incidents.evaluate import evaluate, load_gold

ROOT = Path(__file__).resolve().parents[2]
GOLD = sorted((ROOT / "tests/gold/incidents").glob("clusters_part*.jsonl"))
SEED = ROOT / "tests/data/seed/soleimani_2020-01-03"  # the repo's copy: CI runs it
FLOORS = {"pairwise_precision": 0.65, "pairwise_recall": 0.45, "bcubed_precision": 0.85,
          "bcubed_recall": 0.72, "links_precision": 0.45}


def test_gold_files_parse() -> None:
    articles = load_gold(GOLD)
    assert len(articles) >= 150
    sizes: dict[str, int] = {}
    for a in articles:
        sizes[a.incident] = sizes.get(a.incident, 0) + 1
    assert sum(1 for n in sizes.values() if 2 <= n <= 8) >= 40
    assert sum(1 for a in articles if a.links) >= 30


@pytest.mark.slow
def test_gold_floors(coder) -> None:  # type: ignore[no-untyped-def]
    scores = evaluate(load_gold(GOLD), lambda items: coder.code_batch(items)).to_dict()
    assert {k: v for k, v in scores.items() if k in FLOORS and v < FLOORS[k]} == {}


@pytest.mark.slow
def test_seed_required_links_in_date_order(coder) -> None:  # type: ignore[no-untyped-def]
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    gold = json.loads(SEED.with_suffix(".gold.json").read_text(encoding="utf-8"))
    events = coder.code(text, published=gold["published"])
    links = find_links(text, events, Rules.load())
    by_id = {e.id: e for e in events}
    found = {(by_id[k.from_id].trigger.text, by_id[k.to_id].trigger.text, k.relation)
             for k in links}
    assert ("vowing", "drone strike", "retaliation_for") in found  # khamenei -> airport
    assert ("airstrikes", "targeted", "follows") in found  # us_airstrikes -> kirkuk attack
    for k in links:
        first, last = by_id[k.to_id].date_earliest, by_id[k.from_id].date_latest
        assert first is None or last is None or first <= last
