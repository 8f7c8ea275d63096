"""Filtered summaries and map cells computed in SQL, and the filters and paging they share."""

from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.store import Store, aggregate, query


def test_summary_counts_and_fatalities_by_period_country_type(filled: Store) -> None:
    with filled.cursor() as con:
        whole = aggregate.summary(con, query.EventFilter.build())
        weekly = aggregate.summary(con, query.EventFilter.build(), "week")
        strikes = aggregate.summary(con, query.EventFilter.build(type="Air/drone strike"))
    assert whole.events == len(filled.events()) and whole.fatalities == 8
    assert sum(n for _, n, _ in whole.by_period) == whole.events
    assert all(day.weekday() == 0 for day, _, _ in weekly.by_period if day)  # ISO weeks
    assert strikes.events == 1 and strikes.fatalities == 3
    assert whole.to_dict()["by_country"] == [["IRQ", whole.events, 8]]


def test_background_tallies_are_counted_but_not_their_deaths(filled: Store) -> None:
    with filled.cursor() as con:
        con.execute("UPDATE events SET background = true WHERE fatalities = 5")
        assert aggregate.summary(con, query.EventFilter.build()).fatalities == 3


def test_grid_cells_by_zoom(filled: Store) -> None:
    with filled.cursor() as con:
        cells = aggregate.grid(con, query.EventFilter.build(), zoom=5)
    assert cells.total == cells.located == len(filled.events())
    assert len(cells.cells) == 1 and cells.cells[0].events == cells.total
    assert cells.cells[0].lat == pytest.approx(33.34) and cells.cells[0].event_id is None


@pytest.mark.parametrize("zoom", [-1, 19, True])
def test_bad_zoom_or_period_is_e416(filled: Store, zoom: object) -> None:
    with filled.cursor() as con, pytest.raises(SitrepError) as raised:
        aggregate.grid(con, query.EventFilter.build(), zoom=zoom)  # type: ignore[arg-type]
    assert raised.value.code == "E416"
    with filled.cursor() as con, pytest.raises(SitrepError):
        aggregate.summary(con, query.EventFilter.build(), "hour")


def test_admin1_bbox_sort_and_offset(filled: Store) -> None:
    everything = filled.events(sort="date")
    assert [e.id for e in filled.events(sort="date", offset=1, limit=2)] == [
        e.id for e in everything[1:3]]
    assert filled.events(sort="-date")[0].event_date == max(
        e.event_date for e in everything if e.event_date)
    assert len(filled.events(admin1="BAGHDAD")) == len(everything)
    assert filled.events(admin1="Basra") == []
    assert len(filled.events(bbox=(44, 33, 45, 34))) == len(everything)
    assert filled.events(bbox="170,33,-170,34") == []  # across the antimeridian, not Baghdad
    with filled.cursor() as con:
        assert query.count(con, query.EventFilter.build(limit=1)) == len(everything)
    for bad in ({"offset": -1}, {"sort": "loudest"}, {"bbox": "a,b,c,d"}):
        with pytest.raises(SitrepError):
            filled.events(**bad)  # type: ignore[arg-type]
