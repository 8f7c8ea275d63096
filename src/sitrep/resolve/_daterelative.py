"""Handlers for relative time expressions: "yesterday", "two days ago", "last week",
"over the past week", "earlier this month", "next year", "in the coming days"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..records import DateResolution
from ._dategrammar import DateGrammar
from ._dateresolve import (
    UNIT_DAYS,
    add_months,
    clip,
    count_of,
    day,
    month_end,
    norm,
    span,
    unit_of,
    year_of,
)

_RELDAY = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
           "today": 0, "tonight": 0, "tomorrow": 1, "this": 0, "last night": -1,
           "the previous": -1, "the preceding": -1}


def relday(mt: re.Match[str], g: DateGrammar, pub: date | None,
            future: bool) -> DateResolution | None:
    """ "yesterday (morning)", "today", "this morning", "last night", "overnight"."""
    if pub is None:
        return None
    word = norm(mt["word"])
    if word == "overnight":
        return span(pub - timedelta(days=1), pub)
    for key, offset in _RELDAY.items():
        if re.search(rf"(?:^|\b){key}\b", word):
            return day(pub + timedelta(days=offset))
    return None


def ago(mt: re.Match[str], g: DateGrammar, pub: date | None,
         future: bool) -> DateResolution | None:
    """ "two days ago", "3 days earlier", "a week ago", "two months ago", "a few days ago"."""
    unit = unit_of(mt["unit"])
    n = count_of(mt["n"], unit)
    if pub is None or n is None or unit == "hour":
        return None if unit != "hour" or pub is None else day(pub)
    vague = norm(mt["n"]).split()[-1] in ("few", "several")
    if unit == "month":
        then = add_months(pub, -n)
        return clip(then.replace(day=1), month_end(then.year, then.month), pub, False, "month")
    if unit == "year":
        year = pub.year - n
        return span(date(year, 1, 1), date(year, 12, 31), "year")
    then = pub - timedelta(days=n * UNIT_DAYS[unit])
    return span(then, pub - timedelta(days=1)) if vague else day(then)


def rolling(mt: re.Match[str], g: DateGrammar, pub: date | None,
             future: bool) -> DateResolution | None:
    """ "over the past week", "in the past 24 hours", "the last three days"."""
    unit = unit_of(mt["unit"])
    n = count_of(mt["n"], unit)
    if pub is None or n is None:
        return None
    if unit == "hour":
        return span(pub - timedelta(days=max(1, (n + 23) // 24)), pub)
    if unit == "month":
        return span(add_months(pub, -n), pub)
    return span(pub - timedelta(days=n * UNIT_DAYS[unit]), pub)


def recent(mt: re.Match[str], g: DateGrammar, pub: date | None,
            future: bool) -> DateResolution | None:
    unit = unit_of(mt["unit"])
    if pub is None or unit not in ("day", "week", "month", "year"):
        return None
    days = {"day": 7, "week": 28, "month": 180, "year": 3 * 365}[unit]
    return span(pub - timedelta(days=days), pub)


def coming(mt: re.Match[str], g: DateGrammar, pub: date | None,
            future: bool) -> DateResolution | None:
    unit = unit_of(mt["unit"])
    n = count_of(mt["n"], unit) if mt["n"] else {"day": 7, "week": 3, "month": 3}.get(unit, 1)
    if pub is None or n is None:
        return None
    days = max(1, n * UNIT_DAYS[unit]) if unit != "hour" else max(1, n // 24)
    return span(pub + timedelta(days=1), pub + timedelta(days=days))


def period(mt: re.Match[str], g: DateGrammar, pub: date | None,
            future: bool) -> DateResolution | None:
    """ "last week", "this week", "earlier this month", "later this week", "next year"."""
    if pub is None:
        return None
    which, unit, pre = norm(mt["which"]), norm(mt["unit"]), norm(mt["pre"])
    shift = {"last": -1, "this past": -1, "the previous": -1, "next": 1}.get(which, 0)
    if unit == "weekend":
        return _weekend(pub, which)
    first, last = _calendar_period(pub, unit, shift)
    if pre in ("early", "late"):
        first, last = _part_of_period(first, last, pre)
    if pre == "earlier" and shift == 0:
        return span(first, pub)
    if pre == "later" and shift == 0:
        return span(min(pub + timedelta(days=1), last), last)
    precision = "range" if unit == "week" or pre else unit
    return clip(first, last, pub, future or shift > 0, precision)


def _calendar_period(pub: date, unit: str, shift: int) -> tuple[date, date]:
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = add_months(pub.replace(day=1), shift)
        return first, month_end(first.year, first.month)
    return date(pub.year + shift, 1, 1), date(pub.year + shift, 12, 31)


def _part_of_period(first: date, last: date, pre: str) -> tuple[date, date]:
    """Early/late part of a week (Mon-Wed / Thu-Sun), month (1-10 / 21-end), year (Jan-Apr /
    Sep-Dec)."""
    length = (last - first).days + 1
    if length == 7:
        cut = first + timedelta(days=2)
        return (first, cut) if pre == "early" else (cut + timedelta(days=1), last)
    if length <= 31:
        return (first, first.replace(day=10)) if pre == "early" else (first.replace(day=21), last)
    if pre == "early":
        return first, month_end(first.year, 4)
    return date(first.year, 9, 1), last


def _weekend(pub: date, which: str) -> DateResolution | None:
    """ "last weekend", "this weekend", "over the weekend" (Saturday-Sunday)."""
    saturday = pub - timedelta(days=pub.weekday()) + timedelta(days=5)
    if which in ("last", "this past", "the previous"):
        saturday -= timedelta(days=7)
        return span(saturday, saturday + timedelta(days=1))
    if which == "next":
        saturday += timedelta(days=7)
        return span(saturday, saturday + timedelta(days=1))
    if pub.weekday() >= 5:
        return span(saturday, pub)
    if which == "this" and pub.weekday() >= 1:
        return span(saturday, saturday + timedelta(days=1))
    saturday -= timedelta(days=7)
    return span(saturday, saturday + timedelta(days=1))


def earlier_in(mt: re.Match[str], g: DateGrammar, pub: date | None,
                future: bool) -> DateResolution | None:
    """ "earlier in the week/month/year" (the current one), "later in the week"."""
    if pub is None:
        return None
    first, last = _calendar_period(pub, norm(mt["unit"]), 0)
    if norm(mt["pre"]) == "earlier":
        return span(first, pub)
    return span(min(pub + timedelta(days=1), last), last)


def weekend_word(mt: re.Match[str], g: DateGrammar, pub: date | None,
                  future: bool) -> DateResolution | None:
    return _weekend(pub, "over") if pub else None


def no_date(mt: re.Match[str], g: DateGrammar, pub: date | None,
             future: bool) -> DateResolution | None:
    """A time of day ("at 10 am") names no date of its own."""
    return None


def season(mt: re.Match[str], g: DateGrammar, pub: date | None,
           future: bool) -> DateResolution | None:
    """ "last summer", "in the spring", "winter 2014", "early this autumn" (three months)."""
    first_month, pre = g.seasons[mt["season"].lower()], norm(mt["pre"])
    if mt["y1"]:
        year = year_of(mt["y1"], pub)
        spans = [_season(year, first_month)] if year else []
    elif pub is not None:
        spans = [_season(y, first_month) for y in range(pub.year - 2, pub.year + 2)]
    else:
        spans = []
    chosen = _pick_season(spans, pre, pub, future) if pub and not mt["y1"] else \
        (spans[0] if spans else None)
    if chosen is None:
        return None
    first, last = chosen
    if pre in ("early", "in early"):
        last = month_end(first.year, first.month)
    elif pre in ("late", "in late"):
        first = last.replace(day=1)
    elif pre == "earlier this" and pub is not None:
        return span(first, min(last, pub))
    elif pre == "later this" and pub is not None:
        return span(max(first, pub + timedelta(days=1)), last)
    return clip(first, last, pub, future or pre == "next")


def _season(year: int, first_month: int) -> tuple[date, date]:
    first = date(year, first_month, 1)
    last = add_months(first, 2)
    return first, month_end(last.year, last.month)


def _pick_season(spans: list[tuple[date, date]], pre: str, pub: date,
                 future: bool) -> tuple[date, date] | None:
    """Which occurrence of a season: "last" ended before publication, "next" starts after it,
    "this" contains it (or starts in its year), otherwise the latest begun (the next to end,
    in a future sentence)."""
    if pre == "last":
        found = [s for s in spans if s[1] < pub]
        return found[-1] if found else None
    if pre == "next":
        found = [s for s in spans if s[0] > pub]
        return found[0] if found else None
    if pre in ("this", "earlier this", "later this"):
        found = [s for s in spans if s[0] <= pub <= s[1]] or \
            [s for s in spans if s[0].year == pub.year]
        return found[0] if found else None
    if future:
        found = [s for s in spans if s[1] >= pub]
        return found[0] if found else None
    found = [s for s in spans if s[0] <= pub]
    return found[-1] if found else None
