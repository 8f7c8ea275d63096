"""Benchmark of the knowledge base and gazetteer: load time, memory, lookups per second.

Usage: ``python bench/bench_resolve.py [--cold]``. ``--cold`` first rebuilds the gazetteer
cache from the GeoNames packages (a one-off on a fresh machine). Mentions are the gold ones
in tests/gold/, so the figures reflect real mention lengths and hit/miss mixes.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from sitrep.resolve._geonames import build_table, cache_path, load_table
from sitrep.resolve.actors import ActorKB, resolve_actor
from sitrep.resolve.gazetteer import Gazetteer

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold"


def _mentions(name: str) -> list[dict[str, object]]:
    with (GOLD / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _rate(call: Callable[[], object], count: int, seconds: float = 1.0) -> float:
    """Calls per second of ``call`` (``count`` lookups per call), over at least ``seconds``."""
    done, began = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - began) < seconds:
        call()
        done += count
    return done / elapsed


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cold", action="store_true", help="rebuild the gazetteer cache first")
    args = parser.parse_args()
    if args.cold:
        began = time.perf_counter()
        cache_path().unlink(missing_ok=True)
        build_table()
        print(f"gazetteer build from GeoNames packages: {time.perf_counter() - began:.1f} s")
    load_table()  # make sure the cache exists before timing the warm load
    rss0 = _rss_mb()
    began = time.perf_counter()
    kb = ActorKB.load()
    kb_seconds = time.perf_counter() - began
    tracemalloc.start()  # a second load, traced: tracing slows loading, so it is not timed
    ActorKB.load()
    kb_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    began = time.perf_counter()
    gazetteer = Gazetteer.load()
    gaz_seconds = time.perf_counter() - began
    print(
        f"load: actor KB {kb_seconds:.2f} s (peak {kb_peak:.0f} MB traced), "
        f"gazetteer {gaz_seconds:.2f} s, together {kb_seconds + gaz_seconds:.2f} s"
    )
    print(f"memory: max RSS {_rss_mb():.0f} MB (grew {_rss_mb() - rss0:.0f} MB while loading)")
    actors, places = _mentions("actors_gold.jsonl"), _mentions("places_gold.jsonl")
    names = [str(a["mention"]) for a in actors]
    place_args = [(str(p["mention"]), list(p["context_countries"])) for p in places]  # type: ignore[call-overload]
    rates = {
        "ActorKB.lookup": _rate(lambda: [kb.lookup(n) for n in names], len(names)),
        "ActorKB.country": _rate(lambda: [kb.country(n) for n in names], len(names)),
        "resolve_actor": _rate(lambda: [resolve_actor(kb, n) for n in names], len(names)),
        "Gazetteer.resolve": _rate(
            lambda: [gazetteer.resolve(n, context_countries=c) for n, c in place_args],
            len(place_args),
        ),
    }
    for label, rate in rates.items():
        print(f"{label:18} {rate:10,.0f} lookups/s  ({1e6 / rate:6.1f} µs each)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
