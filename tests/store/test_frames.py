"""Typed DataFrames for notebooks: Store.events_df(layout=...) and sitrep.to_frame (issue 10)."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

import sitrep
from sitrep.errors import SitrepError
from sitrep.store import Store


@pytest.mark.parametrize("layout", ["native", "acled", "gdelt"])
def test_events_df_is_typed(filled: Store, layout: str) -> None:
    frame = filled.events_df(layout=layout)
    assert len(frame) > 0
    date_column = {"native": "event_date", "acled": "event_date", "gdelt": None}[layout]
    if date_column:
        assert pd.api.types.is_datetime64_any_dtype(frame[date_column])
    code = {"native": "cameo", "acled": "event_type", "gdelt": "EventCode"}[layout]
    assert isinstance(frame[code].dtype, pd.StringDtype)
    ints = {"native": "fatalities", "acled": "iso", "gdelt": "GLOBALEVENTID"}[layout]
    assert isinstance(frame[ints].dtype, pd.Int64Dtype)


def test_to_frame_of_code_results(filled: Store) -> None:
    events = filled.events()
    frame = sitrep.to_frame(events)
    assert list(frame["id"]) == [e.id for e in events]
    assert frame["cameo"].tolist()[0] == events[0].cameo
    assert len(sitrep.to_frame(events, layout="gdelt").columns) == 61


def test_missing_pandas_names_the_extra(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(SitrepError, match=r"E413.*sitrep\[pandas\]"):
        filled.events_df()


def test_unknown_backend(filled: Store) -> None:
    with pytest.raises(SitrepError, match="E412"):
        filled.events_df(backend="excel")
