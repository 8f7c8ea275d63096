"""Approximate name matching: one-edit neighbourhoods (deletions) plus word-level checks.

Used only as a fallback after exact and skeleton keys fail. Every key of five or more
letters is indexed under itself and each string made by deleting one character; a query
looks up its own deletions, so one substitution, insertion, deletion or adjacent
transposition is found with a handful of dict lookups ("katab hezbollah" -> "kataib
hezbollah"). Candidates must keep every word's first letter and be at most one edit apart
word by word, so "South Korean army" never becomes "North Korean army".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

MIN_LENGTH = 5


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance of a and b; limit + 1 once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _deletions(text: str) -> set[str]:
    return {text[:i] + text[i + 1 :] for i in range(len(text))} | {text}


class FuzzyIndex:
    """Keys indexed by their one-deletion variants; ``best(query)`` finds a key one edit away."""

    def __init__(self, keys: Iterable[str]) -> None:
        table: dict[str, list[str]] = defaultdict(list)
        for k in sorted(set(keys)):
            if len(k) >= MIN_LENGTH:
                for variant in _deletions(k):
                    table[variant].append(k)
        self._table = dict(table)

    def best(self, query: str) -> str | None:
        if len(query) < MIN_LENGTH:
            return None
        seen: set[str] = set()
        for variant in _deletions(query):
            for k in self._table.get(variant, ()):
                if k not in seen and k != query:
                    seen.add(k)
                    if _initials(k) == _initials(query) and _wordwise_close(query, k):
                        return k
        return None


def _initials(text: str) -> str:
    return "".join(word[0] for word in text.split())


def _wordwise_close(a: str, b: str) -> bool:
    """With as many words on both sides, each word pair is at most one edit apart."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return True
    return all(edit_distance(x, y, 1) <= 1 for x, y in zip(wa, wb, strict=True))
