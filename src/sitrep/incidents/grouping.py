"""Deterministic clustering of compatible reports into incidents.

The compatible pairs form a graph. Each connected part of it is clustered on its own by
constrained single linkage: pairs are taken best first (score, then ids), and two groups join
unless that would put two conflicting reports together (two events of one article are two
incidents; two far-apart precise places are two incidents, even if a vaguer report could be
either). Each group carries a summary (``Profile``) from which a conflict between any of its
members and any of another group's is decided at once. The result depends only on the set of
reports, never on the order they arrived in, so ingesting in any order, or twice, gives the
same incidents.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Generic, Protocol, TypeVar


class Profile(Protocol):
    """What a group must know to say whether it may join another one."""

    def clashes(self, other: Profile) -> bool: ...

    def joined(self, other: Profile) -> Profile: ...


P = TypeVar("P", bound=Profile)


class Docs:
    """The plainest profile: the documents a group holds (two groups of one document clash)."""

    def __init__(self, docs: frozenset[str]) -> None:
        self.docs = docs

    def clashes(self, other: Profile) -> bool:
        return bool(self.docs & other.docs) if isinstance(other, Docs) else False

    def joined(self, other: Profile) -> Profile:
        return Docs(self.docs | other.docs) if isinstance(other, Docs) else self


class UnionFind(Generic[P]):
    """Disjoint sets over string keys, each set with its profile."""

    def __init__(self, profiles: Mapping[str, P]) -> None:
        self._parent = {key: key for key in profiles}
        self._profile: dict[str, Profile] = dict(profiles)

    def find(self, key: str) -> str:
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:
            self._parent[key], key = root, self._parent[key]
        return root

    def union(self, a: str, b: str, check: bool = True) -> bool:
        """Join the sets of ``a`` and ``b`` unless (with ``check``) their profiles clash;
        whether they are now one set."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if check and self._profile[ra].clashes(self._profile[rb]):
            return False
        ra, rb = min(ra, rb), max(ra, rb)
        self._parent[rb] = ra
        self._profile[ra] = self._profile[ra].joined(self._profile.pop(rb))
        return True

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for key in self._parent:
            out.setdefault(self.find(key), []).append(key)
        return sorted(sorted(g) for g in out.values())


def cluster(profiles: Mapping[str, Profile], pairs: Iterable[tuple[str, str, float]]
            ) -> list[list[str]]:
    """Groups of event ids: ``profiles`` gives each event's profile (e.g. ``Docs`` of its
    document); ``pairs`` are ``(event_a, event_b, score)`` compatible pairs among them."""
    sets: UnionFind[Profile] = UnionFind(profiles)
    for _, a, b in sorted(((-s, min(a, b), max(a, b)) for a, b, s in pairs)):
        sets.union(a, b)
    return sets.groups()


def by_document(docs: Mapping[str, str]) -> dict[str, Profile]:
    """``Docs`` profiles from an event id -> document id map."""
    return {key: Docs(frozenset([doc])) for key, doc in docs.items()}


def incident_id(members: Sequence[str]) -> str:
    """A stable id for a group of event ids (the same members give the same id)."""
    digest = hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()
    return f"inc-{digest[:16]}"


def components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of a graph (sorted), by union-find without constraints."""
    edges = list(edges)
    keys = {n for n in nodes} | {n for e in edges for n in e}
    sets: UnionFind[Profile] = UnionFind({k: Docs(frozenset()) for k in keys})
    for a, b in edges:
        sets.union(a, b, check=False)
    return sets.groups()
