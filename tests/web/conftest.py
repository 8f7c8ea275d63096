"""Fixtures for the browser tests: a store built from three samples, a real `sitrep serve`
(uvicorn) on a free loopback port, and Debian's headless Chromium driven by Playwright.

No browser is ever downloaded: Chromium comes from apt (tools/ensure_chromium.sh). Every request
that would leave loopback is aborted and recorded, so a test can assert there were none."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [ROOT / "samples" / name for name in (
    "soleimani_2020-01-03.txt", "ken_nairobi_2024-06-26.txt", "ukr_kharkiv_2024-12-04.txt")]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
# Markup in every stored field, and astral characters before the spans (offsets are code points).
HOSTILE = """---
title: "<img src=x onerror=\\"window.__xss=1\\"> Mosul attack"
published: 2024-03-05
source: "<b>bold</b> wire"
url: "javascript:window.__xss=3"
---
\U0001F525\U0001F525 Gunmen killed three villagers near Mosul on Monday <script>window.__xss=2</script>.
"""
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def is_local(url: str) -> bool:
    """True for loopback http(s) URLs and for data:/blob:/about: URLs (nothing leaves the host)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and (parts.hostname or "") in LOOPBACK


def find_chromium() -> str | None:
    """Debian's chromium (or $SITREP_CHROMIUM), installing it with apt when it is missing."""
    wanted = os.environ.get("SITREP_CHROMIUM", "/usr/bin/chromium")
    if Path(wanted).is_file():
        return wanted
    script = ROOT / "tools" / "ensure_chromium.sh"
    subprocess.run(["sh", str(script)], check=False, env={**os.environ, "CHROMIUM": wanted})
    if Path(wanted).is_file():
        return wanted
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium() -> str:
    pytest.importorskip("playwright.sync_api", reason="the browser extra is not installed (playwright)")
    path = find_chromium()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing and could not be installed (tools/ensure_chromium.sh)")
        pytest.skip("chromium is not at /usr/bin/chromium and tools/ensure_chromium.sh could not install it")
    return path


@pytest.fixture(scope="session")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    db = folder / "web.duckdb"
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    inputs = [*map(str, SAMPLES), str(hostile)]
    subprocess.run([sys.executable, "-m", "sitrep", "ingest", *inputs, "--db", str(db),
                    "--no-progress"], check=True, capture_output=True, timeout=300)
    return db


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(base: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"sitrep serve exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"sitrep serve did not answer {base}/v1/health within {timeout:g} s")


@pytest.fixture(scope="session")
def server(store_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a real `sitrep serve` (uvicorn) on 127.0.0.1, read-only."""
    port = free_port()
    log = (tmp_path_factory.mktemp("serve") / "serve.log").open("wb")
    env = {k: v for k, v in os.environ.items() if k != "SITREP_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(store_db),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Watch:
    """What a page did: every request URL, the ones aborted for leaving loopback, console
    errors and warnings, and uncaught exceptions."""

    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def watched_context(browser: Any, watch: Watch) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 900})

    def block(route: Any) -> None:
        watch.outside.append(route.request.url)
        route.abort()

    context.route(lambda url: not is_local(url), block)
    context.on("request", lambda req: watch.requests.append(req.url))
    return context


def watch_page(page: Any, watch: Watch) -> None:
    def on_console(msg: Any) -> None:
        if msg.type in ("error", "warning"):
            watch.console.append(f"{msg.type}: {msg.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser: Any, watch: Watch, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser context and page; a screenshot is saved as a test artifact afterwards."""
    context = watched_context(browser, watch)
    pg = context.new_page()
    watch_page(pg, watch)
    pg.set_default_timeout(15_000)
    try:
        yield pg
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        try:
            pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        finally:
            context.close()
        assert not watch.outside, f"requests left loopback: {watch.outside}"
