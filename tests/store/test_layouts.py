"""Schema and convention tests of the ACLED and GDELT layouts (issue 10)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import pytest

from sitrep.records import Actor, Event, Location, TextSpan
from sitrep.store import Store, layout_columns
from sitrep.store._acled import acled_admin1, interaction
from sitrep.store._gdelt import geo_type, global_event_id, type_codes
from sitrep.store._lookups import Lookups
from sitrep.store.export import format_for, layout_table

ACLED_ORDER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp"]
ACLED_INTS = {"year", "time_precision", "inter1", "inter2", "interaction", "iso",
              "geo_precision", "fatalities", "timestamp"}
GDELT_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
             "FeatureID"]
DOC = {"title": "Headline", "url": "https://news.example/a", "source": "Example News",
       "path": "a.txt", "ingested_at": datetime(2024, 3, 4, 5, 6, 7)}


@pytest.fixture(scope="module")
def look() -> Lookups:
    return Lookups.load()


def _event(n: int = 0, **changes: Any) -> Event:
    values: dict[str, Any] = dict(
        id=f"{'ab' * 8}-{n}", doc_id="ab" * 16, trigger=TextSpan("attacked", 10 + n, 18 + n),
        sentence="Gunmen attacked a village.", cameo="190", cameo_root="19", quad_class=4,
        goldstein=-10.0, main=n == 0, confidence=0.8, event_date=date(2024, 3, 1),
        date_earliest=date(2024, 3, 1), date_latest=date(2024, 3, 1), date_precision="day",
        acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
        actor1=None, actor2=None, victims=[],
        location=Location("Kharkiv", "UKR", "Kharkiv Oblast", 49.98, 36.25, 1, 706483),
        fatalities=2)
    values.update(changes)
    return Event(**values)


def test_acled_schema_names_order_and_types() -> None:
    columns = layout_columns("acled")
    assert [c for c, _ in columns][:31] == ACLED_ORDER and len(ACLED_ORDER) == 31
    assert columns[31] == ("source_url", "VARCHAR")  # provenance, after ACLED's columns
    for name, kind in columns:
        expected = "BIGINT" if name in ACLED_INTS else ("DATE" if name == "event_date" else
                                                         "DOUBLE" if name in ("latitude",
                                                                              "longitude")
                                                         else "VARCHAR")
        assert kind == expected, name


def test_acled_values_follow_the_codebook(look: Lookups) -> None:
    events = [_event(0), _event(1, acled_event_type="Protests",
                                acled_sub_event_type="Peaceful protest", date_precision="publication"),
              _event(2, acled_event_type="Battles", acled_sub_event_type="Armed clash",
                     actor1=Actor("Military Forces of Ukraine", "UKR", "state_forces"),
                     victims=[Actor("Civilians (Ukraine)", "UKR", "civilians")])]
    rows = layout_table(events, {"ab" * 16: DOC}, "acled", look).to_pylist()
    for row in rows:
        assert row["actor1"] and isinstance(row["iso"], int) and row["iso"] == 804
        assert row["inter1"] in range(1, 9) and row["inter2"] in (None, *range(1, 9))
        assert row["interaction"] == interaction(row["inter1"], row["inter2"])
        assert row["disorder_type"] in ("Political violence", "Demonstrations",
                                        "Strategic developments",
                                        "Political violence; Demonstrations")
        assert row["time_precision"] in (1, 2, 3) and row["geo_precision"] in (1, 2, 3)
        assert row["region"] == "Europe" and row["admin1"] == "Kharkiv"
        assert row["source"] == "Example News" and row["country"] == "Ukraine"
    vac, protest, battle = rows
    assert vac["actor1"] == "Unidentified Armed Group (Ukraine)" and vac["inter1"] == 3
    assert vac["civilian_targeting"] == "Civilian targeting" and vac["interaction"] == 30
    assert vac["notes"] == "On 1 March 2024, in Kharkiv: Gunmen attacked a village. [2 fatalities]"
    assert protest["actor1"] == "Protesters (Ukraine)" and protest["inter1"] == 6
    assert protest["time_precision"] == 3 and protest["civilian_targeting"] is None
    assert (battle["actor2"], battle["inter2"], battle["interaction"]) == (
        "Civilians (Ukraine)", 7, 17)
    assert battle["assoc_actor_2"] is None and battle["civilian_targeting"] is None


def test_acled_admin1_names(look: Lookups) -> None:
    assert acled_admin1("Nairobi Area", "KEN", look) == "Nairobi"
    assert acled_admin1("Kyiv", "UKR", look) == "Kyiv City"
    assert acled_admin1("Borno", "NGA", look) == "Borno"


def test_gdelt_schema_names_order_and_types() -> None:
    columns = dict(layout_columns("gdelt"))
    assert len(columns) == 61 and list(columns)[:2] == ["GLOBALEVENTID", "SQLDATE"]
    assert list(columns)[-2:] == ["DATEADDED", "SOURCEURL"]
    for who in ("Actor1", "Actor2", "Action"):
        assert [c for c in columns if c.startswith(f"{who}Geo_")] == [
            f"{who}Geo_{p}" for p in GDELT_GEO]
        assert columns[f"{who}Geo_Type"] == "BIGINT" and columns[f"{who}Geo_Lat"] == "DOUBLE"
    assert columns["EventCode"] == "VARCHAR" and columns["GLOBALEVENTID"] == "BIGINT"
    assert len(layout_columns("gdelt_mentions")) == 16


def test_gdelt_values_follow_the_codebook(look: Lookups) -> None:
    police = Actor("Police (Ukraine)", "UKR", "state_forces", "UKRCOP", "police", 0, 6)
    region = Location("Kharkiv Oblast", "UKR", "Kharkiv Oblast", 49.9, 36.3, 3, None,
                      feature="admin1")
    events = [_event(0, actor1=police), _event(1, location=region),
              _event(2, location=None, actor2=Actor("Russia", "RUS", "government", "RUSGOV"))]
    rows = layout_table(events, {"ab" * 16: {**DOC, "url": None}}, "gdelt", look).to_pylist()
    first, second, third = rows
    assert first["Actor1Code"] == "UKRCOP" and first["Actor1Type1Code"] == "COP"
    assert first["ActionGeo_Type"] == 4 and first["ActionGeo_FeatureID"] == "706483"
    assert re.fullmatch(r"UP\d\d", first["ActionGeo_ADM1Code"])
    assert first["Actor1Geo_FullName"] == first["ActionGeo_FullName"]
    assert second["ActionGeo_Type"] == 5 and second["ActionGeo_FeatureID"] is None
    assert third["ActionGeo_Type"] == 0 and third["Actor1Geo_Type"] == 0
    assert third["Actor2Geo_Type"] == 1 and third["Actor2Geo_CountryCode"] == "RS"
    assert third["Actor2Type1Code"] == "GOV"
    assert all(r["SOURCEURL"] is None for r in rows)  # a path or a title is not a URL
    ids = [r["GLOBALEVENTID"] for r in rows]
    assert len(set(ids)) == 3 and all(0 < i < 2**63 for i in ids)
    assert ids[0] == global_event_id(events[0].id)  # stable across runs


def test_type_codes_and_geo_types(look: Lookups) -> None:
    assert type_codes(Actor("UN", None, "external_forces", "IGOUNO"), look) == ("UNO", ["IGO"])
    assert type_codes(Actor("x", "USA", "state_forces", "USACOP"), look) == (None, ["COP"])
    assert type_codes(Actor("x", "IRQ", "rebel_group"), look) == (None, ["REB"])
    assert geo_type(Location("Texas", "USA", "Texas", feature="admin1")) == 2
    assert geo_type(Location("Austin", "USA", "Texas", geo_precision=1, feature="city")) == 3
    assert geo_type(Location("Iraq", "IRQ", feature="country")) == 1


def test_one_id_per_event_even_within_one_document(filled: Store) -> None:
    events = filled.events()
    rows = layout_table(events, filled._documents_for(events), "gdelt").to_pylist()
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    mentions = layout_table(events, filled._documents_for(events), "gdelt_mentions").to_pylist()
    assert {m["GLOBALEVENTID"] for m in mentions} == {r["GLOBALEVENTID"] for r in rows}
    assert all(m["ActionCharOffset"] >= 0 and m["MentionDocLen"] > 0 for m in mentions)


@pytest.mark.parametrize(("name", "layout", "fmt"), [
    ("x.parquet", "acled", "parquet"), ("x.CSV", "native", "csv"), ("x.export.CSV", "gdelt", "tsv"),
    ("x.jsonl", "gdelt", "jsonl"), ("x.tsv", "acled", "tsv"), ("-", "native", "csv"),
    ("-", "gdelt", "tsv")])
def test_format_follows_the_extension(name: str, layout: str, fmt: str) -> None:
    assert format_for(name, layout) == fmt


def test_gdelt_file_is_tab_separated_without_header(filled: Store, tmp_path: Any) -> None:
    filled.export(tmp_path / "g.csv", layout="gdelt")
    first = (tmp_path / "g.csv").read_text().splitlines()[0].split("\t")
    assert len(first) == 61 and first[0].isdigit()
    filled.export(tmp_path / "h.tsv", layout="gdelt", header=True)
    assert (tmp_path / "h.tsv").read_text().startswith("GLOBALEVENTID\tSQLDATE\t")
    filled.export(tmp_path / "a.parquet", layout="acled")
    assert (tmp_path / "a.parquet").read_bytes()[:4] == b"PAR1"
