"""Resolution accuracy on the gold mentions; CI fails when a figure drops below its floor.

tests/gold/places_gold.jsonl and actors_gold.jsonl hold one mention per line (the text, the
mention's offsets, the article's countries and the expected resolution); licences are per
line. Floors live in tests/gold/resolution_floors.yaml. Run ``python
tests/resolve/test_resolution_gold.py`` to print the report.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.records import Actor, Location
from sitrep.resolve._names import key
from sitrep.resolve.actors import ActorKB, ArticleActors, resolve_actor
from sitrep.resolve.gazetteer import Gazetteer
from sitrep.resolve.places import distance_km

GOLD = Path(__file__).resolve().parents[1] / "gold"


def _lines(name: str) -> list[dict[str, Any]]:
    with (GOLD / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class Tally:
    """Correct/total counts per metric."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = defaultdict(int)
        self.totals: dict[str, int] = defaultdict(int)
        self.misses: list[str] = []

    def add(self, metric: str, ok: bool, item_id: str) -> None:
        self.totals[metric] += 1
        self.hits[metric] += int(ok)
        if not ok:
            self.misses.append(f"{item_id}:{metric}")

    def report(self) -> dict[str, float]:
        return {m: round(self.hits[m] / self.totals[m], 4) for m in self.totals}


def score_places(gazetteer: Gazetteer, items: list[dict[str, Any]]) -> Tally:
    tally = Tally()
    for item in items:
        found = gazetteer.resolve(
            item["mention"],
            context_countries=item["context_countries"],
            near=item["near"],
            start=item["start"],
            end=item["end"],
        )
        _score_place(tally, item, found)
    return tally


def _score_place(tally: Tally, item: dict[str, Any], found: Location | None) -> None:
    exp, ident = item["expected"], item["id"]
    tally.add("found", found is not None, ident)
    countries = [exp["country"], *exp.get("accept_countries", [])]
    tally.add("country", found is not None and found.country in countries, ident)
    tally.add(
        "geo_precision", found is not None and found.geo_precision == exp["geo_precision"], ident
    )
    if "lat" in exp:
        ok = (
            found is not None
            and found.lat is not None
            and found.lon is not None
            and (distance_km((exp["lat"], exp["lon"]), (found.lat, found.lon)) <= exp["max_km"])
        )
        tally.add("coordinates", ok, ident)
    if "admin1" in exp:
        tally.add(
            "admin1", found is not None and key(found.admin1 or "") == key(exp["admin1"]), ident
        )


def score_actors(kb: ActorKB, items: list[dict[str, Any]]) -> Tally:
    tally = Tally()
    articles: dict[str, ArticleActors] = {}
    for item in items:
        group = item.get("coref_group")
        if group:
            article = articles.setdefault(group, ArticleActors(kb, item["context_countries"]))
            found = article.resolve(item["mention"], item["start"], item["end"])
        else:
            found = resolve_actor(
                kb,
                item["mention"],
                context_countries=item["context_countries"],
                start=item["start"],
                end=item["end"],
            )
        _score_actor(tally, item, found)
    return tally


def _score_actor(tally: Tally, item: dict[str, Any], found: Actor | None) -> None:
    exp, ident = item["expected"], item["id"]
    tally.add("found", found is not None, ident)
    if "country" in exp:
        tally.add("country", found is not None and found.country == exp["country"], ident)
    if "type" in exp:
        tally.add("type", found is not None and found.type == exp["type"], ident)
    if "entity" in exp:
        tally.add("entity", found is not None and found.entity_id == exp["entity"], ident)
    if "name" in exp:
        tally.add("name", found is not None and key(found.name) == key(exp["name"]), ident)


@pytest.fixture(scope="module")
def floors() -> dict[str, dict[str, float]]:
    with (GOLD / "resolution_floors.yaml").open(encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle))


def test_gold_files_are_big_enough_and_licensed() -> None:
    places, actors = _lines("places_gold.jsonl"), _lines("actors_gold.jsonl")
    assert len(places) >= 200 and len(actors) >= 200
    for item in places + actors:
        assert item["licence"], item["id"]
        assert item["text"][item["start"] : item["end"]] == item["mention"], item["id"]


@pytest.mark.slow
def test_place_resolution_meets_floors(floors: dict[str, dict[str, float]]) -> None:
    report = score_places(Gazetteer.load(), _lines("places_gold.jsonl")).report()
    for metric, floor in floors["places"].items():
        assert report[metric] >= floor, f"places {metric}: {report[metric]} < floor {floor}"


def test_actor_resolution_meets_floors(floors: dict[str, dict[str, float]]) -> None:
    report = score_actors(ActorKB.load(), _lines("actors_gold.jsonl")).report()
    for metric, floor in floors["actors"].items():
        assert report[metric] >= floor, f"actors {metric}: {report[metric]} < floor {floor}"


if __name__ == "__main__":
    place_tally = score_places(Gazetteer.load(), _lines("places_gold.jsonl"))
    actor_tally = score_actors(ActorKB.load(), _lines("actors_gold.jsonl"))
    for label, tally in (("places", place_tally), ("actors", actor_tally)):
        print(label, {m: f"{v:.3f} (n={tally.totals[m]})" for m, v in tally.report().items()})
        print("  misses:", " ".join(tally.misses))
