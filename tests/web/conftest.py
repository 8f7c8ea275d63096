"""A served store of hand-made events (the stand-in coder's, in three places) and a client."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from sitrep.records import Document, Location  # noqa: E402
from sitrep.store import Store  # noqa: E402
from sitrep.web import Settings, create_app  # noqa: E402
from tests.store.conftest import make_doc  # noqa: E402
from tests.store.fake_coder import FakeCoder, fake_events  # noqa: E402

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
