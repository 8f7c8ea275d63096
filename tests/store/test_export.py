from __future__ import annotations

import csv
import json
import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from sitrep.errors import SitrepError
from sitrep.records import Document
from sitrep.store import Store, layout_columns
from sitrep.store._codec import event_from_dict
from sitrep.store.export import layout_table

LAYOUTS = ("native", "acled", "gdelt", "gdelt_mentions")
FORMATS = ("csv", "parquet", "jsonl")


def _norm(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return _norm(value.item())
    if isinstance(value, float):
        return round(value, 6)
    return value


def _rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: _norm(v) for k, v in r.items()} for r in records]


def _expected(store: Store, layout: str) -> list[dict[str, Any]]:
    events = store.events()
    return _rows(layout_table(events, store._documents_for(events), layout).to_pylist())


def _duckdb_read(path: Path, fmt: str, layout: str) -> list[dict[str, Any]]:
    con = duckdb.connect()
    types = dict(layout_columns(layout))
    if fmt == "parquet":
        rel = con.execute(f"SELECT * FROM read_parquet('{path}')")
    elif fmt == "csv":
        gdelt = layout.startswith("gdelt")
        rel = con.execute(f"SELECT * FROM read_csv('{path}', header={not gdelt}, "
                          f"delim='{chr(9) if gdelt else ','}', columns=?)", [types])
    else:
        rel = con.execute(f"SELECT * FROM read_json('{path}', format='newline_delimited', "
                          "columns=?)", [types])
    names = [d[0] for d in rel.description]
    return _rows([dict(zip(names, row, strict=True)) for row in rel.fetchall()])


def _pandas_read(path: Path, fmt: str, layout: str) -> list[dict[str, Any]]:
    cols = layout_columns(layout)
    if fmt == "parquet":
        frame = pd.read_parquet(path)
    else:
        dtypes = {c: {"VARCHAR": "string", "BIGINT": "Int64", "DOUBLE": "float64",
                      "BOOLEAN": "boolean"}[t] for c, t in cols if t != "DATE"}
        dates = [c for c, t in cols if t == "DATE"]
        if fmt == "csv" and layout.startswith("gdelt"):  # GDELT's files: tabs, no header
            frame = pd.read_csv(path, sep="\t", header=None, names=[c for c, _ in cols],
                                dtype=dtypes, parse_dates=dates, keep_default_na=True)
        elif fmt == "csv":
            frame = pd.read_csv(path, dtype=dtypes, parse_dates=dates, keep_default_na=True)
        else:
            frame = pd.read_json(path, lines=True, dtype=False).astype(dtypes)
            for column in dates:
                frame[column] = pd.to_datetime(frame[column])
    frame = frame.astype(object).where(frame.notna(), None)
    return _rows(frame.to_dict("records"))


# native JSONL is the nested event record: test_native_jsonl_is_the_event_record covers it
@pytest.mark.parametrize(("layout", "fmt"), [(lay, fmt) for lay in LAYOUTS for fmt in FORMATS
                                             if (lay, fmt) != ("native", "jsonl")])
