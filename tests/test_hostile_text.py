"""Issue 14: texts and dates that crashed the coder or cost minutes (slow: the real coder)."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import pandas as pd
import pytest

from sitrep.errors import SitrepError

pytestmark = pytest.mark.slow

GOOD = ("Gunmen killed five villagers in Zamfara State on Saturday, police said.", "2021-03-14")


@pytest.mark.parametrize("number", ["9,999,999,999,999,999,999", "9" * 309, "9" * 900])
def test_huge_toll_is_kept_as_text_without_a_number(coder: Any, number: str) -> None:
    (event,) = [e for e in coder.code(f"Gunmen killed {number} villagers in Zamfara on "
                                      "Saturday.", "2021-03-14") if e.main]
    assert event.fatalities is None and number in (event.fatalities_text or "")


def test_lone_surrogate_is_a_catalogue_error_and_a_batch_goes_on(coder: Any) -> None:
    bad = GOOD[0].replace("five", "five \ud83d")
    with pytest.raises(SitrepError, match="E012"):
        coder.code(bad, GOOD[1])
    errors: list[int] = []
    items = [GOOD, (bad, GOOD[1]), GOOD] * 3
    results = list(coder.code_batch(items, error_handler=lambda i, item, exc: errors.append(i)))
    assert [bool(r) for r in results] == [True, False, True] * 3 and errors == [1, 4, 7]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", date(1, 1, 1),
                                       date(9999, 12, 31), pd.NaT])
def test_dates_at_the_ends_of_the_calendar(coder: Any, published: Any) -> None:
    text = ("Gunmen killed five villagers in Zamfara last Saturday. Ten years ago and next year "
            "troops attacked the town, 3000 years ago and in 10,000 days.")
    events = coder.code(text, published)
    assert events and all(e.event_date is None or isinstance(e.event_date, date) for e in events)
    if published is pd.NaT:
        assert all(e.date_precision != "publication" for e in events)


def test_long_single_line_costs_linear_time(coder: Any) -> None:
    sentence = "Gunmen killed five villagers in Zamfara State on Saturday, police said, "
    timings = []
    for size in (20_000, 80_000):
        text = (sentence * (size // len(sentence) + 1))[:size]  # one line, no full stop
        started = time.perf_counter()
        events = coder.code(text, "2021-03-14")
        timings.append(time.perf_counter() - started)
        assert events and all(text[e.trigger.start:e.trigger.end] == e.trigger.text
                              for e in events)
        assert sum(e.main for e in events) == 1
    assert timings[1] < 8 * timings[0] + 1  # 4x the text: about 4x the time, not 16x


def test_default_limit_refuses_more(coder: Any) -> None:
    with pytest.raises(SitrepError, match="E004"):
        coder.code("x" * (coder.max_chars + 1))
