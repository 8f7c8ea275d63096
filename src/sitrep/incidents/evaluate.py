"""Scoring incidents and links against gold: which articles report the same real-world event
(pairwise precision/recall and B-cubed over each article's main event) and which events of an
article are linked (precision/recall of ``links``). The gold format is described in
``tests/gold/incidents/README.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from ..errors import E, SitrepError
from ..records import Event
from . import cluster_events
from .links import Link, find_links
from .rules import Rules

_REQUIRED = ("id", "text", "published", "incident", "main")
_CAUSAL = {"retaliation_for", "response_to"}
Coder = Callable[[Sequence[tuple[str, str]]], Iterable[list[Event]]]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: str
    incident: str
    links: tuple[Mapping[str, str], ...] | None  # None: links not annotated


@dataclass(slots=True)
class Scores:
    """Clustering and link scores (``links_*`` over articles whose links are annotated)."""

    articles: int = 0
    incidents: int = 0
    pairwise_precision: float = 0.0
    pairwise_recall: float = 0.0
    bcubed_precision: float = 0.0
    bcubed_recall: float = 0.0
    links_gold: int = 0
    links_predicted: int = 0
    links_correct: int = 0
    missing_main: list[str] = field(default_factory=list)

    @property
    def links_precision(self) -> float:
        return self.links_correct / self.links_predicted if self.links_predicted else 1.0

    @property
    def links_recall(self) -> float:
        return self.links_correct / self.links_gold if self.links_gold else 1.0

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__slots__}
        return out | {"links_precision": self.links_precision,
                      "links_recall": self.links_recall}


def load_gold(paths: Iterable[str | Path]) -> list[GoldArticle]:
    """Articles of incident gold files (JSON Lines), validated."""
    articles: list[GoldArticle] = []
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise SitrepError(E.E500, path=path, cause=exc) from exc
        for number, line in enumerate(lines, 1):
            if line.strip():
                articles.append(_article(path, number, line))
    return articles


def _article(path: str | Path, number: int, line: str) -> GoldArticle:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SitrepError(E.E510, path=path, line=number, cause=f"not JSON ({exc})") from exc
    missing = [k for k in _REQUIRED if not isinstance(data, dict) or k not in data]
    if missing:
        raise SitrepError(E.E510, path=path, line=number, cause=f"missing {missing}")
    links = data.get("links")
    for link in links or []:
        for key in ("from", "to"):
            if link.get(key) not in data["text"]:
                raise SitrepError(E.E510, path=path, line=number,
                                  cause=f"link {key} {link.get(key)!r} is not in the text")
    return GoldArticle(str(data["id"]), data["text"], str(data["published"]),
                       str(data["incident"]), tuple(links) if links is not None else None)


def evaluate(articles: Sequence[GoldArticle], code: Coder, rules: Rules | None = None
             ) -> Scores:
    """Code every article, cluster the main events, find links, and score both."""
    rules = rules or Rules.load()
    coded = list(code([(a.text, a.published) for a in articles]))
    scores = Scores(articles=len(articles), incidents=len({a.incident for a in articles}))
    mains: dict[str, Event] = {}
    for article, events in zip(articles, coded, strict=True):
        main = next((e for e in events if e.main), None)
        if main is None:
            scores.missing_main.append(article.id)
        else:
            mains[article.id] = main
    predicted = _predicted_labels(articles, mains, rules)
    gold = {a.id: a.incident for a in articles}
    scores.pairwise_precision, scores.pairwise_recall = pairwise(gold, predicted)
    scores.bcubed_precision, scores.bcubed_recall = bcubed(gold, predicted)
    for article, events in zip(articles, coded, strict=True):
        if article.links is not None:
            _score_links(article, events, find_links(article.text, events, rules), scores)
    return scores


def _predicted_labels(articles: Sequence[GoldArticle], mains: Mapping[str, Event],
                      rules: Rules) -> dict[str, str]:
    by_event = {e.id: article_id for article_id, e in mains.items()}
    groups = cluster_events(list(mains.values()), rules)
    labels = {a.id: f"alone:{a.id}" for a in articles}
    for i, group in enumerate(groups):
        for event_id in group:
            labels[by_event[event_id]] = f"group:{i}"
    return labels


def pairwise(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float]:
    """Precision and recall over pairs of items put together."""
    same_gold = same_pred = both = 0
    for a, b in combinations(sorted(gold), 2):
        g, p = gold[a] == gold[b], predicted[a] == predicted[b]
        same_gold += g
        same_pred += p
        both += g and p
    return (both / same_pred if same_pred else 1.0, both / same_gold if same_gold else 1.0)


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall (Bagga and Baldwin 1998), averaged over items."""
    def groups(labels: Mapping[str, str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for item, label in labels.items():
            out.setdefault(label, set()).add(item)
        return out

    g, p = groups(gold), groups(predicted)
    precision = recall = 0.0
    for item in gold:
        overlap = len(g[gold[item]] & p[predicted[item]])
        precision += overlap / len(p[predicted[item]])
        recall += overlap / len(g[gold[item]])
    n = len(gold) or 1
    return precision / n, recall / n


def _score_links(article: GoldArticle, events: Sequence[Event], links: Sequence[Link],
                 scores: Scores) -> None:
    gold = list(article.links or ())
    scores.links_gold += len(gold)
    scores.links_predicted += len(links)
    by_id = {e.id: e for e in events}
    matched: set[int] = set()
    for link in links:
        for i, g in enumerate(gold):
            if i not in matched and _matches(article.text, link, g, by_id):
                matched.add(i)
                scores.links_correct += 1
                break


def _matches(text: str, link: Link, gold: Mapping[str, str], by_id: Mapping[str, Event]) -> bool:
    relation_ok = link.relation == gold["relation"] or {link.relation, gold["relation"]} <= _CAUSAL
    return (relation_ok and _covers(text, gold["from"], by_id[link.from_id])
            and _covers(text, gold["to"], by_id[link.to_id]))


def _covers(text: str, phrase: str, event: Event) -> bool:
    """Whether one of the event's mentions (or its trigger) lies in an occurrence of phrase."""
    spans = [(m.start, m.end) for m in event.mentions] + [(event.trigger.start,
                                                             event.trigger.end)]
    at = text.find(phrase)
    while at != -1:
        if any(s < at + len(phrase) and e > at for s, e in spans):
            return True
        at = text.find(phrase, at + 1)
    return False
