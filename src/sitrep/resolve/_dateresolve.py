"""Turning a matched time expression into dates, against the publication date.

One handler per grammar rule. Past is the default for news ("on Friday" = the latest Friday on
or before publication); ``future`` (from the expression's kind) looks forward instead. Day
precision sets ``event_date``; ranges, months and years leave it None and set the bounds,
clipped to the publication date when the period contains it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from ..records import DateResolution
from ._dategrammar import DateGrammar
from ._numbers import lexicon, read_number, words_of

Handler = Callable[[re.Match[str], DateGrammar, "date | None", bool], "DateResolution | None"]
UNIT_DAYS = {"hour": 0, "day": 1, "night": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
_VAGUE_N = {"day": 7, "night": 7, "week": 3, "fortnight": 2, "month": 6, "year": 5, "hour": 24}
_PARTS = {"early": (1, 10), "start": (1, 10), "the beginning of": (1, 10), "the start of": (1, 10),
          "mid": (11, 20), "the middle of": (11, 20), "late": (21, 31), "end": (21, 31),
          "the end of": (21, 31)}
_YEAR_PARTS = {"early": (1, 4), "start": (1, 3), "the beginning of": (1, 3),
               "the start of": (1, 3), "mid": (5, 8), "the middle of": (5, 8), "late": (9, 12),
               "end": (10, 12), "the end of": (10, 12)}


def day(d: date | None) -> DateResolution | None:
    return DateResolution(d, d, d, "day") if d else None


def span(first: date | None, last: date | None, precision: str = "range") -> DateResolution | None:
    if first is None or last is None or first > last:
        return None
    return DateResolution(None, first, last, precision)  # type: ignore[arg-type]


def clip(first: date, last: date, pub: date | None, future: bool,
          precision: str = "range") -> DateResolution | None:
    """A period, cut at publication unless it is a future period."""
    if pub is not None and not future and first <= pub < last:
        last = pub
    return span(first, last, precision)


def norm(text: str | None) -> str:
    return re.sub(r"[\s-]+", " ", (text or "").lower()).strip()


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def safe_date(year: int, month: int, dday: int) -> date | None:
    try:
        return date(year, month, dday)
    except ValueError:
        return None


def year_of(text: str | None, pub: date | None) -> int | None:
    """A four-digit year, or a two-digit one ("'19") placed in the century near publication."""
    if not text:
        return None
    digits = re.sub(r"\D", "", text)
    if len(digits) == 4:
        return int(digits)
    pivot = (pub.year % 100 + 1) if pub else 30
    return (2000 if int(digits) <= pivot else 1900) + int(digits)


def count_of(text: str | None, unit: str) -> int | None:
    """ "two" -> 2, "a" -> 1, "a few"/"several" -> a typical span for the unit."""
    if not text:
        return 1
    words = words_of(text)
    if words in (["a"], ["an"]):
        return 1
    found = read_number(words, 0, lexicon())
    if found is not None and found[1] == len(words):
        return found[0]
    if words[-1] in ("few", "several") or words[:3] == ["a", "couple", "of"]:
        return 2 if "couple" in words else _VAGUE_N[unit]
    return None


def unit_of(text: str) -> str:
    unit = text.lower()
    return unit[:-1] if unit.endswith("s") else unit


# --- days in a month ------------------------------------------------------------------------


def _infer_year(month: int, dday: int, pub: date | None, future: bool) -> int | None:
    """The year of a day given without one: the latest on or before publication (or the next
    on or after it for future expressions)."""
    if pub is None:
        return None
    this = safe_date(pub.year, month, min(dday, 28) if month == 2 and dday == 29 else dday)
    if this is None:
        return None
    if future:
        return pub.year if this >= pub else pub.year + 1
    return pub.year if this <= pub else pub.year - 1


def explicit_day(g: DateGrammar, month: str | int, dday: str, year: str | None,
                 pub: date | None, future: bool) -> date | None:
    m = month if isinstance(month, int) else g.month(month)
    d = int(re.sub(r"\D", "", dday))
    y = year_of(year, pub) if year else _infer_year(m, d, pub, future)
    return safe_date(y, m, d) if y else None


def explicit(mt: re.Match[str], g: DateGrammar, pub: date | None,
              future: bool) -> DateResolution | None:
    year = mt["y1"]
    if mt.re.groupindex.get("yrel") and mt["yrel"] and pub is not None:  # "March 11 this year"
        year = str(pub.year + {"last": -1, "next": 1}.get(mt["yrel"].lower(), 0))
    return day(explicit_day(g, mt["m1"], mt["d1"], year, pub, future))


def iso(mt: re.Match[str], g: DateGrammar, pub: date | None,
         future: bool) -> DateResolution | None:
    return day(safe_date(int(mt["y1"]), int(mt["m1"]), int(mt["d1"])))


def numeric(mt: re.Match[str], g: DateGrammar, pub: date | None,
             future: bool) -> DateResolution | None:
    """03/03/2019 is US month/day; a first number over 12 can only be a day."""
    first, second = int(mt["a"]), int(mt["b"])
    month, dday = (second, first) if first > 12 else (first, second)
    year = year_of(mt["y1"], pub)
    return day(safe_date(year, month, dday)) if year else None


def holiday(mt: re.Match[str], g: DateGrammar, pub: date | None,
            future: bool) -> DateResolution | None:
    """ "on Christmas Day", "last Christmas", "New Year's Eve 2019"."""
    month, dday = g.holiday(mt["name"])
    pre = norm(mt["pre"])
    if mt["y1"] or pub is None:
        return day(explicit_day(g, month, str(dday), mt["y1"], pub, future))
    found = explicit_day(g, month, str(dday), None, pub, future or pre == "next")
    if found is not None and pre in ("last", "next") and found == pub:
        found = safe_date(found.year + (1 if pre == "next" else -1), month, dday)
    if found is not None and pre == "this":
        found = safe_date(pub.year, month, dday)
    return day(found)


def ordinal_day(mt: re.Match[str], g: DateGrammar, pub: date | None,
                 future: bool) -> DateResolution | None:
    """ "on the 18th": that day of the publication month, or of the month before."""
    if pub is None:
        return None
    dday = int(mt["d1"])
    if future:
        month = pub if dday >= pub.day else add_months(pub.replace(day=1), 1)
    else:
        month = pub if dday <= pub.day else add_months(pub.replace(day=1), -1)
    return day(safe_date(month.year, month.month, dday))


# --- ranges -----------------------------------------------------------------------------------


def range_same_month(mt: re.Match[str], g: DateGrammar, pub: date | None,
                     future: bool) -> DateResolution | None:
    """ "1-3 May", "May 1 to 3", "the night of 5 to 6 June", "30 to 2 June" (a range ending in
    the month). Without a year, the first day is the latest one on or before publication."""
    m, d1, d2 = g.month(mt["m1"]), _number(mt["d1"]), _number(mt["d2"])
    first_month = m if d1 <= d2 else (m - 2) % 12 + 1
    if mt["y1"]:
        end_year = year_of(mt["y1"], pub)
    elif future:  # a future range ends on or after publication
        end_year = _infer_year(m, d2, pub, True)
    else:  # a past range starts on or before publication
        start_year = _infer_year(first_month, d1, pub, False)
        end_year = None if start_year is None else start_year + (first_month > m)
    if end_year is None:
        return None
    start_year = end_year - (first_month > m)
    return span(safe_date(start_year, first_month, d1), safe_date(end_year, m, d2))


def range_full(mt: re.Match[str], g: DateGrammar, pub: date | None,
               future: bool) -> DateResolution | None:
    """ "between 28 February and 2 March", "from November 28 to December 1, 2020"."""
    m1, m2 = g.month(mt["m1"]), g.month(mt["m2"])
    d1, d2 = _number(mt["d1"]), _number(mt["d2"])
    wraps = (m2, d2) < (m1, d1)
    if mt["y2"] or mt["y1"]:
        end_year = year_of(mt["y2"] or mt["y1"], pub)
    elif future:
        end_year = _infer_year(m2, d2, pub, True)
    else:
        start_year = _infer_year(m1, d1, pub, False)
        end_year = None if start_year is None else start_year + wraps
    if end_year is None:
        return None
    start_year = year_of(mt["y1"], pub) if mt["y1"] else end_year - wraps
    if start_year is None:
        return None
    return span(safe_date(start_year, m1, d1), safe_date(end_year, m2, d2))


def _number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def range_months(mt: re.Match[str], g: DateGrammar, pub: date | None,
                  future: bool) -> DateResolution | None:
    m1, m2 = g.month(mt["m1"]), g.month(mt["m2"])
    y2 = year_of(mt["y1"], pub) if mt["y1"] else _infer_year(m2, 1, pub, future)
    if y2 is None:
        return None
    y1 = y2 if m1 <= m2 else y2 - 1
    return clip(date(y1, m1, 1), month_end(y2, m2), pub, future)


def range_weekdays(mt: re.Match[str], g: DateGrammar, pub: date | None,
                    future: bool) -> DateResolution | None:
    last = weekday_date(g.weekday(mt["w2"]), pub, "future" if future else "")
    if last is None:
        return None
    back = (last.weekday() - g.weekday(mt["w1"])) % 7
    return span(last - timedelta(days=back), last)


def range_years(mt: re.Match[str], g: DateGrammar, pub: date | None,
                 future: bool) -> DateResolution | None:
    return span(date(int(mt["y1"]), 1, 1), date(int(mt["y2"]), 12, 31))


# --- weekdays ---------------------------------------------------------------------------------


def weekday_date(wd: int, pub: date | None, mode: str) -> date | None:
    """The date of weekday ``wd``: mode "" latest on or before pub, "last" strictly before,
    "this" in pub's Monday-Sunday week, "next" strictly after, "future" on or after."""
    if pub is None:
        return None
    if mode == "this":
        return pub - timedelta(days=pub.weekday()) + timedelta(days=wd)
    if mode in ("next", "future"):
        ahead = (wd - pub.weekday()) % 7
        return pub + timedelta(days=ahead or (7 if mode == "next" else 0))
    back = (pub.weekday() - wd) % 7
    return pub - timedelta(days=back or (7 if mode == "last" else 0))


