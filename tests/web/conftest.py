"""A served store of hand-made events (the stand-in coder's, in three places) and a client."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from sitrep.records import Document, Location  # noqa: E402
from sitrep.store import Store  # noqa: E402
from sitrep.web import Settings, create_app  # noqa: E402
from tests.store.conftest import make_doc  # noqa: E402
from tests.store.fake_coder import FakeCoder, fake_events  # noqa: E402
from tests.web.browsing import (  # noqa: E402
    ARTIFACTS,
    CHROMIUM_ARGS,
    Watch,
    build_store,
    find_chromium,
    watch_page,
    watched_context,
)
from tests.web.server import running_server  # noqa: E402

TOKEN = "s3cret-token"
PLACES = [
    Location("Baghdad", "IRQ", "Baghdad", 33.34, 44.40, 1, 98182, "Baghdad", None, None, "PPLC"),
    Location("Kirkuk", "IRQ", "Kirkuk", 35.47, 44.39, 1, 94787, "Kirkuk", None, None, "PPLA"),
    Location("Nairobi", "KEN", "Nairobi Area", -1.28, 36.82, 1, 184745, "Nairobi", None, None,
             "PPLC"),
]
TEXTS = [
    ("Troops attacked the market in Baghdad, and 5 people were killed. Officials met later.",
     date(2020, 1, 3), "Market attack"),
    ("An airstrike hit a convoy near Kirkuk and 3 people were killed.", date(2020, 1, 5),
     "Airstrike"),
    ("Students protested outside parliament in Nairobi. Rebels clashed with the army.",
     date(2020, 2, 1), None),
    ("The weather was fine and nothing happened.", None, "Quiet day"),
]


def placed_events(doc: Document, index: int) -> list:  # type: ignore[type-arg]
    """The stand-in coder's events, moved to the document's own place."""
    return [replace(e, location=PLACES[index % len(PLACES)]) for e in fake_events(doc)]


@pytest.fixture
def docs() -> list[Document]:
    return [make_doc(t, p, ti, None, f"doc{i}.txt") for i, (t, p, ti) in enumerate(TEXTS)]


@pytest.fixture
def store(docs: list[Document]) -> Iterator[Store]:
    store = Store(":memory:")
    store.add_batch([(d, placed_events(d, i)) for i, d in enumerate(docs)])
    yield store
    store.close()


def client_for(store: Store, **settings: object) -> TestClient:
    app = create_app(Settings(**settings), store=store)  # type: ignore[arg-type]
    app.state.service._coder = FakeCoder()  # no spaCy model in the fast tests
    return TestClient(app)


@pytest.fixture
def client(store: Store) -> TestClient:
    return client_for(store)


@pytest.fixture
def writer(store: Store) -> TestClient:
    return client_for(store, token=TOKEN)


# The browser tests (test_browser.py): a real `sitrep serve` and Debian's headless Chromium.

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
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a real, read-only `sitrep serve` (uvicorn) on 127.0.0.1."""
    db = build_store(tmp_path_factory.mktemp("browser"))
    with running_server(db) as served:
        yield served.url


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


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
