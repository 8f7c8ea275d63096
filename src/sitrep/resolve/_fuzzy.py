"""Approximate name matching: a trigram candidate index plus a bounded edit distance.

Used only as a fallback after exact and skeleton keys fail, over a few thousand keys, so a
lookup touches a handful of candidates ("katab hezbollah" -> "kataib hezbollah").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def max_edits(length: int) -> int:
    """Edits tolerated for a key of this length: none for short names, 1 up to 9, then 2."""
    if length < 5:
        return 0
    return 1 if length < 10 else 2


def _trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


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


class FuzzyIndex:
    """Keys indexed by trigram; ``best(query)`` returns the closest key within ``max_edits``."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._grams: dict[str, list[str]] = defaultdict(list)
        for k in set(keys):
            for gram in _trigrams(k):
                self._grams[gram].append(k)

    def best(self, query: str) -> str | None:
        limit = max_edits(len(query))
        if limit == 0:
            return None
        grams = _trigrams(query)
        counts: dict[str, int] = defaultdict(int)
        for gram in grams:
            for k in self._grams.get(gram, ()):
                counts[k] += 1
        need = max(1, len(grams) - 3 * limit)
        ranked = sorted((c for c in counts.items() if c[1] >= need), key=lambda c: -c[1])
        best: tuple[int, str] | None = None
        initials = _initials(query)
        for k, _ in ranked[:40]:
            if _initials(k) != initials:
                continue  # typos keep word starts: "Kata'b" ~ "Kataib", not "North" ~ "South"
            if not _wordwise_close(query, k):
                continue
            dist = edit_distance(query, k, limit)
            if dist <= limit and (best is None or dist < best[0]):
                best = (dist, k)
        return best[1] if best else None


def _initials(text: str) -> str:
    return "".join(word[0] for word in text.split())


def _wordwise_close(a: str, b: str) -> bool:
    """With as many words on both sides, each word pair is at most one edit apart."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return True
    return all(edit_distance(x, y, 1) <= 1 for x, y in zip(wa, wb, strict=True))
