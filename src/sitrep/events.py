"""From mentions to events: one record per real-world event in a document.

Mentions that report the same event merge: violent mentions in one sentence with compatible dates and
places ("a drone strike killed ..."), mentions that share a named victim ("Soleimani was killed"),
definite anaphors with no details of their own ("the attack"), and protest reports that continue in
the next sentence. Dates are completed in narrative order, and one event is chosen as ``main``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .records import Actor, DateResolution, Location, Mention
from .resolve.dates import narrative_range, publication_date

VIOLENT_ROOTS = frozenset({"18", "19", "20"})
PROTEST_ROOT = "14"
PROTESTER_TYPES = frozenset({"protesters", "rioters"})
STATE_TYPES = frozenset({"state_forces", "government", "external_forces"})
NARRATIVE = re.compile(r"\b(then|later|subsequently|afterwards|followed|after that|in response|"
                        r"in retaliation)\b", re.IGNORECASE)
_SEQUENCE = re.compile(r"\b(after|before|since|prior to)\b", re.IGNORECASE)
AGGREGATE = re.compile(r"\b(bringing|brings|brought|total|tally|toll (?:rose|rises|climbed)|so far|"
                       r"this (?:year|month|week)|since|in all|altogether|cumulative|over the past|"
                       r"over (?:two|three|four|five|several) days)\b", re.IGNORECASE)
# Words that set an act apart from the incident told before it.
DISTINCT = re.compile(r"\b(separately|separate|elsewhere|meanwhile|another|earlier|previous|"
                      r"(?:days?|weeks?|hours?|months?) (?:after|before|earlier))\b", re.IGNORECASE)
WEAPON_CODES = frozenset({"183", "1831", "1832", "1833", "193", "194", "195", "2041", "2042"})
_GENERIC_CODES = frozenset({"18", "19", "20", "180", "190", "200", "14", "140", "13", "130"})


@dataclass(slots=True)
class EventDraft:
    """Mentions gathered for one event, before its fields are chosen."""

    mentions: list[Mention] = field(default_factory=list)
    violent_protest: bool = False
    force: str | None = None
    details: list[Mention] = field(default_factory=list)  # sub-acts folded in (fold.py)

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def family(self) -> str:
        return family(self.best)

    @property
    def best(self) -> Mention:
        """The mention whose code the event takes: one of the first sentence that tells it, or a
        later one naming the weapon of its generic attack ("killed" ... "the drone strike"); a
        later side act ("seized a pistol") does not recode the killing. The most specific."""
        told = [m.sentence_index for m in self.mentions if not m.headline]
        first = min(told) if told else None
        anchor = [m.cameo for m in self.mentions if m.sentence_index == first]

        def eligible(m: Mention) -> bool:  # the first sentence's, or a weapon that refines it
            return m.sentence_index == first or any(
                code in _GENERIC_CODES and m.cameo[:2] == code[:2] and m.cameo in WEAPON_CODES
                for code in anchor)

        return max(self.mentions, key=lambda m: (eligible(m), specificity(m.cameo),
                                                  not m.headline, -m.sentence_index))

    @property
    def date(self) -> DateResolution | None:
        own = [m.date for m in self.mentions if m.date is not None and m.own_date]
        return own[0] if own else next((m.date for m in self.mentions if m.date), None)

    def patients(self) -> list[Actor]:
        return [a for m in self.mentions for a in (m.actor2, *m.victims) if a is not None]


def family(mention: Mention) -> str:
    """"violent", "protest", or the CAMEO root for everything else."""
    root = mention.cameo[:2]
    if root in VIOLENT_ROOTS:
        return "violent"
    return "protest" if root == PROTEST_ROOT else root


def specificity(code: str) -> int:
    """Longer codes are more specific; a trailing 0 means "not specified below"."""
    return 0 if code in _GENERIC_CODES else len(code) * 2 - code.endswith("0")


def keep(mention: Mention) -> bool:
    """Negated mentions and hypotheticals are not events (threats are, as THREATEN events)."""
    if mention.negated:
        return False
    return not (mention.hypothetical and mention.cameo[:2] != "13")


def prepare(mentions: list[Mention]) -> list[Mention]:
    """Drop non-events, fold threatened acts into threats, and mark violence by protesters."""
    kept = [m for m in mentions if keep(m)]
    threats = {m.sentence_index for m in kept if m.cameo[:2] == "13"}
    out = []
    for mention in kept:
        if mention.modality == "threatened" and mention.cameo[:2] != "13":
            if mention.sentence_index in threats:
                continue
            mention.cameo = "138" if family(mention) == "violent" else "130"
        out.append(mention)
    return out


def _by_protesters(mention: Mention) -> bool:
    return mention.actor1 is not None and mention.actor1.type in PROTESTER_TYPES


def group(mentions: list[Mention]) -> list[EventDraft]:
    """Merge mentions of the same real-world event, in document order."""
    drafts: list[EventDraft] = []
    for mention in prepare(mentions):
        target = _same_event(mention, drafts)
        if target is None:
            drafts.append(EventDraft([mention]))
        else:
            target.mentions.append(mention)
    drafts = merge_headline(drafts)
    for draft in drafts:
        _protest_flags(draft)
    return drafts


def _same_event(mention: Mention, drafts: list[EventDraft]) -> EventDraft | None:
    """The event a mention reports too: a shared named victim first, then closer links."""
    candidates = [d for d in reversed(drafts) if _compatible(mention, d)]
    for rule in (_shared_victim, _same_sentence, _anaphor, _protest_continues, _elaborates):
        for draft in candidates:
            if rule(mention, draft):
                return draft
    return None


def _elaborates(mention: Mention, draft: EventDraft) -> bool:
    """An undated later sentence about the same kind of violence goes on about a dated event
    ("The group put the number of soldiers killed at 11")."""
    if mention.own_date or mention.headline or family(mention) != "violent":
        return False
    if draft.family != "violent" or not any(m.own_date for m in draft.mentions):
        return False
    if NARRATIVE.search(mention.sentence.text) or DISTINCT.search(mention.sentence.text):
        return False  # "This was then followed by US airstrikes": a new event
    if introduces(mention) or elsewhere([mention], draft.mentions):
        return False
    if act_kind(mention.cameo) != act_kind(draft.best.cameo):
        return False  # an abduction told after the killings is an event of its own
    mine, theirs = mention.actor1, draft.best.actor1
    return mine is None or (theirs is not None and mine.name == theirs.name)


def elsewhere(mine: list[Mention], theirs: list[Mention]) -> bool:
    """The first mentions name, as their own place, a town other than the second's (ACLED: one
    event per place and day)."""
    here = _town([m for m in mine if m.own_place])
    if here is None:
        return False
    there = _town(theirs)
    return there is None or (here.name != there.name and here.geonameid != there.geonameid)


def _town(mentions: list[Mention]) -> Location | None:
    return next((m.location for m in mentions if m.location and m.location.geo_precision < 3),
                None)


def introduces(mention: Mention) -> bool:
    """A bare or indefinite noun ("US airstrikes", "a bomb") brings in a new event."""
    sentence, trigger = mention.sentence, mention.trigger
    before = sentence.text[: trigger.start - sentence.start].rstrip().lower().split()
    if not before or not trigger.text[:1].isalpha():
        return False
    if before[-1] in {"a", "an", "another"}:
        return True  # "a bombing", "another shooting": a noun, whatever its ending
    if trigger.text.lower().endswith(("ed", "ing")) and " " not in trigger.text:
        return False  # a verb
    return before[-1] in {"new", "fresh"} or trigger.text.endswith("s")


def merge_headline(drafts: list[EventDraft]) -> list[EventDraft]:
    """A headline reports the lead's event: fold headline-only drafts into the first later draft
    of the same family."""
    kept: list[EventDraft] = []
    for index, draft in enumerate(drafts):
        if all(m.headline for m in draft.mentions):
            later = next((d for d in drafts[index + 1:] if d.family == draft.family), None)
            if later is not None:
                later.mentions[:0] = draft.mentions
                continue
        kept.append(draft)
    return kept


def _compatible(mention: Mention, draft: EventDraft) -> bool:
    fam, other = family(mention), draft.family
    if fam != other and {fam, other} not in ({"violent", "protest"}, {"17", "protest"}):
        return False
    if mention.background != draft.first.background:
        return False
    if _disrupted(mention) != any(_disrupted(m) for m in draft.mentions):
        return False  # shooting a missile down is its own event, beside the missile attack
    dated = draft.date
    if (mention.own_date and mention.date is not None and dated is not None
            and mention.date.event_date != dated.event_date):
        return False
    here, there = mention.location, draft.best.location
    return not (here and there and here.country and there.country and here.country != there.country)


def _disrupted(mention: Mention) -> bool:
    return mention.plover_mode == "disrupted"


def _same_sentence(mention: Mention, draft: EventDraft) -> bool:
    last = draft.mentions[-1]
    if last.sentence_index != mention.sentence_index:
        return False
    if _two_acts(mention, last) or sequenced(last, mention):
        return False
    a1, b1 = mention.actor1, last.actor1
    return a1 is None or b1 is None or a1.name == b1.name or family(mention) != family(last)


def sequenced(first: Mention, second: Mention) -> bool:
    """"The blast came two days after gunmen killed 11 villagers": "after" or "before" between
    two triggers orders two events in time."""
    start, end = sorted((first.trigger.end, second.trigger.start))
    offset = first.sentence.start
    between = first.sentence.text[start - offset : end - offset]
    return bool(_SEQUENCE.search(between))


def act_kind(code: str) -> str:
    """What ACLED records apart: an abduction or a rape is not the killing beside it."""
    if code.startswith("181"):
        return "abduction"
    return "sexual" if code.startswith("1821") else "attack"


def _two_acts(mention: Mention, other: Mention) -> bool:
    """"killed 12 villagers and abducted 30 women": two acts on two sets of victims."""
    if act_kind(mention.cameo) == act_kind(other.cameo):
        return False
    mine = {a.name for a in (mention.actor2, *mention.victims) if a} or (
        {"count"} if mention.fatalities else set())
    theirs = {a.name for a in (other.actor2, *other.victims) if a} or (
        {"count"} if other.fatalities else set())
    return bool(mine) and bool(theirs) and not (mine & theirs)


def _shared_victim(mention: Mention, draft: EventDraft) -> bool:
    mine = {a.entity_id for a in (mention.actor2, *mention.victims) if a and a.entity_id}
    theirs = {a.entity_id for a in draft.patients() if a.entity_id}
    return bool(mine & theirs) and family(mention) in {"violent", "17"} and (
        family(mention) == draft.family)


def _anaphor(mention: Mention, draft: EventDraft) -> bool:
    """"the attack", "the strike": a definite nominal with no details of its own."""
    bare = mention.actor1 is None and mention.actor2 is None and mention.date is None
    definite = mention.trigger.text.split()[0].lower() not in {"a", "an"}
    return bare and definite and _is_nominal(mention) and family(mention) == draft.family


def _is_nominal(mention: Mention) -> bool:
    sentence, trigger = mention.sentence, mention.trigger
    before = sentence.text[: trigger.start - sentence.start].rstrip().lower()
    return before.endswith(("the", "this", "that", "the latest", "the deadly", "the recent"))


def _protest_continues(mention: Mention, draft: EventDraft) -> bool:
    """The same or next sentence goes on about a protest (and violence by or against it)."""
    gap = mention.sentence_index - draft.mentions[-1].sentence_index
    if not (0 <= gap <= 1 and is_protest(draft)):
        return False
    if gap == 1 and mention.date is not None:
        return False
    if family(mention) == "protest":
        return True
    return family(mention) in {"violent", "17"} and (
        _by_protesters(mention) or _against_protesters(mention)
        or (gap == 0 and mention.actor1 is not None and mention.actor1.type in STATE_TYPES)
        or (mention.actor1 is None and mention.actor2 is None))


def _protest_flags(draft: EventDraft) -> None:
    """Violence by demonstrators makes a riot; force by the state makes an intervention."""
    if not is_protest(draft):
        return
    for mention in draft.mentions:
        if mention.cameo == "145" or (mention.cameo[:2] in {"17", "18", "19", "20"}
                                      and _by_protesters(mention)):
            draft.violent_protest = True  # stones, fire, smashed windows
        elif mention.actor1 is not None and mention.actor1.type in STATE_TYPES and \
                family(mention) != "protest":
            lethal = mention.fatalities is not None and mention.fatalities.number != 0
            draft.force = "lethal" if lethal else (draft.force or "intervention")


def is_protest(draft: EventDraft) -> bool:
    return any(family(m) == "protest" for m in draft.mentions)


def _against_protesters(mention: Mention) -> bool:
    return mention.actor2 is not None and mention.actor2.type in PROTESTER_TYPES


def complete_dates(drafts: list[EventDraft], published: date | None) -> list[DateResolution | None]:
    """Each event's date: its own expression, narrative order, or the publication date."""
    out: list[DateResolution | None] = []
    previous: date | None = None
    for draft in drafts:
        resolution = _date_of(draft, previous, published)
        out.append(resolution)
        if resolution is not None and resolution.event_date is not None:
            previous = resolution.event_date
        elif resolution is not None and resolution.date_precision == "range":
            previous = resolution.date_earliest or previous
    return out


