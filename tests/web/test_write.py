"""Writes need the bearer token; /v1/code codes without storing; size and time limits."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from sitrep.store import Store
from tests.web.conftest import TOKEN, client_for

DOC = {"text": "Rebels clashed with the army near the border and 4 people were killed.",
       "published": "2021-03-02", "title": "Border clash"}


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_read_only_server_refuses_writes(client: TestClient) -> None:
    answer = client.post("/v1/documents", json={"documents": [DOC]}, headers=_bearer(TOKEN))
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "E702"


def test_missing_or_wrong_token_is_401(writer: TestClient) -> None:
    for headers in ({}, {"Authorization": "Basic abc"}, _bearer("wrong"), _bearer(TOKEN + "x")):
        answer = writer.post("/v1/documents", json={"documents": [DOC]}, headers=headers)
        assert answer.status_code == 401, headers
        assert answer.json()["error"]["code"] == "E701"
        assert answer.headers["www-authenticate"] == "Bearer"


def test_token_writes_documents_once(writer: TestClient) -> None:
    before = writer.get("/v1/stats").json()["events"]
    answer = writer.post("/v1/documents", json={"documents": [DOC]}, headers=_bearer(TOKEN))
    assert answer.status_code == 200, answer.text
    assert answer.json()["stored"] == 1 and answer.json()["events"] == 1
    again = writer.post("/v1/documents", json={"documents": [DOC]}, headers=_bearer(TOKEN)).json()
    assert again["stored"] == 0 and again["duplicates"] == 1
    found = writer.get("/v1/events", params={"text": "border"}).json()
    assert writer.get("/v1/stats").json()["events"] == before + 1 and found["total"] == 1
    assert found["events"][0]["fatalities"] == 4


def test_uploaded_files_are_ingested(writer: TestClient) -> None:
    files = [("files", ("a.txt", b"Rebels clashed with the army in the hills.", "text/plain")),
             ("files", ("b.txt", b"", "text/plain"))]
    body = writer.post("/v1/documents", files=files, headers=_bearer(TOKEN)).json()
    assert body["stored"] == 1 and body["failed"] == 1
    assert body["errors"][0]["code"] == "E402" and "b.txt" in body["errors"][0]["source"]


def test_bad_documents_body_is_an_error_not_a_crash(writer: TestClient) -> None:
    for payload in ({"documents": [{"title": "no text"}]}, {}, {"urls": []}):
        answer = writer.post("/v1/documents", json=payload, headers=_bearer(TOKEN))
        assert answer.status_code == 422 and answer.json()["error"]["code"] == "E705", payload
    garbled = writer.post("/v1/documents", content=b"{not json", headers=_bearer(TOKEN))
    assert garbled.status_code == 422


def test_private_urls_are_refused_and_recorded(writer: TestClient) -> None:
    body = writer.post("/v1/documents", json={"urls": ["http://127.0.0.1:9/x"]},
                       headers=_bearer(TOKEN)).json()
    assert body["stored"] == 0 and body["errors"][0]["code"] == "E408"


def test_code_returns_events_without_storing(client: TestClient) -> None:
    answer = client.post("/v1/code", json=DOC)
    assert answer.status_code == 200
    events = answer.json()["events"]
    assert [e["trigger"]["text"] for e in events] == ["clashed"] and events[0]["fatalities"] == 4
    assert client.get("/v1/events", params={"text": "border"}).json()["total"] == 0


def test_code_rejects_bad_input_with_4xx(client: TestClient) -> None:
    assert client.post("/v1/code", json={"published": "2020-01-01"}).status_code == 422
    bad_date = client.post("/v1/code", json={"text": "x", "published": "soon"})
    assert bad_date.status_code == 400 and bad_date.json()["error"]["code"] == "E003"
    surrogate = client.post("/v1/code", content=b'{"text": "a \\ud83d b"}',
                            headers={"Content-Type": "application/json"})
    assert surrogate.status_code == 400 and surrogate.json()["error"]["code"] == "E012"


def test_text_over_the_character_limit_is_413(store: Store) -> None:
    small = client_for(store, max_chars=100)
    answer = small.post("/v1/code", json={"text": "word " * 50})
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "E004"


def test_body_over_the_byte_limit_is_413(store: Store) -> None:
    small = client_for(store, max_body_bytes=1000)
    answer = small.post("/v1/code", json={"text": "x" * 2000})
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "E700"

    def chunks():  # type: ignore[no-untyped-def]  # no Content-Length: counted as it arrives
        for _ in range(5):
            yield b"x" * 400

    streamed = small.post("/v1/code", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413


class _SlowCoder:
    def code_document(self, document):  # type: ignore[no-untyped-def]
        time.sleep(1.0)
        return []


def test_request_over_the_time_limit_is_503(store: Store) -> None:
    slow = client_for(store, timeout=0.2)
    slow.app.state.service._coder = _SlowCoder()  # type: ignore[attr-defined]
    answer = slow.post("/v1/code", json={"text": "Rebels clashed with the army."})
    assert answer.status_code == 503 and answer.json()["error"]["code"] == "E704"
    assert slow.get("/v1/health").status_code == 200  # the server goes on serving
