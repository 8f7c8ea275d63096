"""``sitrep serve``: refusals before anything loads, and a real uvicorn run."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from sitrep.cli import main
from sitrep.store import Store
from tests.store.conftest import TEXTS, make_doc
from tests.store.fake_coder import fake_events
from tests.web.server import running_server

pytest.importorskip("uvicorn", reason="the web extra is not installed")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "served.duckdb"
    with Store(path) as store:
        docs = [make_doc(t, p, ti, u) for t, p, ti, u in TEXTS]
        store.add_batch([(d, fake_events(d)) for d in docs])
    return path


def test_missing_store_read_only_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "E410" in capsys.readouterr().err


def test_port_in_use_is_refused(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--db", str(db), "--port", str(port)]) == 2
    assert "E707" in capsys.readouterr().err


@pytest.mark.slow
def test_real_server_answers_and_stops(db: Path) -> None:
    with running_server(db) as server:
        url = server.url
        health = httpx.get(f"{url}/v1/health").json()
        assert health["read_only"] and health["events"] > 0
        page = httpx.get(f"{url}/v1/events", params={"limit": 2}).json()
        assert page["total"] == health["events"] and len(page["events"]) == 2
        assert httpx.get(f"{url}/").headers["content-security-policy"]
        refused = httpx.post(f"{url}/v1/documents", json={"documents": [{"text": "x"}]})
        assert refused.status_code == 403


@pytest.mark.slow
def test_code_over_http_equals_the_python_api(db: Path, coder) -> None:  # type: ignore[no-untyped-def]
    seed = Path(__file__).resolve().parents[2] / "samples" / "soleimani_2020-01-03.txt"
    text = seed.read_text(encoding="utf-8")
    with running_server(db, token="t0ken") as server:
        url = server.url
        answer = httpx.post(f"{url}/v1/code", json={"text": text}, timeout=120)
        assert answer.status_code == 200, answer.text
        over_http = answer.json()["events"]
        body = text.split("---\n", 2)[2]  # a JSON record carries its metadata in fields
        record = {"text": body, "published": "2020-01-03", "title": "Soleimani killed"}
        stored = httpx.post(f"{url}/v1/documents", json={"documents": [record]},
                            headers={"Authorization": "Bearer t0ken"}, timeout=120).json()
        strike = httpx.get(f"{url}/v1/events", params={"text": "drone strike"}).json()
    assert over_http == [e.to_dict() for e in coder.code(text)]
    assert stored["stored"] == 1 and stored["events"] == len(coder.code(body, "2020-01-03"))
    assert strike["total"] >= 1
