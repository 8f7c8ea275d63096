"""Read routes over a store of hand-made events: pages, filters, formats, spans, statistics."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
from fastapi.testclient import TestClient


def test_health_says_read_only_without_token(client: TestClient) -> None:
    body = client.get("/v1/health").json()
    assert body["status"] == "ok" and body["read_only"] is True and body["events"] == 5


def test_events_page_with_total_and_paging(client: TestClient) -> None:
    first = client.get("/v1/events", params={"limit": 2, "sort": "date"}).json()
    assert first["total"] == 5 and first["limit"] == 2 and len(first["events"]) == 2
    rest = client.get("/v1/events", params={"limit": 10, "offset": 2, "sort": "date"}).json()
    ids = [e["id"] for e in first["events"]] + [e["id"] for e in rest["events"]]
    assert len(ids) == len(set(ids)) == 5
    dates = [e["event_date"] for e in first["events"] + rest["events"]]
    assert dates == sorted(dates)


def test_default_sort_is_newest_first_and_fatalities_sort(client: TestClient) -> None:
    newest = client.get("/v1/events").json()["events"]
    assert newest[0]["event_date"] >= newest[-1]["event_date"]
    deadly = client.get("/v1/events", params={"sort": "-fatalities"}).json()["events"]
    assert [e["fatalities"] for e in deadly[:2]] == [5, 3]


def test_filters_country_admin1_bbox_type_text(client: TestClient) -> None:
    def total(**params: str) -> int:
        return int(client.get("/v1/events", params=params).json()["total"])

    assert total(country="IRQ") == 3 and total(country="Kenya") == 2 and total(country="KE") == 2
    assert total(admin1="kirkuk") == 1
    assert total(bbox="30,-5,40,5") == 2  # Nairobi only
    assert total(bbox="44,33,45,36") == 3  # Baghdad and Kirkuk
    assert total(type="Battles") == 1 and total(type="19") == 3
    assert total(text="convoy") == 1 and total(since="2020-01-04", until="2020-01-31") == 2


def test_bad_filters_are_400_with_the_catalogue_code(client: TestClient) -> None:
    for params in ({"since": "yesterday"}, {"country": "Atlantis"}, {"bbox": "1,2,3"},
                   {"type": "Skirmish"}, {"sort": "size"}, {"bbox": "0,50,10,40"}):
        answer = client.get("/v1/events", params=params)
        assert answer.status_code == 400, params
        assert answer.json()["error"]["code"] == "E416"


def test_limit_over_the_page_maximum_is_refused(store, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    answer = client.get("/v1/events", params={"limit": 5000})
    assert answer.status_code == 400 and "at most 1000" in answer.json()["error"]["message"]


def test_wrong_parameter_type_is_422_json(client: TestClient) -> None:
    answer = client.get("/v1/events", params={"limit": "many"})
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "E705" and "limit" in answer.json()["error"]["message"]


def test_unknown_route_and_method_are_json(client: TestClient) -> None:
    missing = client.get("/v1/nothing")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E708"
    wrong = client.delete("/v1/events")
    assert wrong.status_code == 405 and wrong.json()["error"]["code"] == "E709"


def test_csv_by_format_and_by_accept_header(client: TestClient) -> None:
    by_param = client.get("/v1/events", params={"format": "csv", "country": "IRQ"})
    by_header = client.get("/v1/events", params={"country": "IRQ"}, headers={"Accept": "text/csv"})
    assert by_param.headers["content-type"].startswith("text/csv")
    assert by_param.content == by_header.content
    rows = list(csv.DictReader(io.StringIO(by_param.text)))
    assert len(rows) == 3 and {r["location_name"] for r in rows} == {"Baghdad", "Kirkuk"}


def test_file_formats_hold_every_matching_event(client: TestClient) -> None:
    parquet = client.get("/v1/events", params={"format": "parquet", "layout": "acled"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert "event_type" in table.column_names
    assert table.num_rows == 4  # every event ACLED has a type for: not the meeting
    lines = client.get("/v1/events", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["id"]
    gdelt = client.get("/v1/events", params={"format": "csv", "layout": "gdelt"}).text
    assert len(gdelt.strip().splitlines()) == 5 and "\t" in gdelt


def test_geojson_points_at_each_event(client: TestClient) -> None:
    answer = client.get("/v1/events", headers={"Accept": "application/geo+json"},
                        params={"country": "KEN"})
    assert answer.headers["content-type"] == "application/geo+json"
    collection = answer.json()
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 2
    point = collection["features"][0]["geometry"]
    assert point == {"type": "Point", "coordinates": [36.82, -1.28]}


def test_unknown_format_or_layout_is_refused(client: TestClient) -> None:
    assert client.get("/v1/events", params={"format": "xlsx"}).json()["error"]["code"] == "E706"
    assert client.get("/v1/events", headers={"Accept": "image/png"}).status_code == 406
    assert client.get("/v1/events", params={"layout": "cameo"}).json()["error"]["code"] == "E412"


def test_event_with_document_and_spans(client: TestClient) -> None:
    event_id = client.get("/v1/events", params={"text": "convoy"}).json()["events"][0]["id"]
    body = client.get(f"/v1/events/{event_id}").json()
    text = body["document"]["text"]
    assert body["event"]["id"] == event_id and body["document"]["title"] == "Airstrike"
    spans = {s["field"]: s for s in body["spans"]}
    assert spans["trigger"]["text"] == "airstrike"
    assert spans["fatalities"]["text"] == "3 people were killed" and spans["fatalities"]["found"]
    for span in body["spans"]:
        assert text[span["start"]:span["end"]] == span["text"]
    assert body["incident_id"]


def test_missing_event_and_document_are_404(client: TestClient) -> None:
    for path in ("/v1/events/nope", "/v1/documents/nope", "/v1/incidents/nope", "/v1/chains/nope"):
        answer = client.get(path)
        assert answer.status_code == 404 and answer.json()["error"]["code"] == "E703", path


def test_document_with_its_events(client: TestClient) -> None:
    event = client.get("/v1/events", params={"text": "market"}).json()["events"][0]
    body = client.get(f"/v1/documents/{event['doc_id']}").json()
    assert body["title"] == "Market attack" and body["text"].startswith("Troops attacked")
    assert [e["trigger"]["text"] for e in body["events"]] == ["attacked", "met"]


def test_stats_follow_the_filters(client: TestClient) -> None:
    everything = client.get("/v1/stats").json()
    assert everything["events"] == 5 and everything["fatalities"] == 8
    assert [row[0] for row in everything["by_country"]] == ["IRQ", "KEN"]
    assert everything["country_names"] == {"IRQ": "Iraq", "KEN": "Kenya"}
    kenya = client.get("/v1/stats", params={"country": "KEN", "period": "month"}).json()
    assert kenya["events"] == 2 and kenya["period"] == "month"
    assert kenya["by_country"] == [["KEN", 2, 0]]
    assert all(row[0].endswith("-01") for row in kenya["by_period"])
    assert client.get("/v1/stats", params={"period": "hour"}).status_code == 400


def test_map_cells_aggregate_and_split_with_zoom(client: TestClient) -> None:
    world = client.get("/v1/map", params={"zoom": 0}).json()
    assert world["total"] == world["located"] == 5
    assert sum(c["events"] for c in world["cells"]) == 5
    close = client.get("/v1/map", params={"zoom": 8}).json()
    assert len(close["cells"]) == 3  # Baghdad, Kirkuk and Nairobi apart
    single = [c for c in close["cells"] if c["events"] == 1]
    assert single and all(c["event_id"] for c in single)
    baghdad = next(c for c in close["cells"] if round(c["lat"]) == 33)
    assert baghdad["fatalities"] == 5 and baghdad["event_id"] is None
    assert client.get("/v1/map", params={"zoom": 40}).status_code == 422


def test_incidents_and_chains(client: TestClient) -> None:
    listed = client.get("/v1/incidents", params={"country": "IRQ"}).json()
    assert listed["total"] >= 1 and listed["incidents"][0]["report_ids"]
    event_id = listed["incidents"][0]["report_ids"][0]
    one = client.get(f"/v1/incidents/{event_id}").json()
    assert event_id in [r["event_id"] for r in one["reports"]]
    assert "incidents" in client.get(f"/v1/chains/{event_id}").json()


def test_pages_come_with_a_strict_content_security_policy(client: TestClient) -> None:
    answer = client.get("/")
    assert answer.status_code == 200 and "text/html" in answer.headers["content-type"]
    assert "default-src 'self'" in answer.headers["content-security-policy"]
    docs = client.get("/docs").text
    assert "/static/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/openapi.json").json()["info"]["title"] == "sitrep"
