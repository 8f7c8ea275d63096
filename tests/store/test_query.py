from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import SitrepError
from sitrep.records import Document
from sitrep.store import Store
from tests.store.fake_coder import fake_events


def _triggers(events: list) -> list[str]:
    return sorted(e.trigger.text for e in events)


def test_no_filter_returns_everything_in_date_order(filled: Store, docs: list[Document]) -> None:
    events = filled.events()
    assert len(events) == sum(len(fake_events(d)) for d in docs)
    dated = [e.event_date for e in events if e.event_date]
    assert dated == sorted(dated)


def test_date_range(filled: Store) -> None:
    events = filled.events(since="2020-01-04", until=date(2020, 1, 31))
    assert _triggers(events) == ["airstrike", "clashed"]
    assert filled.events(since="2021-01-01") == []


def test_country_accepts_iso3_iso2_and_name(filled: Store) -> None:
    n = len(filled.events())
    for value in ("IRQ", "iq", "Iraq"):
        assert len(filled.events(country=value)) == n
    assert filled.events(country="FRA") == []
    with pytest.raises(SitrepError, match="E416"):
        filled.events(country="Atlantis")


def test_type_matches_cameo_prefix_plover_and_acled(filled: Store) -> None:
    assert _triggers(filled.events(type="19")) == ["airstrike", "attacked", "clashed"]
    assert _triggers(filled.events(type="195")) == ["airstrike"]
    assert _triggers(filled.events(type="protest")) == ["protested"]
    assert _triggers(filled.events(type="Battles")) == ["clashed"]
    assert _triggers(filled.events(type="air/drone strike")) == ["airstrike"]


def test_actor_and_text(filled: Store) -> None:
    assert len(filled.events(actor="military")) == len(filled.events())
    assert len(filled.events(actor="IRQMIL")) == len(filled.events())
    assert _triggers(filled.events(actor="children")) == ["airstrike", "attacked"]
    assert _triggers(filled.events(text="parliament")) == ["protested"]
    assert _triggers(filled.events(text="market attack")) == ["attacked", "met"]  # title


def test_limit_and_bad_values(filled: Store) -> None:
    assert len(filled.events(limit=2)) == 2
    assert filled.events(limit=0) == []
    with pytest.raises(SitrepError, match="E416"):
        filled.events(since="yesterday")
    with pytest.raises(SitrepError, match="E416"):
        filled.events(limit=-1)


def test_stats(filled: Store, docs: list[Document]) -> None:
    assert filled.stats().counted == "incidents"  # the default: each real event once
    stats = filled.stats(events=True)
    events = [e for d in docs for e in fake_events(d)]
    assert stats.documents == len(docs) and stats.events == len(events)
    assert stats.undated_documents == 1
    assert stats.fatalities == 8
    assert sum(n for _, n in stats.by_day) == len(events)
    assert stats.by_country == [("IRQ", len(events))]
    assert dict(stats.by_type)["Battles"] == 1
    assert dict(stats.by_plover)["ASSAULT"] == 3
    assert stats.to_dict()["by_day"][0] == ["2020-01-02", 1]


def test_events_df_pandas(filled: Store) -> None:
    df = filled.events_df(type="19")
    assert len(df) == 3
    assert {"id", "event_date", "actor1_name", "location_lat", "fatalities"} <= set(df.columns)
    assert sorted(df["trigger_text"]) == ["airstrike", "attacked", "clashed"]


def test_events_df_unknown_backend(filled: Store) -> None:
    with pytest.raises(SitrepError, match="E412"):
        filled.events_df(backend="spark")


def test_events_df_polars_missing_is_a_catalogue_error(filled: Store,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(SitrepError, match="E413"):
        filled.events_df(backend="polars")
