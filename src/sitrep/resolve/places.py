"""Place resolution: reading a place phrase and choosing among same-named places.

``parse_place("near Iraq’s Kirkuk City")`` gives the words to look up ("Kirkuk City",
then "Kirkuk"), the constraint the possessive sets (country IRQ), what the suffix says about
the feature type (a city) and that the event was near, not in, the place. ``score`` ranks a
candidate by feature type, population, the article's countries and the constraint, so that
"Damascus" in a Middle East story is Syria's capital, not Damascus, Maryland.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ._names import is_possessive, key, strip_possessive

_NEAR = re.compile(
    r"^(?:(?:just|about|some|around|roughly)\s+)?(?:"
    r"near(?:by)?|outside(?:\s+of)?|close\s+to|around|(?:on\s+)?the\s+outskirts\s+of|"
    r"outskirts\s+of|(?:in\s+)?the\s+vicinity\s+of|"
    r"(?:\d+(?:\.\d+)?|a\s+few|several|some)\s*(?:km|kms|kilometres|kilometers|miles|mi)\s+"
    r"(?:\(\d+\s*(?:miles|km)\)\s+)?(?:(?:north|south|east|west|northeast|northwest|southeast|"
    r"southwest)(?:-\w+)?\s+)?(?:of|from)|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of)\s+",
    re.IGNORECASE,
)
_PART = re.compile(
    r"^(?:(?:the\s+)?(?:far\s+|central\s+)?(?:northern|southern|eastern|western|northeastern|"
    r"northwestern|southeastern|southwestern|central|north|south|east|west|rural|"
    r"north-east|north-west|south-east|south-west)\s+)(?=[A-Z])",
    re.IGNORECASE,
)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:state|province|governorate|region|oblast|prefecture|county|department|district|"
    r"territory)$",
    re.IGNORECASE,
)
_FEATURE_SUFFIX = re.compile(
    r"\s+(?:valley|mountains?|hills?|river|plains?|desert|forest|area|border|countryside|"
    r"outskirts|suburbs?|camp|neighbou?rhood)$",
    re.IGNORECASE,
)
_DIRECTION_ONLY = re.compile(
    r"^(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|upper|lower|"
    r"middle|greater|inner|outer|far)$", re.IGNORECASE)
_CITY_SUFFIX = re.compile(r"\s+(?:city|town|village|municipality)$", re.IGNORECASE)
_AIRPORT = re.compile(r"\b(?:airport|airfield|air\s*base|airbase)\b", re.IGNORECASE)
_GENERIC_WORDS = frozenset(
    [
        "airport",
        "international",
        "airport",
        "city",
        "town",
        "village",
        "villages",
        "state",
        "province",
        "region",
        "district",
        "base",
        "air",
        "base",
        "camp",
        "area",
        "border",
        "crossing",
        "square",
        "suburbs",
        "port",
        "market",
        "mosque",
        "hospital",
        "school",
        "prison",
        "valley",
        "mountains",
        "mountain",
        "hills",
        "river",
        "desert",
        "forest",
        "countryside",
        "outskirts",
        "neighbourhood",
        "neighborhood",
        "zone",
        "capital",
    ]
    + ["", "international airport", "air base", "southern suburbs"]
)
BROAD = frozenset({"country", "admin1", "region"})


@dataclass
class PlacePhrase:
    """What a place phrase asks for: keys to try (best first) and hints for choosing.

    ``queries`` pairs each lookup text with whether it drops a direction word ("northern
    Iraq" -> "Iraq", part of a region); the unstripped text is tried first ("East Jerusalem").
    """

    text: str
    queries: list[tuple[str, bool]] = field(default_factory=list)
    prefix: str | None = None
    hint: str | None = None
    near: bool = False
    part: bool = False
    qualifier: str | None = None
    qualifier_admin1: str | None = None


def parse_place(text: str) -> PlacePhrase:
    """Split a place phrase into lookup keys, a possessive prefix and type/near hints."""
    phrase = PlacePhrase(text=text)
    rest = text.strip().strip(".,;:")
    while (found := _NEAR.match(rest)) is not None:
        phrase.near, rest = True, rest[found.end() :]
    words = rest.split()
    if words and is_possessive(words[-1]):  # "Baghdad's" as a place: Baghdad
        rest = " ".join([*words[:-1], strip_possessive(words[-1])])
    head, comma, tail = rest.partition(",")
    if comma and head.strip() and tail.strip():  # "Damascus, Maryland": the tail qualifies
        rest, phrase.qualifier = head.strip(), tail.strip().strip(".")
    _add(phrase, rest, False)
    part = _PART.match(rest)
    if part is not None:
        _add_words(phrase, rest[part.end() :].split(), True)
    _add_words(phrase, rest.split(), False)
    return phrase


def _add_words(phrase: PlacePhrase, words: list[str], part: bool) -> None:
    if words and words[0].lower() == "the":
        words = words[1:]
    possessive = next((i for i, w in enumerate(words[:-1]) if is_possessive(w)), None)
    if possessive is not None:
        joined = words[:possessive] + [strip_possessive(words[possessive])] + words[possessive + 1 :]
        _add(phrase, " ".join(joined), part)
        phrase.prefix = " ".join(joined[: possessive + 1])
        words = words[possessive + 1 :]
    phrase.hint = phrase.hint or _hint(" ".join(words))
    for variant in _variants(" ".join(words)):
        _add(phrase, variant, part)


def _add(phrase: PlacePhrase, query: str, part: bool) -> None:
    if query and key(query) not in _GENERIC_WORDS and all(q != query for q, _ in phrase.queries):
        phrase.queries.append((query, part))


def _hint(text: str) -> str | None:
    if _AIRPORT.search(text):
        return "airport"
    if _ADMIN_SUFFIX.search(text):
        return "admin1"
    if _CITY_SUFFIX.search(text):
        return "city"
    return None


def _variants(text: str) -> list[str]:
    """The phrase, without leading adjectives ("fortified Green Zone"), without type suffixes."""
    out = [text]
    bare = _FEATURE_SUFFIX.sub("", _CITY_SUFFIX.sub("", _ADMIN_SUFFIX.sub("", text)))
    if bare and bare != text and not _DIRECTION_ONLY.match(bare):  # not "Western Desert" -> "Western"
        out.append(bare)
    words = text.split()
    # tails of the phrase, never a lone common word ("Char Subuddi union" is not "Union")
    out += [" ".join(words[i:]) for i in range(1, len(words))
            if len(words) - i > 1 or not words[i].islower()]
    return out


@dataclass(frozen=True)
class Candidate:
    """What the scorer needs to know about one gazetteer row."""

    row: int
    name_key: str
    feature: str
    country: str
    population: int
    lat: float
    lon: float
    capital: bool = False
    admin1_key: str = ""


def score(
    cand: Candidate,
    query_key: str,
    phrase: PlacePhrase,
    context: list[str],
    parent: tuple[float, float] | None,
) -> float:
    """Higher is likelier: feature type and population, then constraints and context."""
    value = _base(cand)
    value += _hint_bonus(cand.feature, phrase.hint)
    if context:
        if cand.country == context[0]:
            value += 4.0
        elif cand.country in context:
            value += 3.0
    if cand.name_key == query_key:
        value += 1.0
    if parent is not None and distance_km(parent, (cand.lat, cand.lon)) < 60:
        value += 5.0
    if phrase.qualifier_admin1 and cand.admin1_key == phrase.qualifier_admin1:
        value += 6.0
    return value


def _base(cand: Candidate) -> float:
    if cand.feature == "country":
        return 8.3
    if cand.feature == "admin1":
        return math.log10(cand.population + 10) - 2.5
    if cand.feature == "city":  # a national capital is what a bare name usually means
        return math.log10(cand.population + 10) + (2.5 if cand.capital else 0.0)
    if cand.feature in ("airport", "base"):
        return 4.5
    return 8.0  # curated places: named because the news names them


def _hint_bonus(feature: str, hint: str | None) -> float:
    if hint == "admin1" and feature in ("admin1", "region"):
        return 6.0
    if hint == "city" and feature == "city":
        return 2.0
    if hint == "airport" and feature in ("airport", "base"):
        return 6.0
    return 0.0


def precision(feature: str, phrase: PlacePhrase, near: bool) -> int:
    """geo_precision: 1 the place, 2 near it or part of a region, 3 a region or country."""
    if phrase.part:
        return 2
    if feature in BROAD:
        return 3
    if near or phrase.near or feature == "area":
        return 2
    return 1


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def query_key(text: str) -> str:
    return key(text)


_SUN_ARTICLES = ("at", "ad", "an", "ar", "as", "ash", "az", "adh", "ath", "aţ")
_SPELLINGS = (
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("aa", "a"),
    ("ii", "i"),
    ("ei", "ay"),
    ("y", "i"),
    ("i", "y"),
    ("q", "k"),
    ("e", "a"),
)


def spelling_variants(name_key: str) -> list[str]:
    """Other romanisations of a key, tried only when nothing matched ("makhmour" -> "makhmur",
    "hawija" -> "al hawijah"): one rule at a time, a final "h", the article "al"."""
    variants = [name_key.replace(a, b) for a, b in _SPELLINGS if a in name_key]
    if name_key.endswith(("a", "ah")):
        variants += [v[:-1] if v.endswith("ah") else v + "h" for v in [name_key, *variants]]
    article = [_swap_article(v) for v in [name_key, *variants]]
    sun = [f"{a} {name_key}" for a in _SUN_ARTICLES if name_key[:1] == a[1]]
    return [v for v in dict.fromkeys(variants + article + sun) if v != name_key]


def _swap_article(name_key: str) -> str:
    first, _, rest = name_key.partition(" ")
    if rest and first in ("al", *_SUN_ARTICLES):
        return rest
    return "al " + name_key
