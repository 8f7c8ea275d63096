"""Incidents: event records from many documents that report the same real-world event, and
the links (retaliation, response, sequence, part of) that chain events into threads.

Events stay as coded; incidents are a layer over them, kept up to date by the store
(``sitrep.store.Store.incidents``, ``Store.chain``) and usable on their own
(``cluster_events``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Event
from .grouping import cluster, incident_id
from .links import Link, find_links
from .match import Group, score
from .report import Report, from_event
from .rules import Rules

__all__ = ["Link", "Report", "Rules", "cluster", "cluster_events", "find_links",
           "from_event", "incident_id", "score"]


def cluster_events(events: Sequence[Event], rules: Rules | None = None) -> list[list[str]]:
    """Group events (of any documents) into incidents in memory: lists of event ids."""
    rules = rules or Rules.load()
    reports = [r for e in events if (r := from_event(e, rules)) is not None]
    pairs = []
    for i, a in enumerate(reports):
        for b in reports[i + 1:]:
            s = score(a, b, rules)
            if s is not None:
                pairs.append((a.event_id, b.event_id, s))
    return cluster({r.event_id: Group.of(r, rules) for r in reports}, pairs)
