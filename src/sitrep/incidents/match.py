"""Whether two reports describe the same real-world event, and how closely they agree.

Two reports are *compatible* (``score`` is not None) when they come from different documents,
are the same kind of event, their date ranges overlap (each widened by the report-date lag its
precision allows) and their places agree: the same place, two places within the radius of the
looser precision, or a region/country that holds the other place. A report without a place
agrees with one in the same date range only when the perpetrator, the toll or the exact day
agrees too. ``conflict`` says when two reports can never be one incident, even through a third
(two precise places too far apart, two countries, two exact days too far apart, death
tolls too far apart, one document); the clustering never joins groups holding such a pair.
Higher scores are closer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from .grouping import Profile
from .report import NO_COUNTRY, Report
from .rules import Rules

_EARTH_KM = 6371.0
T = TypeVar("T", int, date)


def score(a: Report, b: Report, rules: Rules) -> float | None:
    """How well two reports agree (higher is closer), or None when they cannot be one event."""
    if a.family != b.family or a.earliest > b.latest or b.earliest > a.latest:
        return None
    if conflict(a, b, rules):
        return None
    place = _place(a, b, rules)
    if place is None:
        return None
    date_gap = abs((a.latest - b.latest).days) + abs((a.earliest - b.earliest).days)
    same_actor = 0.5 if a.actor1 and a.actor1 == b.actor1 else 0.0
    return round(place - 0.1 * date_gap + same_actor, 6)


def conflict(a: Report, b: Report, rules: Rules) -> bool:
    """Whether two reports can never belong to one incident."""
    if a.doc_id == b.doc_id:
        return True
    if rules.actor_conflict and a.actor1_known and b.actor1_known and a.actor1 != b.actor1:
        return True
    if a.fatalities and b.fatalities and (max(a.fatalities, b.fatalities)
                                          > rules.fatality_ratio * min(a.fatalities, b.fatalities)):
        return True
    days = rules.day_conflict_days
    if (days is not None and a.precise_day and b.precise_day
            and abs((a.latest - b.latest).days) >= days):
        return True
    if a.country and b.country and a.country != b.country:
        return True
    if a.coarse or b.coarse or a.place == b.place:
        return False
    radius = rules.radius(max(a.geo_precision, b.geo_precision))
    return radius is not None and _km(a, b) > radius


def _place(a: Report, b: Report, rules: Rules) -> float | None:
    """Agreement of two places in [0.3, 2], or None when they are apart."""
    if a.country == NO_COUNTRY or b.country == NO_COUNTRY:
        return 0.3 if _corroborated(a, b) else None
    if a.place and a.place == b.place:
        return 2.0
    if a.coarse or b.coarse:
        return 0.6 if _contains(a, b) else None
    radius = rules.radius(max(a.geo_precision, b.geo_precision)) or 1.0
    return 1.0 + (1.0 - _km(a, b) / radius)


def _contains(a: Report, b: Report) -> bool:
    """A region or country holds the other place (same country, and same region if known)."""
    wide, narrow = (a, b) if a.geo_precision >= b.geo_precision else (b, a)
    if not wide.admin1 or not narrow.admin1:
        return True
    return wide.admin1 == narrow.admin1 or wide.place == narrow.admin1


def _corroborated(a: Report, b: Report) -> bool:
    """Without a place: the same perpetrator, the same toll or the same exact day."""
    return ((bool(a.actor1) and a.actor1 == b.actor1)
            or (a.fatalities is not None and a.fatalities == b.fatalities)
            or (a.precise_day and b.precise_day and a.latest == b.latest))


def _km(a: Report, b: Report) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return 0.0
    return distance_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class Group:
    """The summary of a group of reports that decides ``conflict`` against another group's
    members all at once (the same answers as checking every pair with ``conflict``)."""

    rules: Rules
    docs: frozenset[str]
    countries: frozenset[str]
    days: tuple[date, date] | None  # first and last exact day
    tolls: tuple[int, int] | None  # smallest and largest non-zero toll
    places: frozenset[tuple[str, float, float, int]]  # precise places

    @classmethod
    def of(cls, r: Report, rules: Rules) -> Group:
        precise = frozenset() if r.coarse else frozenset(
            [(r.place, r.lat or 0.0, r.lon or 0.0, r.geo_precision)])
        return cls(rules, frozenset([r.doc_id]),
                   frozenset([r.country]) if r.country else frozenset(),
                   (r.latest, r.latest) if r.precise_day else None,
                   (r.fatalities, r.fatalities) if r.fatalities else None, precise)

    def clashes(self, other: Profile) -> bool:
        if not isinstance(other, Group):
            return False
        if self.docs & other.docs or len(self.countries | other.countries) > 1:
            return True
        days = self.rules.day_conflict_days
        if days is not None and self.days and other.days and (
                _span(self.days, other.days).days >= days):
            return True
        if self.tolls and other.tolls:
            low, high = min(self.tolls[0], other.tolls[0]), max(self.tolls[1], other.tolls[1])
            if high > self.rules.fatality_ratio * low:
                return True
        return any(_far(p, q, self.rules) for p in self.places for q in other.places)

    def joined(self, other: Profile) -> Profile:
        assert isinstance(other, Group)
        return Group(self.rules, self.docs | other.docs, self.countries | other.countries,
                     _hull(self.days, other.days), _hull(self.tolls, other.tolls),
                     self.places | other.places)


def _span(a: tuple[date, date], b: tuple[date, date]) -> timedelta:
    return max(a[1], b[1]) - min(a[0], b[0])


def _hull(a: tuple[T, T] | None, b: tuple[T, T] | None) -> tuple[T, T] | None:
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), max(a[1], b[1]))


def _far(p: tuple[str, float, float, int], q: tuple[str, float, float, int], rules: Rules
         ) -> bool:
    if p[0] == q[0]:
        return False
    radius = rules.radius(max(p[3], q[3]))
    return radius is not None and distance_km(p[1], p[2], q[1], q[2]) > radius
