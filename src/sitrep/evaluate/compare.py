"""Comparing one predicted value with a gold value: the rules shared by matching and scoring."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date

from ..records import Actor, Event, Location
from .gold import Choice, GoldActor, GoldDates, GoldLocation

EARTH_RADIUS_KM = 6371.0088
_ARTICLES = frozenset({"the", "a", "an"})
_PARENS = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^\w\s]")
_ADMIN_WORDS = frozenset({"governorate", "province", "state", "region", "district", "county",
                          "oblast", "division", "department", "muhafazat"})


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def normalise_name(name: str, drop_parentheses: bool = False) -> str:
    """Casefold, strip accents, apostrophes, punctuation and leading articles."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘`ʼ.]", "", text.casefold())
    if drop_parentheses:
        text = _PARENS.sub(" ", text)
    words = _NON_WORD.sub(" ", text.replace("-", " ")).split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def names_agree(predicted: str, gold_names: tuple[str, ...]) -> bool:
    """Normalised equality with any gold name, also after dropping "(qualifiers)"."""
    for drop in (False, True):
        pred = normalise_name(predicted, drop)
        if pred and any(pred == normalise_name(g, drop) for g in gold_names):
            return True
    return False


def admin1_agree(predicted: str | None, gold: tuple[str, ...]) -> bool:
    if not predicted:
        return False
    pred = _admin_key(predicted)
    return any(pred == _admin_key(g) for g in gold)


def _admin_key(name: str) -> str:
    return " ".join(w for w in normalise_name(name, True).split() if w not in _ADMIN_WORDS)


def cameo_accepts(choice: Choice[str], code: str) -> bool:
    """Exact code or, for a 2-digit gold value, any code under that root."""
    return any(code == v or (len(v) == 2 and code[:2] == v) for v in choice.values)


def cameo_roots(choice: Choice[str]) -> set[str]:
    return {v[:2] for v in choice.values}


def count_agrees(gold: int | None, predicted: int | None) -> bool:
    """Equal counts; gold 0 and a predicted null (and vice versa) agree."""
    return (gold or None) == (predicted or None)


def count_within(gold: int | None, predicted: int | None, share: float = 0.2) -> bool:
    if not gold or not predicted:
        return count_agrees(gold, predicted)
    return abs(predicted - gold) <= share * gold


# --- dates ---------------------------------------------------------------------------------

def gold_window(dates: GoldDates) -> tuple[date, date] | None:
    """The range a dated gold event's date must fall in (``None`` when undated)."""
    if dates.has_range:
        return (dates.earliest or date.min, dates.latest or date.max)
    days = [d for d in dates.days if d is not None]
    return (min(days), max(days)) if days else None


def _pred_window(event: Event) -> tuple[date, date] | None:
    """The predicted range when sitrep gives one (its point date is then the range's last day),
    else the predicted day."""
    if _ranged(event):
        return (event.date_earliest or date.min, event.date_latest or date.max)
    if event.event_date is not None:
        return (event.event_date, event.event_date)
    return None


def _ranged(event: Event) -> bool:
    return (event.date_earliest is not None or event.date_latest is not None) and (
        event.date_earliest != event.date_latest)


def date_compatible(dates: GoldDates, event: Event) -> bool:
    """Matching rule: an undated gold event takes any date; else the prediction must fit."""
    if not dates.dated:
        return True
    pred = _pred_window(event)
    if pred is None:
        return False
    if event.event_date is not None and event.event_date in dates.days:
        return True
    window = gold_window(dates)
    assert window is not None
    if event.event_date is not None and not _ranged(event):
        return window[0] <= event.event_date <= window[1]
    return pred[0] <= window[1] and window[0] <= pred[1]


def date_exact(dates: GoldDates, event: Event) -> bool:
    """The expected day (or an accepted one); for a range-only gold event, the same range."""
    if any(d is not None for d in dates.days):
        return event.event_date is not None and event.event_date in dates.days
    if dates.has_range:
        return event.date_earliest == dates.earliest and event.date_latest == dates.latest
    return event.event_date is None


def date_in_range(dates: GoldDates, event: Event) -> bool:
    """The predicted day, or the whole predicted range, lies inside the gold window."""
    window, pred = gold_window(dates), _pred_window(event)
    if window is None or pred is None:
        return False
    if event.event_date is not None and event.event_date in dates.days:
        return True
    return window[0] <= pred[0] and pred[1] <= window[1]


# --- places --------------------------------------------------------------------------------

def distance_km(gold: GoldLocation, pred: Location | None) -> float | None:
    if pred is None or not gold.has_coordinates or pred.lat is None or pred.lon is None:
        return None
    assert gold.lat is not None and gold.lon is not None
    return haversine_km(gold.lat, gold.lon, pred.lat, pred.lon)


def place_compatible(gold: GoldLocation | None, pred: Location | None) -> bool:
    """Within ``max_km``; a prediction farther off that names only the gold place's region
    (geo_precision 3) matches when it is the same admin1 (the distance fields then say how
    precise it was); without coordinates on either side: same country (when gold gives one)
    and, when both give an admin1, the same admin1 or the same place name."""
    if gold is None:
        return True
    if pred is None:
        return False
    km = distance_km(gold, pred)
    if km is not None and km > gold.max_km:
        if pred.geo_precision != 3 or not gold.admin1s or not pred.admin1:
            return False
        return admin1_agree(pred.admin1, gold.admin1s)
    if km is not None:
        return True
    if gold.countries is not None and pred.country not in gold.countries:
        return False
    if gold.name and pred.name and names_agree(pred.name, (gold.name,)):
        return True
    if gold.admin1s and pred.admin1:
        return admin1_agree(pred.admin1, gold.admin1s)
    return True


def location_choice_compatible(choice: Choice[GoldLocation | None] | None,
                               pred: Location | None) -> bool:
    if choice is None:
        return True
    return any(place_compatible(g, pred) or (g is None and pred is None) for g in choice.values)


# --- actors --------------------------------------------------------------------------------

def actor_agreement(gold: GoldActor | None, pred: Actor | None) -> dict[str, bool]:
    """Per sub-field agreement (country, type, entity) for the sub-fields gold scores."""
    if gold is None:
        return {"country": pred is None, "type": pred is None, "entity": pred is None}
    result: dict[str, bool] = {}
    if gold.countries is not None:
        result["country"] = pred is not None and pred.country in gold.countries
    if gold.types is not None:
        result["type"] = pred is not None and pred.type in gold.types
    if gold.names is not None:
        result["entity"] = pred is not None and names_agree(pred.name, gold.names)
    return result


def best_actor(choice: Choice[GoldActor | None], pred: Actor | None) -> dict[str, bool]:
    """Agreement with the gold alternative the prediction agrees with most (expected on ties)."""
    options = [actor_agreement(g, pred) for g in choice.values]
    return max(options, key=lambda o: sum(o.values()))
