"""Time expressions resolved against publication dates of several weekdays.

Expected values were worked out by hand from docs/conventions: "on Friday" = the latest Friday
on or before publication, "last Friday" = strictly before, "last week" = Monday-Sunday of the
previous week, "overnight" = publication-1..publication, and so on.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.records import DateResolution
from sitrep.resolve import dates as dates_module
from sitrep.resolve._dategrammar import DateGrammar, grammar
from sitrep.resolve.dates import (
    TimeExpression,
    find_time_expressions,
    is_past_or_present,
    is_report_date,
    narrative_range,
    parse_published,
    publication_date,
    resolve_time_expression,
)

SEED = Path(__file__).parents[1] / "data" / "seed" / "soleimani_2020-01-03.txt"
FRI = date(2020, 1, 3)
MON = date(2021, 3, 15)
SUN = date(2019, 6, 30)
WED = date(2022, 8, 17)
SAT = date(2023, 12, 30)


def _day(iso: str) -> tuple[str, str, str, str]:
    return ("day", iso, iso, iso)


def _range(first: str, last: str, precision: str = "range") -> tuple[str, None, str, str]:
    return (precision, None, first, last)


def _shape(res: DateResolution | None) -> tuple[object, ...] | None:
    if res is None:
        return None
    iso = [d.isoformat() if d else None for d in (res.event_date, res.date_earliest,
                                                   res.date_latest)]
    return (res.date_precision, *iso)


CASES: list[tuple[str, date | None, tuple[object, ...] | None]] = [
    # published Friday 2020-01-03 (the seed article)
    ("on Friday", FRI, _day("2020-01-03")),
    ("Friday", FRI, _day("2020-01-03")),
    ("Friday morning", FRI, _day("2020-01-03")),
    ("early on Friday morning", FRI, _day("2020-01-03")),
    ("Early on Friday morning", FRI, _day("2020-01-03")),
    ("on Friday night", FRI, _day("2020-01-03")),
    ("late on Friday", FRI, _day("2020-01-03")),
    ("last Friday", FRI, _day("2019-12-27")),
    ("Last Friday", FRI, _day("2019-12-27")),
    ("on Tuesday", FRI, _day("2019-12-31")),
    ("On Tuesday", FRI, _day("2019-12-31")),
    ("on Thursday", FRI, _day("2020-01-02")),
    ("on Saturday", FRI, _day("2019-12-28")),
    ("on Sunday", FRI, _day("2019-12-29")),
    ("on Monday", FRI, _day("2019-12-30")),
    ("last Monday", FRI, _day("2019-12-30")),
    ("this Tuesday", FRI, _day("2019-12-31")),
    ("this Friday", FRI, _day("2020-01-03")),
    ("next Friday", FRI, _day("2020-01-10")),
    ("Thousands attended Friday prayers.", FRI, _day("2020-01-03")),
    ("yesterday", FRI, _day("2020-01-02")),
    ("Yesterday", FRI, _day("2020-01-02")),
    ("yesterday morning", FRI, _day("2020-01-02")),
    ("today", FRI, _day("2020-01-03")),
    ("this morning", FRI, _day("2020-01-03")),
    ("earlier today", FRI, _day("2020-01-03")),
    ("last night", FRI, _day("2020-01-02")),
    ("late last night", FRI, _day("2020-01-02")),
    ("the previous day", FRI, _day("2020-01-02")),
    ("the day before yesterday", FRI, _day("2020-01-01")),
    ("overnight", FRI, _range("2020-01-02", "2020-01-03")),
    ("last week", FRI, _range("2019-12-23", "2019-12-29")),
    ("this week", FRI, _range("2019-12-30", "2020-01-03")),
    ("earlier this week", FRI, _range("2019-12-30", "2020-01-03")),
    ("earlier in the week", FRI, _range("2019-12-30", "2020-01-03")),
    ("early last week", FRI, _range("2019-12-23", "2019-12-25")),
    ("late last week", FRI, _range("2019-12-26", "2019-12-29")),
    ("earlier this month", FRI, _range("2020-01-01", "2020-01-03")),
    ("last month", FRI, _range("2019-12-01", "2019-12-31", "month")),
    ("two days ago", FRI, _day("2020-01-01")),
    ("3 days earlier", FRI, _day("2019-12-31")),
    ("a week ago", FRI, _day("2019-12-27")),
    ("two weeks ago", FRI, _day("2019-12-20")),
    ("a few days ago", FRI, _range("2019-12-27", "2020-01-02")),
    ("a month ago", FRI, _range("2019-12-01", "2019-12-31", "month")),
    ("two years ago", FRI, _range("2018-01-01", "2018-12-31", "year")),
    ("over the past week", FRI, _range("2019-12-27", "2020-01-03")),
    ("Over the past week", FRI, _range("2019-12-27", "2020-01-03")),
    ("in the past 24 hours", FRI, _range("2020-01-02", "2020-01-03")),
    ("over the past three days", FRI, _range("2019-12-31", "2020-01-03")),
    ("in recent days", FRI, _range("2019-12-27", "2020-01-03")),
    ("last weekend", FRI, _range("2019-12-28", "2019-12-29")),
    ("over the weekend", FRI, _range("2019-12-28", "2019-12-29")),
    ("last year", FRI, _range("2019-01-01", "2019-12-31", "year")),
    ("late last year", FRI, _range("2019-09-01", "2019-12-31")),
    ("this year", FRI, _range("2020-01-01", "2020-01-03", "year")),
    ("in March", FRI, _range("2019-03-01", "2019-03-31", "month")),
    ("in December", FRI, _range("2019-12-01", "2019-12-31", "month")),
    ("in January", FRI, _range("2020-01-01", "2020-01-03", "month")),
    ("last December", FRI, _range("2019-12-01", "2019-12-31", "month")),
    ("in early December", FRI, _range("2019-12-01", "2019-12-10")),
    ("late December", FRI, _range("2019-12-21", "2019-12-31")),
    ("mid-December", FRI, _range("2019-12-11", "2019-12-20")),
    ("December 2018", FRI, _range("2018-12-01", "2018-12-31", "month")),
    ("Dec 2018", FRI, _range("2018-12-01", "2018-12-31", "month")),
    ("March 3", FRI, _day("2019-03-03")),
    ("3 March", FRI, _day("2019-03-03")),
    ("January 2", FRI, _day("2020-01-02")),
    ("January 5", FRI, _day("2019-01-05")),
    ("March 3, 2019", FRI, _day("2019-03-03")),
    ("3 March 2019", FRI, _day("2019-03-03")),
    ("March 3, '19", FRI, _day("2019-03-03")),
    ("Jan. 5", FRI, _day("2019-01-05")),
    ("Jan 5", FRI, _day("2019-01-05")),
    ("Sept 12th", FRI, _day("2019-09-12")),
    ("Sept. 12", FRI, _day("2019-09-12")),
    ("December 31", FRI, _day("2019-12-31")),
    ("Dec 31st", FRI, _day("2019-12-31")),
    ("the 31st of December", FRI, _day("2019-12-31")),
    ("on 31 December 2019", FRI, _day("2019-12-31")),
    ("Tuesday, December 31", FRI, _day("2019-12-31")),
    ("2019-03-03", FRI, _day("2019-03-03")),
    ("03/03/2019", FRI, _day("2019-03-03")),
    ("12/25/2019", FRI, _day("2019-12-25")),
    ("25/12/2019", FRI, _day("2019-12-25")),
    ("12/25/19", FRI, _day("2019-12-25")),
    ("in 2015", FRI, _range("2015-01-01", "2015-12-31", "year")),
    ("early 2019", FRI, _range("2019-01-01", "2019-04-30")),
    ("late 2019", FRI, _range("2019-09-01", "2019-12-31")),
    ("in the 1990s", FRI, _range("1990-01-01", "1999-12-31")),
    ("between 2011 and 2015", FRI, _range("2011-01-01", "2015-12-31")),
    ("between March 1 and 3", FRI, _range("2019-03-01", "2019-03-03")),
    ("from 1 to 3 May", FRI, _range("2019-05-01", "2019-05-03")),
    ("on the night of 5 to 6 June", FRI, _range("2019-06-05", "2019-06-06")),
    ("from March to May", FRI, _range("2019-03-01", "2019-05-31")),
    ("between Monday and Wednesday", FRI, _range("2019-12-30", "2020-01-01")),
    ("from Friday to Sunday", FRI, _range("2019-12-27", "2019-12-29")),
    ("on Friday and Saturday", FRI, _range("2019-12-27", "2019-12-28")),
    ("since 2011", FRI, _range("2011-01-01", "2020-01-03")),
    ("since March", FRI, _range("2019-03-01", "2020-01-03")),
    ("tomorrow", FRI, _day("2020-01-04")),
    ("next week", FRI, _range("2020-01-06", "2020-01-12")),
    ("next month", FRI, _range("2020-02-01", "2020-02-29", "month")),
    ("next year", FRI, _range("2021-01-01", "2021-12-31", "year")),
    ("later this month", FRI, _range("2020-01-04", "2020-01-31")),
    ("overnight Friday", FRI, _range("2020-01-02", "2020-01-03")),
    ("on the 2nd", FRI, _day("2020-01-02")),
    ("on Christmas Day", FRI, _day("2019-12-25")),
    ("on New Year’s Day", FRI, _day("2020-01-01")),
    ("New Year's Eve", FRI, _day("2019-12-31")),
    ("Christmas Eve 2018", FRI, _day("2018-12-24")),
    ("next Christmas", FRI, _day("2020-12-25")),
    ("on Christmas Day", SAT, _day("2023-12-25")),
    ("last Christmas", date(2023, 12, 25), _day("2022-12-25")),
    ("last summer", FRI, _range("2019-06-01", "2019-08-31")),
    ("in the spring", FRI, _range("2019-03-01", "2019-05-31")),
    ("during the winter", FRI, _range("2019-12-01", "2020-01-03")),
    ("winter 2014", FRI, _range("2014-12-01", "2015-02-28")),
    ("the summer of 2014", FRI, _range("2014-06-01", "2014-08-31")),
    ("since last summer", FRI, _range("2019-06-01", "2020-01-03")),
    ("in the fall of Kabul", FRI, None),
    ("Prices fall sharply.", FRI, None),
    ("earlier this summer", SUN, _range("2019-06-01", "2019-06-30")),
    ("this summer", SUN, _range("2019-06-01", "2019-06-30")),
    ("last summer", SUN, _range("2018-06-01", "2018-08-31")),
    ("last winter", SUN, _range("2018-12-01", "2019-02-28")),
    ("next winter", SUN, _range("2019-12-01", "2020-02-29")),
    ("in late spring", SUN, _range("2019-05-01", "2019-05-31")),
    ("March 11 this year", FRI, _day("2020-03-11")),
    ("on 5 May last year", FRI, _day("2019-05-05")),
    ("The 30th anniversary of the launch.", FRI, None),
    ("In the 20th minute, Berg missed a chance.", FRI, None),
    ("Yields fell by 10% of 2000 levels.", FRI, None),
    ("The exhibition is to run from January 23 through March 9.", date(2014, 1, 28),
     _range("2014-01-23", "2014-03-09")),
    ("between 30 December and 2 January", FRI, _range("2019-12-30", "2020-01-02")),
    ("from 30 to 2 January", FRI, _range("2019-12-30", "2020-01-02")),
    ("December 30-31", FRI, _range("2019-12-30", "2019-12-31")),
    ("on the 28th", FRI, _day("2019-12-28")),
    ("2019/12/28", FRI, _day("2019-12-28")),
    ("12-28-2019", FRI, _day("2019-12-28")),
    ("since February 24", FRI, _range("2019-02-24", "2020-01-03")),
    ("the night of 15 July", FRI, _day("2019-07-15")),
    ("overnight Friday to Saturday", FRI, _range("2019-12-27", "2019-12-28")),
    ("on the night of Friday to Saturday", FRI, _range("2019-12-27", "2019-12-28")),
    ("The bomb went off at the Monday Market on Saturday.", FRI, _day("2019-12-28")),
    # published Monday 2021-03-15
    ("overnight Friday", MON, _range("2021-03-12", "2021-03-13")),
    ("Friday overnight", MON, _range("2021-03-12", "2021-03-13")),
    ("on Friday", MON, _day("2021-03-12")),
    ("last Friday", MON, _day("2021-03-12")),
    ("on Monday", MON, _day("2021-03-15")),
    ("Monday", MON, _day("2021-03-15")),
    ("last Monday", MON, _day("2021-03-08")),
    ("on Sunday", MON, _day("2021-03-14")),
    ("Saturday night", MON, _day("2021-03-13")),
    ("yesterday", MON, _day("2021-03-14")),
    ("last week", MON, _range("2021-03-08", "2021-03-14")),
    ("this week", MON, _range("2021-03-15", "2021-03-15")),
    ("earlier this month", MON, _range("2021-03-01", "2021-03-15")),
    ("last month", MON, _range("2021-02-01", "2021-02-28", "month")),
    ("last weekend", MON, _range("2021-03-13", "2021-03-14")),
    ("over the weekend", MON, _range("2021-03-13", "2021-03-14")),
    ("this weekend", MON, _range("2021-03-13", "2021-03-14")),
    ("in March", MON, _range("2021-03-01", "2021-03-15", "month")),
    ("in April", MON, _range("2020-04-01", "2020-04-30", "month")),
    ("last March", MON, _range("2020-03-01", "2020-03-31", "month")),
    ("this March", MON, _range("2021-03-01", "2021-03-15", "month")),
    ("March 20", MON, _day("2020-03-20")),
    ("on 10 March", MON, _day("2021-03-10")),
    ("He will travel to Paris on March 20.", MON, _day("2021-03-20")),
    ("The talks will resume on Wednesday.", MON, _day("2021-03-17")),
    ("Voting is scheduled to take place on Friday.", MON, _day("2021-03-19")),
    ("two days ago", MON, _day("2021-03-13")),
    ("three weeks ago", MON, _day("2021-02-22")),
    ("over the past two weeks", MON, _range("2021-03-01", "2021-03-15")),
    ("in the past month", MON, _range("2021-02-15", "2021-03-15")),
    ("this year", MON, _range("2021-01-01", "2021-03-15", "year")),
    ("earlier this year", MON, _range("2021-01-01", "2021-03-15")),
    ("next Monday", MON, _day("2021-03-22")),
    ("tomorrow", MON, _day("2021-03-16")),
    ("the night of 14-15 March", MON, _range("2021-03-14", "2021-03-15")),
    ("between 28 February and 2 March", MON, _range("2021-02-28", "2021-03-02")),
    ("from Feb 27 to March 2", MON, _range("2021-02-27", "2021-03-02")),
    ("30 January to 2 February", MON, _range("2021-01-30", "2021-02-02")),
    ("on 3 March and 5 March", MON, _day("2021-03-03")),
    ("from 30 January to 2 February", MON, _range("2021-01-30", "2021-02-02")),
    ("1–3 March", MON, _range("2021-03-01", "2021-03-03")),
    ("March 1—3, 2020", MON, _range("2020-03-01", "2020-03-03")),
    ("5-6 March", MON, _range("2021-03-05", "2021-03-06")),
    ("on March 12-13", MON, _range("2021-03-12", "2021-03-13")),
    ("from 28 to 2 March", MON, _range("2021-02-28", "2021-03-02")),
    # published Sunday 2019-06-30
    ("on Sunday", SUN, _day("2019-06-30")),
    ("last Sunday", SUN, _day("2019-06-23")),
    ("on Saturday", SUN, _day("2019-06-29")),
    ("on Monday", SUN, _day("2019-06-24")),
    ("on Friday", SUN, _day("2019-06-28")),
    ("last week", SUN, _range("2019-06-17", "2019-06-23")),
    ("this week", SUN, _range("2019-06-24", "2019-06-30")),
    ("earlier this week", SUN, _range("2019-06-24", "2019-06-30")),
    ("last weekend", SUN, _range("2019-06-22", "2019-06-23")),
    ("over the weekend", SUN, _range("2019-06-29", "2019-06-30")),
    ("yesterday", SUN, _day("2019-06-29")),
    ("in June", SUN, _range("2019-06-01", "2019-06-30", "month")),
    ("in July", SUN, _range("2018-07-01", "2018-07-31", "month")),
    ("June 30", SUN, _day("2019-06-30")),
    ("July 1", SUN, _day("2018-07-01")),
    ("last month", SUN, _range("2019-05-01", "2019-05-31", "month")),
    ("earlier this month", SUN, _range("2019-06-01", "2019-06-30")),
    ("a week ago", SUN, _day("2019-06-23")),
    ("last year", SUN, _range("2018-01-01", "2018-12-31", "year")),
    ("in 2018", SUN, _range("2018-01-01", "2018-12-31", "year")),
    ("during 2019", SUN, _range("2019-01-01", "2019-06-30", "year")),
    ("since Friday", SUN, _range("2019-06-28", "2019-06-30")),
    ("since last week", SUN, _range("2019-06-17", "2019-06-30")),
    ("since 2011", SUN, _range("2011-01-01", "2019-06-30")),
    ("since early 2019", SUN, _range("2019-01-01", "2019-06-30")),
    ("ever since 2003", SUN, _range("2003-01-01", "2019-06-30")),
    ("since the 1990s", SUN, _range("1990-01-01", "2019-06-30")),
    ("since 3 March", SUN, _range("2019-03-03", "2019-06-30")),
    ("next week", SUN, _range("2019-07-01", "2019-07-07")),
    ("next Sunday", SUN, _day("2019-07-07")),
    ("this Sunday", SUN, _day("2019-06-30")),
    ("tomorrow morning", SUN, _day("2019-07-01")),
    # published Wednesday 2022-08-17
    ("on Wednesday", WED, _day("2022-08-17")),
    ("on Thursday", WED, _day("2022-08-11")),
    ("last Thursday", WED, _day("2022-08-11")),
    ("on Tuesday", WED, _day("2022-08-16")),
    ("this Tuesday", WED, _day("2022-08-16")),
    ("last week", WED, _range("2022-08-08", "2022-08-14")),
    ("earlier this week", WED, _range("2022-08-15", "2022-08-17")),
    ("later this week", WED, _range("2022-08-18", "2022-08-21")),
    ("last weekend", WED, _range("2022-08-13", "2022-08-14")),
    ("this weekend", WED, _range("2022-08-20", "2022-08-21")),
    ("in August", WED, _range("2022-08-01", "2022-08-17", "month")),
    ("in September", WED, _range("2021-09-01", "2021-09-30", "month")),
    ("August 20", WED, _day("2021-08-20")),
    ("20 August 2022", WED, _day("2022-08-20")),
    ("the day before yesterday", WED, _day("2022-08-15")),
    ("two days earlier", WED, _day("2022-08-15")),
    ("10 days ago", WED, _day("2022-08-07")),
    ("in the past 48 hours", WED, _range("2022-08-15", "2022-08-17")),
    ("over the past few days", WED, _range("2022-08-10", "2022-08-17")),
    ("over the last three months", WED, _range("2022-05-17", "2022-08-17")),
    ("in recent weeks", WED, _range("2022-07-20", "2022-08-17")),
    ("in the coming days", WED, _range("2022-08-18", "2022-08-24")),
    ("next month", WED, _range("2022-09-01", "2022-09-30", "month")),
    ("in mid-August", WED, _range("2022-08-11", "2022-08-17")),
    ("late July", WED, _range("2022-07-21", "2022-07-31")),
    ("early August", WED, _range("2022-08-01", "2022-08-10")),
    ("the end of July", WED, _range("2022-07-21", "2022-07-31")),
    ("July 2022", WED, _range("2022-07-01", "2022-07-31", "month")),
    ("in July 2021", WED, _range("2021-07-01", "2021-07-31", "month")),
    ("on 08/15/2022", WED, _day("2022-08-15")),
    ("15.08.2022", WED, _day("2022-08-15")),
    ("August 15th, 2022", WED, _day("2022-08-15")),
    ("Aug 15", WED, _day("2022-08-15")),
    ("Monday, August 15", WED, _day("2022-08-15")),
    ("on Monday 15 August", WED, _day("2022-08-15")),
    # published Saturday 2023-12-30
    ("on Saturday", SAT, _day("2023-12-30")),
    ("last Saturday", SAT, _day("2023-12-23")),
    ("on Friday", SAT, _day("2023-12-29")),
    ("on Sunday", SAT, _day("2023-12-24")),
    ("last Sunday", SAT, _day("2023-12-24")),
    ("on Monday", SAT, _day("2023-12-25")),
    ("this week", SAT, _range("2023-12-25", "2023-12-30")),
    ("last week", SAT, _range("2023-12-18", "2023-12-24")),
    ("last weekend", SAT, _range("2023-12-23", "2023-12-24")),
    ("over the weekend", SAT, _range("2023-12-30", "2023-12-30")),
    ("this weekend", SAT, _range("2023-12-30", "2023-12-30")),
    ("in December", SAT, _range("2023-12-01", "2023-12-30", "month")),
    ("in January", SAT, _range("2023-01-01", "2023-01-31", "month")),
    ("last January", SAT, _range("2023-01-01", "2023-01-31", "month")),
    ("next January", SAT, _range("2024-01-01", "2024-01-31", "month")),
    ("December 25", SAT, _day("2023-12-25")),
    ("Dec. 31", SAT, _day("2022-12-31")),
    ("this year", SAT, _range("2023-01-01", "2023-12-30", "year")),
    ("last year", SAT, _range("2022-01-01", "2022-12-31", "year")),
    ("earlier this year", SAT, _range("2023-01-01", "2023-12-30")),
    ("yesterday", SAT, _day("2023-12-29")),
    ("overnight", SAT, _range("2023-12-29", "2023-12-30")),
    ("over the past 24 hours", SAT, _range("2023-12-29", "2023-12-30")),
    ("a year ago", SAT, _range("2022-01-01", "2022-12-31", "year")),
    ("two months ago", SAT, _range("2023-10-01", "2023-10-31", "month")),
    ("the previous night", SAT, _day("2023-12-29")),
    ("tonight", SAT, _day("2023-12-30")),
    ("in 2024", SAT, _range("2024-01-01", "2024-12-31", "year")),
    # no publication date: only absolute expressions resolve
    ("on Friday", None, None),
    ("yesterday", None, None),
    ("March 3", None, None),
    ("March 3, 2019", None, _day("2019-03-03")),
    ("in 2015", None, _range("2015-01-01", "2015-12-31", "year")),
    ("since 2011", None, ("range", None, "2011-01-01", None)),
    # not dates, or dates that do not exist
    ("You may leave now.", FRI, None),
    ("May God protect us.", FRI, None),
    ("The march was peaceful.", FRI, None),
    ("Jan Kowalski said nothing.", FRI, None),
    ("2000 people were killed.", FRI, None),
    ("February 30", FRI, None),
    ("31/31/2019", FRI, None),
    ("at 10 am", FRI, None),
    ("the sunday times", FRI, None),
    ("", FRI, None),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES,
                         ids=[f"{c[0]}@{c[1]}" for c in CASES])
def test_resolve(text: str, published: date | None, expected: tuple[object, ...] | None) -> None:
    assert _shape(resolve_time_expression(text, published)) == expected


FIND_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("Last Friday, Kata'ib Hezbollah targeted a military base.",
     [("Last Friday", "weekday")]),
    ("Thousands attended Friday prayers.", [("Friday", "weekday")]),
    ("Gunmen killed five people on Saturday, police said on Sunday.",
     [("on Saturday", "weekday"), ("on Sunday", "weekday")]),
    ("The blast happened on Friday at 10 am.", [("on Friday", "weekday"),
                                                ("at 10 am", "time_of_day")]),
    ("The war that has killed 400,000 since 2011.", [("since 2011", "duration_since")]),
    ("Fighting has continued since last week.", [("since last week", "duration_since")]),
    ("He will meet them on Monday.", [("on Monday", "future")]),
    ("The minister said on Monday he would resign.", [("on Monday", "weekday")]),
    ("They plan to march again tomorrow.", [("tomorrow", "future")]),
    ("Elections are due next week.", [("next week", "future")]),
    ("The attack happened between March 1 and 3.", [("between March 1 and 3", "range")]),
    ("Police arrested 12 people on 3 March 2019 in Lagos.", [("on 3 March 2019", "explicit")]),
    ("The strike, in March, killed two.", [("in March", "month")]),
    ("You may leave now; may 3 people go?", []),
    ("In May, protests began.", [("In May", "month")]),
    ("The May 5 attack was condemned.", [("May 5", "explicit")]),
    ("Overnight, rockets hit the base.", [("Overnight", "relative_day")]),
    ("Over the past week, tensions have increased.", [("Over the past week",
                                                        "relative_period")]),
    ("Two days ago a car bomb exploded, and yesterday another.",
     [("Two days ago", "relative_day"), ("yesterday", "relative_day")]),
    ("It happened in 2015 and again in early 2019.", [("in 2015", "year"),
                                                      ("in early 2019", "year")]),
    ("The raid began at 2:30 a.m. local time.", [("at 2:30 a.m. local time", "time_of_day")]),
    ("Protests on 12/25/2019 turned violent.", [("on 12/25/2019", "explicit")]),
    ("Sunday’s attack was the deadliest this year.", [("Sunday", "weekday"),
                                                     ("this year", "relative_period")]),
    ("No date here at all.", []),
    ("Vietnam will not be rushed, he said in a rare interview late on Friday.",
     [("late on Friday", "weekday")]),
    ("Elections, originally due in March, will be held on 4 September.",
     [("in March", "future"), ("on 4 September", "future")]),
    ("A girl detonated explosives at the Monday Market in Maiduguri on Saturday.",
     [("on Saturday", "weekday")]),
    ("Gunmen stormed the village overnight Friday, killing 132.",
     [("overnight Friday", "weekday")]),
    ("The Tuesday, September 22, 2015 edition.", [("Tuesday, September 22, 2015", "explicit")]),
]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES, ids=[c[0] for c in FIND_CASES])
def test_find(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_time_expressions(text)
    assert [(e.text, e.kind) for e in found] == expected
    assert all(text[e.start:e.end] == e.text for e in found)


def test_seed_article_expressions() -> None:
    text = SEED.read_text(encoding="utf-8")
    got = {e.text: resolve_time_expression(e, FRI) for e in find_time_expressions(text)}
    assert got["on Friday morning"].event_date == FRI  # type: ignore[union-attr]
    assert got["Last Friday"].event_date == date(2019, 12, 27)  # type: ignore[union-attr]
    assert got["On Tuesday"].event_date == date(2019, 12, 31)  # type: ignore[union-attr]
    assert got["Over the past week"].date_earliest == date(2019, 12, 27)  # type: ignore[union-attr]


def test_resolution_keeps_offsets_of_the_expression() -> None:
    res = resolve_time_expression(TimeExpression("Last Friday", 803, 814, "weekday"), FRI)
    assert res is not None
    assert (res.date_text, res.start, res.end) == ("Last Friday", 803, 814)


def test_future_kind_resolves_forward() -> None:
    res = resolve_time_expression(TimeExpression("on Monday", 0, 9, "future"), FRI)
    assert res is not None and res.event_date == date(2020, 1, 6)


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("tomorrow", FRI, False), ("next week", FRI, False), ("He will meet them on Monday.", FRI,
                                                         False),
    ("later this week", WED, False), ("on Friday", FRI, True), ("last week", FRI, True),
    ("this week", FRI, True), ("since 2011", FRI, True), ("in 2024", SAT, False),
    ("tonight", SAT, True),
])
def test_is_past_or_present(text: str, published: date, expected: bool) -> None:
    res = resolve_time_expression(text, published)
    assert res is not None
    assert is_past_or_present(res, published) is expected


def test_is_past_or_present_without_dates() -> None:
    assert is_past_or_present(publication_date(FRI), FRI)
    assert is_past_or_present(publication_date(None), None)


@pytest.mark.parametrize(("value", "expected"), [
    (FRI, FRI),
    (datetime(2020, 1, 3, 10, 0, tzinfo=UTC), FRI),
    (datetime(2020, 1, 3, 23, 30, tzinfo=timezone(timedelta(hours=-5))), FRI),
    ("2020-01-03", FRI),
    (" 2020-01-03 ", FRI),
    ("2020-01-03T10:00:00Z", FRI),
    ("2020-01-03T23:30:00-05:00", FRI),
    ("2020-01-03 10:00", FRI),
    (None, None),
    ("", None),
])
def test_parse_published(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["yesterday", "2020-13-01", "03/01/2020", 20200103, 3.5])
def test_parse_published_rejects_with_e003(value: object) -> None:
    with pytest.raises(SitrepError) as info:
        parse_published(value)  # type: ignore[arg-type]
    assert info.value.code == "E003"
    assert repr(value) in str(info.value)


def test_publication_date() -> None:
    assert publication_date(FRI) == DateResolution(FRI, FRI, FRI, "publication")
    assert publication_date(None) == DateResolution(None, None, None, None)


def test_narrative_range() -> None:
    assert narrative_range(date(2019, 12, 27), FRI) == DateResolution(
        None, date(2019, 12, 27), FRI, "range")
    assert narrative_range(None, FRI) == publication_date(FRI)
    assert narrative_range(date(2020, 2, 1), FRI) == publication_date(FRI)
    assert narrative_range(date(2019, 12, 27), None) == DateResolution(
        None, date(2019, 12, 27), None, "range")


# Sentences written before the code saw them (first run: 43 of 46 right; the three misses,
# "since February 24", "on the night of 15 July" and "on the 18th", were then fixed).
SENTENCE_CASES: list[tuple[str, str, date, tuple[object, ...]]] = [
    ('Gunmen killed five villagers in Zamfara State on Saturday, police said.',
     'on Saturday', date(2021, 3, 14), _day("2021-03-13")),
    ('Two soldiers were killed when Boko Haram fighters attacked an army base on Sunday night.',
     'on Sunday night', date(2019, 6, 11), _day("2019-06-09")),
    ("Last Friday, Kata'ib Hezbollah targeted a military base near Kirkuk.",
     'Last Friday', date(2020, 1, 3), _day("2019-12-27")),
    ('Police dispersed protesters in Colombo late on Thursday.',
     'late on Thursday', date(2022, 5, 20), _day("2022-05-19")),
    ('An explosion ripped through a market in the early hours of Sunday.',
     'in the early hours of Sunday', date(2018, 11, 5), _day("2018-11-04")),
    ('The militants seized the town on July 4.',
     'on July 4', date(2017, 7, 18), _day("2017-07-04")),
    ('The militants seized the town on 24 July.',
     'on 24 July', date(2017, 7, 18), _day("2016-07-24")),
    ('The ceasefire took effect at midnight on Friday, February 26.',
     'on Friday, February 26', date(2016, 2, 29), _day("2016-02-26")),
    ('A storm yesterday caused a crane to fall into the Grand Mosque.',
     'yesterday', date(2015, 9, 12), _day("2015-09-11")),
    ('Heavy fighting broke out in Khartoum on Saturday morning.',
     'on Saturday morning', date(2023, 4, 16), _day("2023-04-15")),
    ('Fighting has continued since Saturday.',
     'since Saturday', date(2023, 4, 17), _range("2023-04-15", "2023-04-17")),
    ('Protests have spread to dozens of cities over the past week.',
     'over the past week', date(2020, 6, 1), _range("2020-05-25", "2020-06-01")),
    ('Demonstrators clashed with police overnight in Minneapolis.',
     'overnight', date(2020, 6, 1), _range("2020-05-31", "2020-06-01")),
    ('Turkish forces shelled the town earlier this week.',
     'earlier this week', date(2019, 10, 14), _range("2019-10-14", "2019-10-14")),
    ('Turkish forces shelled the town earlier this week.',
     'earlier this week', date(2019, 10, 17), _range("2019-10-14", "2019-10-17")),
    ('The Taliban took control of Kabul on Aug. 15.',
     'on Aug. 15', date(2021, 8, 31), _day("2021-08-15")),
    ('The last US troops left Kabul on 30 August 2021.',
     'on 30 August 2021', date(2021, 8, 31), _day("2021-08-30")),
    ('The attack happened between 28 and 30 November.',
     'between 28 and 30 November', date(2020, 12, 2), _range("2020-11-28", "2020-11-30")),
    ('Clashes took place from November 28 to December 1.',
     'from November 28 to December 1', date(2020, 12, 2), _range("2020-11-28", "2020-12-01")),
    ('Russian forces have shelled Kharkiv since February 24.',
     'since February 24', date(2022, 3, 1), _range("2022-02-24", "2022-03-01")),
    ('The war began last Thursday.', 'last Thursday', date(2022, 3, 1), _day("2022-02-24")),
    ('ISIS captured Mosul last week.',
     'last week', date(2014, 6, 15), _range("2014-06-02", "2014-06-08")),
    ('The group seized the city in early June.',
     'in early June', date(2014, 6, 15), _range("2014-06-01", "2014-06-10")),
    ('Protests began in March and have continued since.',
     'in March', date(2011, 12, 31), _range("2011-03-01", "2011-03-31", "month")),
    ('More than 5,000 people have been killed since March.',
     'since March', date(2011, 12, 31), _range("2011-03-01", "2011-12-31")),
    ('Iran fired missiles at US bases early on Wednesday.',
     'early on Wednesday', date(2020, 1, 8), _day("2020-01-08")),
    ('The funeral will be held on Thursday.', 'on Thursday', date(2020, 1, 8), _day("2020-01-09")),
    ('Officials said the talks would resume next week.',
     'next week', date(2020, 1, 8), _range("2020-01-13", "2020-01-19")),
    ('Bombs exploded at churches and hotels this morning.',
     'this morning', date(2019, 4, 21), _day("2019-04-21")),
    ('The bombs exploded at churches and hotels on Easter Sunday.',
     'Sunday', date(2019, 4, 22), _day("2019-04-21")),
    ('Dozens were killed two days ago in Gaza.',
     'two days ago', date(2018, 5, 14), _day("2018-05-12")),
    ('A week earlier, soldiers had fired on protesters.',
     'A week earlier', date(2018, 5, 14), _day("2018-05-07")),
    ('The coup attempt began late on Friday night.',
     'late on Friday night', date(2016, 7, 16), _day("2016-07-15")),
    ('The coup attempt began on the night of 15 July.',
     'on the night of 15 July', date(2016, 7, 16), _day("2016-07-15")),
    ('The military seized power in a coup on Monday.',
     'on Monday', date(2021, 2, 1), _day("2021-02-01")),
    ('The military seized power in a coup on Feb. 1.',
     'on Feb. 1', date(2021, 2, 4), _day("2021-02-01")),
    ('A gunman attacked two mosques in Christchurch on Friday afternoon.',
     'on Friday afternoon', date(2019, 3, 15), _day("2019-03-15")),
    ('A gunman attacked two mosques in Christchurch on Friday afternoon.',
     'on Friday afternoon', date(2019, 3, 18), _day("2019-03-15")),
    ('Thousands protested in the capital in late December.',
     'in late December', date(2024, 1, 1), _range("2023-12-21", "2023-12-31")),
    ('Clashes erupted last month in the border area.',
     'last month', date(2024, 1, 1), _range("2023-12-01", "2023-12-31", "month")),
    ('Clashes erupted on 12/30/2023.', 'on 12/30/2023', date(2024, 1, 1), _day("2023-12-30")),
    ('Clashes erupted in mid-2023.',
     'in mid-2023', date(2024, 1, 1), _range("2023-05-01", "2023-08-31")),
    ('He was arrested on Oct. 6.', 'on Oct. 6', date(2010, 10, 9), _day("2010-10-06")),
    ('He was detained in September 2010.',
     'in September 2010', date(2010, 10, 9), _range("2010-09-01", "2010-09-30", "month")),
    ('Police arrested 12 people on the 18th.',
     'on the 18th', date(2022, 11, 20), _day("2022-11-18")),
    ('The vote was postponed until next month.',
     'next month', date(2022, 11, 20), _range("2022-12-01", "2022-12-31", "month")),
]


@pytest.mark.parametrize(("sentence", "expression", "published", "expected"), SENTENCE_CASES,
                         ids=[c[0] for c in SENTENCE_CASES])
def test_first_expression_of_sentence(sentence: str, expression: str, published: date,
                                      expected: tuple[object, ...]) -> None:
    found = [e for e in find_time_expressions(sentence) if e.kind != "time_of_day"]
    assert found and found[0].text == expression
    assert _shape(resolve_time_expression(found[0], published)) == expected


# Past or future by the verb's tense (written before the code saw them; first run 20 of 20).
TENSE_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ('The president will visit Kyiv on Friday.', [('on Friday', 'future')]),
    ('The president visited Kyiv on Friday.', [('on Friday', 'weekday')]),
    ('Talks are scheduled to resume on Monday.', [('on Monday', 'future')]),
    ('The minister said on Monday that troops would withdraw.', [('on Monday', 'weekday')]),
    ('Troops will withdraw by Friday, the minister said on Monday.',
     [('Friday', 'future'), ('on Monday', 'weekday')]),
    ('Elections are due to be held on 4 September.', [('on 4 September', 'future')]),
    ('Elections were held on 4 September.', [('on 4 September', 'explicit')]),
    ('The group plans to march on Saturday.', [('on Saturday', 'future')]),
    ('The group marched on Saturday.', [('on Saturday', 'weekday')]),
    ('On Monday, the army will begin withdrawing.', [('On Monday', 'future')]),
    ('On Monday, the army began withdrawing.', [('On Monday', 'weekday')]),
    ('He is expected to arrive in March.', [('in March', 'future')]),
    ('He arrived in March.', [('in March', 'month')]),
    ('A court will rule on the case on Thursday.', [('on Thursday', 'future')]),
    ('The funeral is set to take place on Sunday.', [('on Sunday', 'future')]),
    ('They said they would retaliate on Sunday.', [('on Sunday', 'future')]),
    ('The meeting, which will take place on Tuesday, was announced on Monday.',
     [('on Tuesday', 'future'), ('on Monday', 'weekday')]),
    ("Protesters say they'll return on Friday.", [('on Friday', 'future')]),
    ('The ceasefire, agreed on Monday, will take effect on Friday.',
     [('on Monday', 'weekday'), ('on Friday', 'future')]),
    ('Police have been deployed since Monday.', [('since Monday', 'duration_since')]),
]


@pytest.mark.parametrize(("sentence", "expected"), TENSE_CASES, ids=[c[0] for c in TENSE_CASES])
def test_future_by_tense(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.text, e.kind) for e in find_time_expressions(sentence)] == expected


def test_every_rule_has_a_handler() -> None:
    assert {rule.name for rule in grammar().rules} == set(dates_module._HANDLERS)


@pytest.mark.parametrize(("text", "line"), [
    ("month\tJanuary\t1\nmonth\tFebruary\ttwo\n", "line 2"),
    ("colour\tred\t1\n", "line 1"),
    ("month\tJanuary\t1\n", "12 months"),
])
def test_date_grammar_reports_bad_data_with_path(text: str, line: str) -> None:
    with pytest.raises(SitrepError) as info:
        DateGrammar.parse(text, "/x/dates.tsv")
    assert info.value.code == "E010"
    assert "/x/dates.tsv" in str(info.value) and line in str(info.value)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Chad's army said on Monday it had killed 300 rebels over the weekend.",
     [True, False]),
    ("The minister told reporters on Tuesday that troops withdrew on Sunday.", [True, False]),
    ("Gunmen killed five villagers on Saturday, police said on Sunday.", [False, True]),
    ("Police said Friday's attack killed three.", [False]),
    ("On Tuesday, thousands descended on the Green Zone.", [False]),
])
def test_is_report_date(sentence: str, expected: list[bool]) -> None:
    found = find_time_expressions(sentence)
    assert [is_report_date(sentence, e) for e in found] == expected


def test_bad_input_types_raise_catalogue_errors() -> None:
    with pytest.raises(SitrepError) as info:
        resolve_time_expression(5, FRI)  # type: ignore[arg-type]
    assert info.value.code == "E200" and "int" in str(info.value)
    with pytest.raises(SitrepError) as info:
        find_time_expressions(b"on Friday")  # type: ignore[arg-type]
    assert info.value.code == "E002"