def test_round_trip_through_duckdb_and_pandas(filled: Store, tmp_path: Path, layout: str,
                                              fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    expected = _expected(filled, layout)
    assert filled.export(out, fmt, layout) == len(expected) > 0
    assert _duckdb_read(out, fmt, layout) == expected
    assert _pandas_read(out, fmt, layout) == expected
    if fmt == "csv" and not layout.startswith("gdelt"):
        with open(out, newline="", encoding="utf-8") as fh:
            assert next(csv.reader(fh)) == [c for c, _ in layout_columns(layout)]


def test_native_jsonl_is_the_event_record(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    events = filled.events()
    assert filled.export(out, "jsonl", "native") == len(events)
    lines = out.read_text(encoding="utf-8").splitlines()
    back = [event_from_dict(json.loads(line)) for line in lines]
    assert [e.to_dict() for e in back] == [e.to_dict() for e in events]
    frame = pd.read_json(out, lines=True)
    assert list(frame["id"]) == [e.id for e in events]
    rows = duckdb.sql(f"SELECT id, trigger.start AS s FROM read_json_auto('{out}')").fetchall()
    assert rows == [(e.id, e.trigger.start) for e in events]


def test_acled_layout_values(filled: Store, docs: list[Document]) -> None:
    events = filled.events()
    rows = layout_table(events, filled._documents_for(events), "acled").to_pylist()
    assert len(rows) == sum(e.acled_event_type is not None for e in events)
    attack = next(r for r in rows if r["sub_event_type"] == "Attack")
    assert attack["country"] == "Iraq" and attack["iso"] == 368
    assert (attack["inter1"], attack["inter2"], attack["interaction"]) == (1, 7, 17)
    assert attack["civilian_targeting"] == "Civilian targeting"
    assert attack["assoc_actor_1"] == "Government of Iraq"
    assert attack["assoc_actor_2"] is None  # victims are not associated actors
    assert attack["source"] == "test" and attack["source_url"] == docs[0].url
    assert attack["notes"].startswith("On 3 January 2020, in Baghdad: Troops attacked the market")
    assert attack["notes"].endswith("[5 fatalities]")
    assert attack["disorder_type"] == "Political violence" and attack["region"] == "Middle East"
    assert attack["fatalities"] == 5 and attack["year"] == 2020
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert protest["fatalities"] == 0 and protest["source"] == "test"
    assert protest["disorder_type"] == "Demonstrations" and protest["civilian_targeting"] is None
    assert [c for c, _ in layout_columns("acled")][:2] == ["event_id_cnty", "event_date"]


def test_gdelt_layout_values(filled: Store) -> None:
    events = filled.events()
    rows = layout_table(events, filled._documents_for(events), "gdelt").to_pylist()
    assert len(layout_columns("gdelt")) == 61
    met = next(r for r in rows if r["EventCode"] == "040")
    assert met["EventRootCode"] == "04" and met["EventBaseCode"] == "040"
    assert met["SQLDATE"] == 20200102 and met["MonthYear"] == 202001 and met["Year"] == 2020
    assert met["Actor1Code"] == "IRQMIL" and met["Actor1Name"] == "MILITARY (IRAQ)"
    assert met["Actor2Code"] == "IRQCVL" and met["Actor2Type1Code"] == "CVL"
    assert met["ActionGeo_CountryCode"] == "IZ" and met["ActionGeo_Type"] == 4
    assert met["ActionGeo_FullName"] == "Baghdad, Iraq"
    assert met["ActionGeo_FeatureID"] == "98182" and met["SOURCEURL"] == "https://example.org/a"
    assert met["ActionGeo_ADM1Code"] == "IZ07" and met["Actor1Geo_ADM1Code"] == "IZ07"
    assert met["QuadClass"] == 1 and met["NumMentions"] == 1
    assert all(isinstance(r["GLOBALEVENTID"], int) for r in rows)
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)


def test_filters_apply_to_export(filled: Store, tmp_path: Path) -> None:
    assert filled.export(tmp_path / "x.csv", "csv", "native", type="19") == 3


def test_unknown_format_or_layout(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(SitrepError, match="E412"):
        filled.export(tmp_path / "x.xlsx", "xlsx", "native")
    with pytest.raises(SitrepError, match="E412"):
        filled.export(tmp_path / "x.csv", "csv", "icews")


def test_unwritable_output_leaves_nothing(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(SitrepError) as info:
        filled.export(tmp_path / "missing-dir" / "x.csv", "csv", "native")
    assert info.value.code == "E417"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_chunked_export_equals_one_piece(filled: Store, tmp_path: Path, fmt: str) -> None:
    whole, pieces = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    for layout in LAYOUTS:
        assert filled.export(whole, fmt, layout, force=True) == filled.export(
            pieces, fmt, layout, chunk=2, force=True)
        if fmt == "parquet":
            assert _duckdb_read(pieces, fmt, layout) == _duckdb_read(whole, fmt, layout)
        else:
            assert pieces.read_text() == whole.read_text()
