"""Reading place phrases and ranking same-named places (pure functions: no gazetteer needed)."""

from __future__ import annotations

import pytest

from sitrep.resolve.places import (
    Candidate,
    PlacePhrase,
    distance_km,
    parse_place,
    precision,
    score,
)


def _queries(phrase: PlacePhrase) -> list[str]:
    return [q for q, _ in phrase.queries]


def test_possessive_country_prefix() -> None:
    phrase = parse_place("Iraq’s Kirkuk City")
    assert _queries(phrase)[:3] == ["Iraq’s Kirkuk City", "Iraq Kirkuk City", "Kirkuk City"]
    assert "Kirkuk" in _queries(phrase)
    assert phrase.prefix == "Iraq" and phrase.hint == "city"


def test_possessive_joins_into_a_name() -> None:
    phrase = parse_place("Baghdad’s International Airport")
    assert _queries(phrase)[1] == "Baghdad International Airport"
    assert phrase.hint == "airport"
    assert "International Airport" not in _queries(phrase)  # generic words alone are not places


@pytest.mark.parametrize(
    "text",
    [
        "near Kirkuk",
        "outside Kirkuk",
        "on the outskirts of Kirkuk",
        "20 km from Kirkuk",
        "about 30 kilometres north of Kirkuk",
        "north of Kirkuk",
        "the vicinity of Kirkuk",
    ],
)
def test_near_phrases(text: str) -> None:
    phrase = parse_place(text)
    assert phrase.near and _queries(phrase)[0] == "Kirkuk"


def test_direction_words_mark_part_but_names_come_first() -> None:
    phrase = parse_place("northern Iraq")
    assert phrase.queries[0] == ("northern Iraq", False)
    assert ("Iraq", True) in phrase.queries
    assert parse_place("East Jerusalem").queries[0] == ("East Jerusalem", False)


def test_trailing_possessive_is_dropped() -> None:
    assert _queries(parse_place("Baghdad’s"))[0] == "Baghdad"


def test_admin_suffix_hint() -> None:
    phrase = parse_place("Zamfara State")
    assert phrase.hint == "admin1" and "Zamfara" in _queries(phrase)


def test_leading_adjectives_are_dropped_last() -> None:
    queries = _queries(parse_place("Iraq’s fortified Green Zone"))
    assert queries[-1] == "Green Zone" and "Zone" not in queries


def test_comma_qualifier_and_feature_words() -> None:
    phrase = parse_place("Damascus, Maryland")
    assert phrase.qualifier == "Maryland" and _queries(phrase) == ["Damascus"]
    assert _queries(parse_place("the Panjshir valley"))[-1] == "Panjshir"


def _cand(
    feature: str,
    country: str,
    population: int = 0,
    lat: float = 0.0,
    lon: float = 0.0,
    name: str = "damascus",
) -> Candidate:
    return Candidate(
        row=0,
        name_key=name,
        feature=feature,
        country=country,
        population=population,
        lat=lat,
        lon=lon,
    )


def test_population_then_context_decide() -> None:
    syria = _cand("city", "SYR", 1_569_394)
    maryland = _cand("city", "USA", 15_257)
    phrase = parse_place("Damascus")
    assert score(syria, "damascus", phrase, [], None) > score(maryland, "damascus", phrase, [], None)
    assert score(syria, "damascus", phrase, ["IRQ", "SYR"], None) > score(
        maryland, "damascus", phrase, ["IRQ", "SYR"], None
    )
    assert score(maryland, "damascus", phrase, ["USA"], None) > score(
        syria, "damascus", phrase, ["USA"], None
    )


def test_region_hint_beats_a_town() -> None:
    phrase = parse_place("Kirkuk province")
    town = _cand("city", "IRQ", 1_000_000, name="kirkuk")
    region = _cand("admin1", "IRQ", 1_500_000, name="kirkuk")
    assert score(region, "kirkuk", phrase, [], None) > score(town, "kirkuk", phrase, [], None)
    plain = parse_place("Kirkuk")
    assert score(town, "kirkuk", plain, [], None) > score(region, "kirkuk", plain, [], None)


def test_anchor_prefers_nearby_places() -> None:
    phrase = parse_place("airport")
    near = _cand("airport", "IRQ", lat=33.26, lon=44.23, name="x")
    far = _cand("airport", "IRQ", lat=36.24, lon=43.96, name="x")
    anchor = (33.34, 44.40)
    assert score(near, "x", phrase, [], anchor) > score(far, "x", phrase, [], anchor)


@pytest.mark.parametrize(
    ("feature", "text", "near", "expected"),
    [
        ("city", "Kirkuk", False, 1),
        ("city", "Kirkuk", True, 2),
        ("city", "near Kirkuk", False, 2),
        ("admin1", "Zamfara", False, 3),
        ("country", "Iraq", False, 3),
        ("admin1", "Anbar", True, 3),
        ("site", "Green Zone", False, 1),
        ("area", "Eastern Ghouta", False, 2),
        ("region", "Darfur", False, 3),
    ],
)
def test_precision(feature: str, text: str, near: bool, expected: int) -> None:
    assert precision(feature, parse_place(text), near) == expected


def test_distance() -> None:
    assert distance_km((33.3406, 44.4009), (33.3406, 44.4009)) == 0
    assert 230 < distance_km((33.3406, 44.4009), (35.4681, 44.3922)) < 240  # Baghdad-Kirkuk


def test_spelling_variants() -> None:
    from sitrep.resolve.places import spelling_variants

    assert "makhmur" in spelling_variants("makhmour")
    assert "al hawijah" in spelling_variants("hawija")
    assert "at taji" in spelling_variants("taji")
    assert "qaim" in spelling_variants("al qaim")


def test_a_direction_word_alone_is_never_a_place() -> None:
    assert "Western" not in _queries(parse_place("the Western Desert"))
    assert "Northern" not in _queries(parse_place("Northern Province"))


def test_a_lone_common_word_at_the_end_is_not_looked_up() -> None:
    queries = _queries(parse_place("Char Subuddi union"))
    assert "union" not in queries and "Subuddi union" in queries
    assert "Sinjar" in _queries(parse_place("the town of Sinjar")) or "Sinjar" in _queries(
        parse_place("Sinjar District"))