def _date_of(draft: EventDraft, previous: date | None, published: date | None
             ) -> DateResolution | None:
    if all(m.background for m in draft.mentions):
        return None
    own = draft.date
    if own is not None:
        return own
    sentence = draft.first.sentence.text
    if previous is not None and NARRATIVE.search(sentence):
        return narrative_range(previous, published)
    return publication_date(published)


def choose_main(drafts: list[EventDraft], lead_sentences: frozenset[int] = frozenset({0, 1})
                ) -> int | None:
    """Index of the main event: among the events the headline and lead report (else all), one
    that both the headline and the lead report, then one not told as a running total ("bringing
    to 52 the number killed this month"), then a violent one, then the one nearest the main
    verb of its lead sentence, then the most reported, then the first."""
    if not drafts:
        return None
    candidates = [i for i, d in enumerate(drafts) if not d.first.background] or list(range(len(drafts)))
    lead = [i for i in candidates if any(m.sentence_index in lead_sentences
                                         for m in drafts[i].mentions)]
    pool = lead or candidates

    def rank(i: int) -> tuple[bool, bool, bool, int, int, int]:
        mentions = drafts[i].mentions
        depth = min((m.depth for m in mentions if m.sentence_index in lead_sentences), default=0)
        both = any(m.headline for m in mentions) and any(
            not m.headline and m.sentence_index in lead_sentences for m in mentions)
        told = [m for m in mentions if not m.headline and m.sentence_index in lead_sentences]
        tally = bool(told) and all(AGGREGATE.search(m.sentence.text) for m in told)
        return both, not tally, family(drafts[i].best) == "violent", -depth, len(mentions), -i

    return max(pool, key=rank)
