from __future__ import annotations

from datetime import date

from sitrep.incidents import Rules, from_event, score
from sitrep.incidents.match import conflict, distance_km
from tests.incidents.fixtures import BOMBING, NEAR_MISSES, reports


def _reports(rows):  # type: ignore[no-untyped-def]
    rules = Rules.load()
    return [from_event(events[0], rules) for _, events in reports(rows)]


def test_reports_of_one_bombing_are_compatible() -> None:
    a, b, c = _reports(BOMBING)
    rules = Rules.load()
    assert score(a, b, rules) is not None  # town vs region holding it, report lag
    assert score(a, c, rules) is not None  # exact day inside a range


def test_near_misses_are_not() -> None:
    rules = Rules.load()
    first = _reports(BOMBING)[0]
    for other in _reports(NEAR_MISSES):
        assert score(first, other, rules) is None


def test_same_document_always_conflicts() -> None:
    a = _reports(BOMBING)[0]
    assert conflict(a, a, Rules.load())


def test_background_and_undated_events_are_not_reports() -> None:
    from tests.incidents.fixtures import event

    e = event("x bombing", "bombing", date(2024, 1, 1), None)
    e.background = True
    assert from_event(e, Rules.load()) is None


def test_distance() -> None:
    assert 30 < distance_km(11.846, 13.160, 11.653, 13.418) < 40


def test_family_uses_longest_prefix() -> None:
    rules = Rules.load()
    assert rules.family("195") == rules.family("183") == "violence"
    assert rules.family("141") == "protest"
    assert rules.family("040") == "04"


def test_group_profiles_agree_with_pairwise_conflicts() -> None:
    from sitrep.incidents.match import Group

    rules = Rules.load()
    rows = _reports(BOMBING + NEAR_MISSES)
    for a in rows:
        for b in rows:
            if a is not b:
                assert Group.of(a, rules).clashes(Group.of(b, rules)) == conflict(a, b, rules)
