from __future__ import annotations

from sitrep.incidents.grouping import cluster, components, incident_id


def test_two_events_of_one_document_are_never_joined() -> None:
    docs = {"a1": "A", "a2": "A", "b": "B"}
    groups = cluster(docs, [("a1", "b", 1.0), ("a2", "b", 0.5)])
    assert groups == [["a1", "b"], ["a2"]]  # the better pair wins, the other stays apart


def test_conflicts_are_not_bridged() -> None:
    docs = {"x": "X", "y": "Y", "z": "Z"}
    groups = cluster(docs, [("x", "z", 1.0), ("y", "z", 0.9)],
                     conflict=lambda a, b: {a, b} == {"x", "y"})
    assert groups == [["x", "z"], ["y"]]


def test_order_of_pairs_does_not_matter() -> None:
    docs = {k: k for k in "abcde"}
    pairs = [("a", "b", 1.0), ("b", "c", 1.0), ("d", "e", 0.2)]
    assert cluster(docs, pairs) == cluster(docs, list(reversed(pairs)))


def test_ids_and_components() -> None:
    assert incident_id(["b", "a"]) == incident_id(["a", "b"]).lower()
    assert components(["a", "b", "c"], [("a", "b")]) == [["a", "b"], ["c"]]
