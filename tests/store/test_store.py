from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.ingest import IngestError
from sitrep.records import Document, TextSpan, replace
from sitrep.store import Store
from tests.store.fake_coder import fake_events


def _sorted(events: list) -> list:
    return sorted(events, key=lambda e: e.id)


def test_events_come_back_exactly_as_stored(docs: list[Document]) -> None:
    store = Store(":memory:")
    stored = []
    for doc in docs:
        events = fake_events(doc)
        assert store.add(doc, events) is True
        stored += events
    assert len(stored) >= 5
    assert _sorted(store.events()) == _sorted(stored)
    assert store.document(docs[0].id) == docs[0]
    assert store.document("nope") is None


def test_same_document_twice_adds_nothing(docs: list[Document]) -> None:
    store = Store(":memory:")
    store.add(docs[0], fake_events(docs[0]))
    before = store.counts()
    assert store.add(docs[0], fake_events(docs[0])) is False
    result = store.add_batch([(d, fake_events(d)) for d in [docs[0], docs[1], docs[1]]])
    assert (result.added, result.duplicates) == (1, 2)
    after = store.counts()
    assert after["documents"] == before["documents"] + 1
    assert store.has_document(docs[1].id) and not store.has_document("0" * 32)


def test_counts_match_the_records(filled: Store, docs: list[Document]) -> None:
    events = [e for d in docs for e in fake_events(d)]
    counts = filled.counts()
    assert counts["documents"] == len(docs)
    assert counts["events"] == len(events)
    assert counts["event_actors"] == sum(
        bool(e.actor1) + bool(e.actor2) + len(e.victims) for e in events)
    assert counts["event_places"] == sum(e.location is not None for e in events)
    assert counts["event_mentions"] == sum(len(e.mentions) for e in events)


def test_bad_document_in_batch_fails_alone(docs: list[Document]) -> None:
    store = Store(":memory:")
    good = [(d, fake_events(d)) for d in docs[:2]]
    broken_event = replace(fake_events(docs[2])[0], cameo=None)  # violates NOT NULL
    result = store.add_batch([good[0], (docs[2], [broken_event]), good[1]])
    assert result.added == 2
    assert [f.code for f in result.failed] == ["E415"]
    assert not store.has_document(docs[2].id)
    assert store.counts()["events"] == sum(len(e) for _, e in good)
    assert [e.code for e in store.errors()] == ["E415"]
    with pytest.raises(SitrepError, match="E415"):
        store.add(docs[2], [broken_event])


def test_errors_are_recorded_once_per_source_and_code() -> None:
    store = Store(":memory:")
    err = IngestError("bad.json:3", "E403", "[E403] bad", None)
    store.add_errors([err, err])
    store.add_batch([], [err, IngestError("bad.json:3", "E404", "[E404] x")])
    assert [(e.source, e.code) for e in store.errors()] == [("bad.json:3", "E403"),
                                                           ("bad.json:3", "E404")]


def test_duplicate_event_ids_in_one_document_are_stored_once(docs: list[Document]) -> None:
    store = Store(":memory:")
    events = fake_events(docs[0])
    assert store.add(docs[0], events + [events[0]])
    assert store.counts()["events"] == len(events)


def test_store_file_persists_and_reopens(tmp_path: Path, docs: list[Document]) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add(docs[0], fake_events(docs[0]))
    with Store(path, read_only=True) as store:
        assert store.has_document(docs[0].id)
        assert len(store.events()) == len(fake_events(docs[0]))


def test_victims_and_mentions_keep_their_order(docs: list[Document]) -> None:
    event = fake_events(docs[0])[0]
    victims = [replace(event.victims[0], name=f"V{i}") for i in range(12)]
    mentions = [TextSpan("x", i, i + 1) for i in range(12)]
    event = replace(event, victims=victims, mentions=mentions)
    store = Store(":memory:")
    store.add(docs[0], [event])
    (back,) = store.events()
    assert [v.name for v in back.victims] == [v.name for v in victims]
    assert back.mentions == mentions


def test_storing_a_document_clears_its_old_errors(docs: list[Document]) -> None:
    store = Store(":memory:")
    store.add_errors([IngestError("doc0.txt", "E414", "[E414] coder failed", docs[0].id),
                      IngestError("other.txt", "E402", "[E402] empty")])
    store.add(docs[0], fake_events(docs[0]))
    assert [e.source for e in store.errors()] == ["other.txt"]
