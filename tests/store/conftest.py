from __future__ import annotations

from datetime import date

import pytest

from sitrep.records import Document
from sitrep.store import Store
from sitrep.text import doc_id
from tests.store.fake_coder import fake_events

TEXTS = [
    ("Troops attacked the market in Baghdad, and 5 people were killed. Officials met later.",
     date(2020, 1, 3), "Market attack", "https://example.org/a"),
    ("An airstrike hit a convoy near the airport and 3 people were killed.", date(2020, 1, 5),
     "Airstrike", "https://example.org/b"),
    ("Students protested outside parliament. Rebels clashed with the army.", date(2020, 2, 1),
     None, None),
    ("The weather was fine and nothing happened.", None, "Quiet day", None),
]


def make_doc(text: str, published: date | None = None, title: str | None = None,
             url: str | None = None, path: str | None = None) -> Document:
    return Document(doc_id(text), text, published, title, url, "test", path)


@pytest.fixture
def docs() -> list[Document]:
    return [make_doc(t, p, ti, u, f"doc{i}.txt") for i, (t, p, ti, u) in enumerate(TEXTS)]


@pytest.fixture
def filled(docs: list[Document]) -> Store:
    store = Store(":memory:")
    store.add_batch([(d, fake_events(d)) for d in docs])
    return store
