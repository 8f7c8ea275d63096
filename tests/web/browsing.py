"""Helpers for the browser tests (tests/web/test_browser.py): Debian's Chromium, a store built
from samples, and a watch on every request a page makes.

No browser is ever downloaded: Chromium comes from apt (tools/ensure_chromium.sh). Every request
that would leave loopback is aborted and recorded, so a test can assert there were none."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


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


def build_store(folder: Path) -> Path:
    """A store of three samples (Iraq, Kenya, Ukraine) and the hostile document, via the CLI."""
    db = folder / "web.duckdb"
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "sitrep", "ingest", *map(str, SAMPLES), str(hostile),
                    "--db", str(db), "--no-progress"], check=True, capture_output=True, timeout=300)
    return db


@dataclass
class Watch:
    """What a page did: every request URL, the ones aborted for leaving loopback, console
    errors and warnings, and uncaught exceptions."""

    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def watched_context(browser: Any, watch: Watch) -> Any:
    """A fresh context (own profile) that aborts and records any request leaving loopback."""
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