def weekday_name(mt: re.Match[str], g: DateGrammar, pub: date | None,
             future: bool) -> DateResolution | None:
    pre = norm(mt["pre"])
    mode = {"last": "last", "past": "last", "previous": "last", "this past": "last",
            "this": "this", "next": "next"}.get(pre, "future" if future else "")
    found = weekday_date(g.weekday(mt["w1"]), pub, mode)
    if found is not None and "overnight" in (pre, norm(mt["part"])):
        if pub is not None and found >= pub and not future:
            return span(found - timedelta(days=1), found)  # the night that ended this morning
        return span(found, found + timedelta(days=1))  # "overnight Friday": into Saturday
    return day(found)


# --- months and years -------------------------------------------------------------------------


def month_name(mt: re.Match[str], g: DateGrammar, pub: date | None,
           future: bool) -> DateResolution | None:
    """ "in March", "last March", "March 2019", "early March" (a third of the month)."""
    if not (mt["pre"] or mt["part"] or mt["y1"]):
        return None  # a bare "May" is the verb
    m, pre = g.month(mt["m1"]), norm(mt["pre"])
    year = year_of(mt["y1"], pub) if mt["y1"] else _month_year(m, pre, pub, future)
    if year is None:
        return None
    part = norm(mt["part"])
    if part:
        low, high = _PARTS[part]
        last = month_end(year, m)
        return clip(date(year, m, low), last.replace(day=min(high, last.day)), pub, future)
    return clip(date(year, m, 1), month_end(year, m), pub, future, "month")


