"""Deterministic clustering of compatible reports into incidents.

The compatible pairs form a graph. Each connected part of it is clustered on its own by
constrained single linkage: pairs are taken best first (score, then ids), and two groups join
unless that would put two conflicting reports together (two events of one article are two
incidents; two far-apart precise places are two incidents, even if a vaguer report could be
either). The result depends only on the set of reports, never on the order they
arrived in, so ingesting in any order, or twice, gives the same incidents.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence

Conflict = Callable[[str, str], bool]


def _never(a: str, b: str) -> bool:
    return False


class UnionFind:
    """Disjoint sets over string keys, with the set of documents each set holds."""

    def __init__(self, docs: Mapping[str, str], conflict: Conflict = _never) -> None:
        self._parent = {key: key for key in docs}
        self._docs = {key: {doc} for key, doc in docs.items()}
        self._members = {key: [key] for key in docs}
        self._conflict = conflict

    def find(self, key: str) -> str:
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:
            self._parent[key], key = root, self._parent[key]
        return root

    def union(self, a: str, b: str, distinct_docs: bool = True) -> bool:
        """Join the sets of ``a`` and ``b`` (unless, with ``distinct_docs``, they share a
        document or hold a conflicting pair); whether they are now one set."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if distinct_docs and (self._docs[ra] & self._docs[rb] or any(
                self._conflict(x, y) for x in self._members[ra] for y in self._members[rb])):
            return False
        ra, rb = min(ra, rb), max(ra, rb)
        self._parent[rb] = ra
        self._docs[ra] |= self._docs.pop(rb)
        self._members[ra] += self._members.pop(rb)
        return True

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for key in self._parent:
            out.setdefault(self.find(key), []).append(key)
        return sorted(sorted(g) for g in out.values())


def cluster(docs: Mapping[str, str], pairs: Iterable[tuple[str, str, float]],
            conflict: Conflict = _never) -> list[list[str]]:
    """Groups of event ids: ``docs`` maps each event id to its document id; ``pairs`` are
    ``(event_a, event_b, score)`` compatible pairs among them; ``conflict(a, b)`` says when two
    events may never share a group."""
    sets = UnionFind(docs, conflict)
    ordered = sorted(((-s, min(a, b), max(a, b)) for a, b, s in pairs))
    for _, a, b in ordered:
        sets.union(a, b)
    return sets.groups()


def incident_id(members: Sequence[str]) -> str:
    """A stable id for a group of event ids (the same members give the same id)."""
    digest = hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()
    return f"inc-{digest[:16]}"


def components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of a graph (sorted), by union-find without constraints."""
    keys = {n: n for n in nodes}
    for a, b in edges:
        keys.setdefault(a, a)
        keys.setdefault(b, b)
    sets = UnionFind(keys)
    for a, b in edges:
        sets.union(a, b, distinct_docs=False)
    return sets.groups()
