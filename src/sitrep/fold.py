"""Sub-acts fold into the incident they belong to.

A report of one attack names many acts: fighters "arrived" in gun trucks, "exchanged fire" with
troops, "torched" houses, troops "repelled" them and "cordoned off" the area. A trained coder
records one event and reads the rest as its detail. An act is read as part of the violent
incident told just before it when nothing in the text sets it apart:

- it has no date of its own (or the incident's date), and no town of its own other than the
  incident's;
- it is not brought in as new: no "then", "later", "in retaliation", no "a"/"another" noun;
- it is not an act ACLED codes on its own: an abduction or a rape beside killings, a missile shot
  down, a claim or denial of responsibility, a threat;
- it follows the incident within ``MAX_GAP`` sentences (``POSTURE_GAP`` for deployments,
  cordons and alerts), and its actor is the incident's attacker, its target, or unnamed.
"""

from __future__ import annotations

from .events import (
    DISTINCT,
    NARRATIVE,
    STATE_TYPES,
    EventDraft,
    act_kind,
    elsewhere,
    introduces,
    sequenced,
)
from .records import Actor

MAX_GAP = 2
POSTURE_GAP = 1
SUB_ACT_CODES = frozenset({"171", "1711", "1712", "172", "150", "151", "152", "153", "154",
                           "155", "15"})
APART_CODES = frozenset({"015", "016"})
UNIDENTIFIED = "Unidentified"


def fold_sub_acts(drafts: list[EventDraft]) -> list[EventDraft]:
    """Drafts with every sub-act folded into its incident, in document order."""
    kept: list[EventDraft] = []
    for draft in drafts:
        incident = _incident_for(draft, kept)
        if incident is None:
            kept.append(draft)
        else:
            incident.details.extend(draft.mentions + draft.details)
    return kept


def _incident_for(draft: EventDraft, earlier: list[EventDraft]) -> EventDraft | None:
    if not _foldable(draft):
        return None
    incident = next((d for d in reversed(earlier) if d.family == "violent"
                     and not d.first.background), None)
    if incident is None or not _close(draft, incident) or _distinct(draft, incident):
        return None
    return incident


def _foldable(draft: EventDraft) -> bool:
    best = draft.best
    if draft.first.background or any(m.headline for m in draft.mentions):
        return False
    if best.cameo in APART_CODES or best.cameo[:2] == "13" or best.modality != "asserted":
        return False
    return draft.family == "violent" or best.cameo in SUB_ACT_CODES


def _close(draft: EventDraft, incident: EventDraft) -> bool:
    gap = draft.first.sentence_index - max(m.sentence_index for m in
                                           incident.mentions + incident.details)
    limit = MAX_GAP if draft.family == "violent" or draft.best.cameo[:2] == "17" else POSTURE_GAP
    return 0 <= gap <= limit


def _distinct(draft: EventDraft, incident: EventDraft) -> bool:
    """Something in the text makes the later act an event of its own."""
    first = draft.first
    if NARRATIVE.search(first.sentence.text) or DISTINCT.search(first.sentence.text):
        return True
    if introduces(first):
        return True
    if sequenced(incident.mentions[-1], first) and (first.own_place or first.own_date):
        return True  # "after a bombing yesterday in Hakkari": its own time or place, told apart
    if _kind(draft) != _kind(incident) or _disrupted(draft) != _disrupted(incident):
        return True
    theirs = incident.date
    if any(m.own_date and m.date is not None and (theirs is None
           or m.date.event_date != theirs.event_date) for m in draft.mentions):
        return True
    return elsewhere(draft.mentions, incident.mentions) or not _same_sides(draft, incident)


def _kind(draft: EventDraft) -> str:
    return act_kind(draft.best.cameo)


def _disrupted(draft: EventDraft) -> bool:
    return any(m.plover_mode == "disrupted" for m in draft.mentions)


def _same_sides(draft: EventDraft, incident: EventDraft) -> bool:
    """The act's doer is the incident's attacker, its target (fighting back), or unnamed; an
    unidentified group or another armed group beside an armed attacker is the same side."""
    mine = draft.best.actor1
    if mine is None or mine.name.startswith(UNIDENTIFIED):
        return True
    attackers = [m.actor1 for m in incident.mentions if m.actor1]
    targets = [a for m in incident.mentions for a in (m.actor2, *m.victims) if a]
    if not attackers:
        return True
    if any(_alike(mine, a) for a in attackers + targets):
        return True
    return mine.type not in STATE_TYPES and any(a.type not in STATE_TYPES for a in attackers)


def _alike(one: Actor, other: Actor) -> bool:
    return one.name == other.name or (one.country, one.type) == (other.country, other.type)
