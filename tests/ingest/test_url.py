"""URL sources against a real HTTP server on 127.0.0.1 (so ``allow_private`` is needed)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.ingest import IngestError, SourceOptions, iter_sources
from sitrep.ingest._url import check_url
from sitrep.records import Document
from tests.ingest.conftest import HERE, RSS

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/article": (200, "text/html; charset=utf-8", (HERE / "page.html").read_bytes()),
    "/feed": (200, "application/rss+xml", RSS.encode()),
    "/plain": (200, "text/plain", b"Plain text report of a clash."),
    "/big": (200, "text/plain", b"x" * 300_000),
    "/missing": (404, "text/html", b"not here"),
    "/binary": (200, "text/plain", b"\x00\x01\x02"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        if self.path == "/slow":
            import time

            time.sleep(2)
        if self.path == "/drip":  # 1 byte every 0.4 s: each read is quick, the whole is not
            import time

            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "20")
            self.end_headers()
            try:
                for _ in range(20):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.4)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
                pass
            return
        status, kind, body = ROUTES.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _read(url: str, **opts: object) -> list[Document | IngestError]:
    options = SourceOptions(**{"allow_private": True, **opts})  # type: ignore[arg-type]
    return list(iter_sources([url], options))


def test_html_article_over_http(server: str) -> None:
    (doc,) = _read(server + "/article")
    assert isinstance(doc, Document)
    assert doc.published == date(2021, 3, 4) and doc.path == server + "/article"
    assert "seven soldiers" in doc.text and doc.url == server + "/article"


def test_feed_and_plain_text_over_http(server: str) -> None:
    items = _read(server + "/feed")
    assert [i.title for i in items if isinstance(i, Document)] == ["Clashes in Tripoli",
                                                                   "Protest in Basra"]
    (plain,) = _read(server + "/plain")
    assert isinstance(plain, Document) and plain.text == "Plain text report of a clash."


def test_redirect_is_followed_and_checked(server: str) -> None:
    (doc,) = _read(server + "/redirect")
    assert isinstance(doc, Document) and doc.url == server + "/article"


@pytest.mark.parametrize(("path", "opts", "code"), [
    ("/missing", {}, "E409"),
    ("/big", {"max_bytes": 100_000}, "E401"),
    ("/binary", {}, "E007"),
    ("/slow", {"timeout": 0.5}, "E409"),
])
def test_http_failures_are_errors(server: str, path: str, opts: dict, code: str) -> None:
    (item,) = _read(server + path, **opts)
    assert isinstance(item, IngestError) and item.code == code
    assert item.source == server + path


def test_loopback_refused_unless_allowed(server: str) -> None:
    (item,) = list(iter_sources([server + "/article"]))
    assert isinstance(item, IngestError) and item.code == "E408"
    assert "--allow-private" in item.message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x",
                                 "http://10.1.2.3/", "http://[::1]/", "http://169.254.169.254/",
                                 "http://localhost/"])
def test_refused_urls(url: str) -> None:
    with pytest.raises(SitrepError) as info:
        check_url(url)
    assert info.value.code == "E408"


def test_unknown_host_is_a_fetch_error() -> None:
    with pytest.raises(SitrepError) as info:
        check_url("http://no-such-host.invalid/")
    assert info.value.code == "E409"


def test_path_with_colon_is_not_a_url(tmp_path: Path) -> None:
    (tmp_path / "a:b.txt").write_text("A colon in the name.")
    (doc,) = list(iter_sources([tmp_path / "a:b.txt"]))
    assert isinstance(doc, Document)


def test_drip_feed_is_bounded_by_the_total_deadline(server: str) -> None:
    import time

    started = time.perf_counter()
    (error,) = _read(server + "/drip", timeout=1.0)
    assert isinstance(error, IngestError) and error.code == "E409"
    assert "longer than --timeout" in error.message
    assert time.perf_counter() - started < 2.5  # not 8 s: 20 bytes at 0.4 s each


def test_the_checked_address_is_the_one_connected_to(server: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    real = socket.getaddrinfo
    port = int(server.rsplit(":", 1)[1])
    calls: list[str] = []

    def rebinding(host: str, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        if host != "rebind.test":
            return real(host, *args, **kwargs)  # type: ignore[arg-type]
        calls.append(host)  # first answer checked; any later one would be private
        address = "93.184.216.34" if len(calls) == 1 else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    from sitrep.ingest._url import pin

    pinned = pin(f"http://rebind.test:{port}/plain")
    assert pinned.url == f"http://93.184.216.34:{port}/plain"
    assert pinned.host_header == f"rebind.test:{port}" and calls == ["rebind.test"]
    calls.clear()
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: (
        calls.append(host), [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))])[1]
        if host == "rebind.test" else real(host, *a, **k))
    (doc,) = _read(f"http://rebind.test:{port}/plain")  # allow_private: served from 127.0.0.1
    assert isinstance(doc, Document) and doc.text == "Plain text report of a clash."
    assert calls == ["rebind.test"]  # resolved once; httpx never looked the name up again