def _month_year(m: int, pre: str, pub: date | None, future: bool) -> int | None:
    if pub is None:
        return None
    if pre == "last":
        return pub.year if m < pub.month else pub.year - 1
    if pre == "this":
        return pub.year
    if pre == "next" or future:
        return pub.year if m > pub.month or (future and m == pub.month) else pub.year + 1
    return pub.year if m <= pub.month else pub.year - 1


def month_abbr_year(mt: re.Match[str], g: DateGrammar, pub: date | None,
                     future: bool) -> DateResolution | None:
    year = year_of(mt["y1"], pub)
    m = g.month(mt["m1"])
    return clip(date(year, m, 1), month_end(year, m), pub, future, "month") if year else None


def year_number(mt: re.Match[str], g: DateGrammar, pub: date | None,
          future: bool) -> DateResolution | None:
    year, part = int(mt["y1"]), norm(mt["part"])
    if part:
        low, high = _YEAR_PARTS[part]
        return clip(date(year, low, 1), month_end(year, high), pub, future)
    return clip(date(year, 1, 1), date(year, 12, 31), pub, future, "year")


def decade(mt: re.Match[str], g: DateGrammar, pub: date | None,
            future: bool) -> DateResolution | None:
    start, part = int(mt["dec"]), norm(mt["part"])
    low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(part, (0, 9))
    return clip(date(start + low, 1, 1), date(start + high, 12, 31), pub, future)
