from __future__ import annotations

from sitrep.incidents.grouping import Docs, by_document, cluster, components, incident_id


def test_two_events_of_one_document_are_never_joined() -> None:
    profiles = by_document({"a1": "A", "a2": "A", "b": "B"})
    groups = cluster(profiles, [("a1", "b", 1.0), ("a2", "b", 0.5)])
    assert groups == [["a1", "b"], ["a2"]]  # the better pair wins, the other stays apart


def test_conflicts_are_not_bridged() -> None:
    # x and y clash (they share a document) and z is compatible with both
    profiles = {"x": Docs(frozenset({"X"})), "y": Docs(frozenset({"X", "Y"})),
                "z": Docs(frozenset({"Z"}))}
    groups = cluster(profiles, [("x", "z", 1.0), ("y", "z", 0.9)])
    assert groups == [["x", "z"], ["y"]]


def test_order_of_pairs_does_not_matter() -> None:
    profiles = by_document({k: k for k in "abcde"})
    pairs = [("a", "b", 1.0), ("b", "c", 1.0), ("d", "e", 0.2)]
    assert cluster(profiles, pairs) == cluster(profiles, list(reversed(pairs)))


def test_ids_and_components() -> None:
    assert incident_id(["b", "a"]) == incident_id(["a", "b"])
    assert components(["a", "b", "c"], [("a", "b")]) == [["a", "b"], ["c"]]
