from __future__ import annotations

import itertools

from sitrep.records import replace
from sitrep.store import Store
from tests.incidents.fixtures import BOMBING, NEAR_MISSES, reports, retaliation


def _items():  # type: ignore[no-untyped-def]
    return reports(BOMBING + NEAR_MISSES) + [retaliation()]


def _incidents(store: Store) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(i.event_ids)) for i in store.incidents())


def test_reports_of_one_event_become_one_incident() -> None:
    with Store(":memory:") as store:
        store.add_batch(_items())
        groups = _incidents(store)
        assert len(groups) == 1 + len(NEAR_MISSES) + 2
        assert max(len(g) for g in groups) == 3
        stats = store.stats()
        assert stats.incidents == len(groups) and stats.counted == "incidents"
        assert stats.fatalities == 17 + 3 + 4 + 6  # best tolls, the bombing once
        assert store.stats(events=True).fatalities == 5 + 12 + 17 + 3 + 4 + 6


def test_any_order_any_batches_same_incidents_and_idempotent() -> None:
    items = _items()
    expected = None
    for order in itertools.islice(itertools.permutations(range(len(items))), 0, 720, 97):
        with Store(":memory:") as store:
            for i in order:
                store.add(*items[i])
            store.add_batch(items)  # re-ingesting changes nothing
            got = _incidents(store)
            ids = sorted(i.id for i in store.incidents())
        expected = expected or (got, ids)
        assert (got, ids) == expected


def test_replaced_document_leaves_its_incident() -> None:
    items = _items()
    with Store(":memory:") as store:
        store.add_batch(items)
        d, events = items[2]
        moved = [replace(e, location=items[5][1][0].location) for e in events]  # now in Kano
        store.add_batch([(d, moved)], replace=[d.id])
        kano = store.incident(items[5][1][0].id)
        assert kano is not None and sorted(kano.event_ids) == sorted(
            [events[0].id, items[5][1][0].id])
        first = store.incident(items[0][1][0].id)
        assert first is not None and events[0].id not in first.event_ids


def test_links_and_chain() -> None:
    with Store(":memory:") as store:
        store.add_batch(_items())
        d, events = retaliation()
        assert [k.relation for k in store.links()] == ["retaliation_for"]
        thread = store.chain(events[0].id)
        assert thread is not None
        assert [i.event_date for i in thread.incidents] == sorted(
            i.event_date for i in thread.incidents)
        assert len(thread.incidents) == 2 and len(thread.links) == 1
        assert store.chain("no-such-id") is None


def test_rebuild_gives_the_incidents_ingest_gives() -> None:
    with Store(":memory:") as store, Store(":memory:", incidents=False) as bare:
        store.add_batch(_items())
        bare.add_batch(_items())
        assert bare.stats().incidents == 0
        assert bare.rebuild_incidents() == store.stats().incidents
        assert _incidents(bare) == _incidents(store)
        assert [k.to_dict() for k in bare.links()] == [k.to_dict() for k in store.links()]
        assert store.rebuild_incidents() == store.stats().incidents  # idempotent
