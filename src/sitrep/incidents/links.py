"""Links between the events of one article, read from the words that join them.

* ``retaliation_for`` / ``response_to``: "in retaliation for", "vowing revenge for the attack",
  "in response to". The event named after the cue is the cause; when the cue's object names no
  event ("for the attack"), the article's main event (or the closest earlier violent event) is.
* ``follows``: "this was then followed by X" (X follows the event told just before it) and
  "X ... after Y" (Y must be an event of the same sentence; when X and Y are different kinds
  of event, "protesters marched after the air strike", X is a ``response_to`` Y).
* ``part_of``: "as part of" followed by an event of the same sentence.

A link never runs against the order of the dates: the later event is ``from``. The cue phrases
are data (``rules.json``, ``links``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..records import Event
from .rules import Rules

_GAP = r"[\s\"'“”‘’«»]+"
_CLAUSE_END = re.compile(r"[,;:.!?]|\s(?:and|while|but|as)\s")
_CAUSAL = ("retaliation_for", "response_to")
# "revenge for the attack": an object that only points back at an event told elsewhere.
_ANAPHOR = re.compile(r"^(?:the|this|that|these|those|its|their)(?:\s+[\w’'-]+){1,2}$",
                      re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    """``from_id`` (the later event) is linked to ``to_id`` by ``relation``; ``evidence`` is the
    supporting text, at ``start``..``end`` in the document."""

    from_id: str
    to_id: str
    relation: str
    evidence: str
    doc_id: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        return {"from": self.from_id, "to": self.to_id, "relation": self.relation,
                "evidence": self.evidence, "doc_id": self.doc_id, "start": self.start,
                "end": self.end}


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    events: tuple[Event, ...]


@cache
def _pattern(cue: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in cue.split()]
    return re.compile(r"\b" + _GAP.join(words) + r"\b", re.IGNORECASE)


def find_links(text: str, events: Sequence[Event], rules: Rules) -> list[Link]:
    """The links among ``events`` (all of one document, whose text is ``text``)."""
    ordered = sorted((e for e in events if not e.background), key=lambda e: e.trigger.start)
    if len(ordered) < 2:
        return []
    found: dict[tuple[str, str], Link] = {}
    for sentence in _sentences(text, ordered):
        for link in _sentence_links(text, sentence, ordered, rules):
            key = (link.from_id, link.to_id)
            if key not in found and (link.to_id, link.from_id) not in found:
                found[key] = link
    return sorted(found.values(), key=lambda k: (k.start, k.from_id, k.to_id))


def _sentences(text: str, ordered: Sequence[Event]) -> list[_Sentence]:
    spans: dict[tuple[int, int], list[Event]] = {}
    for event in ordered:
        spans.setdefault(_sentence_span(text, event), []).append(event)
    return [_Sentence(s, e, tuple(evs)) for (s, e), evs in sorted(spans.items())]


def _sentence_span(text: str, event: Event) -> tuple[int, int]:
    sentence = event.sentence
    begin = max(0, event.trigger.start - len(sentence))
    at = text.find(sentence, begin, event.trigger.end + len(sentence))
    if sentence and at != -1 and at <= event.trigger.start < at + len(sentence):
        return at, at + len(sentence)
    return max(0, event.trigger.start - 200), min(len(text), event.trigger.end + 200)


def _sentence_links(text: str, sentence: _Sentence, ordered: Sequence[Event],
                    rules: Rules) -> list[Link]:
    body = text[sentence.start:sentence.end]
    links: list[Link] = []
    for relation, cues in rules.links.items():
        for cue in cues:
            for match in _pattern(cue).finditer(body):
                link = _link_for(text, sentence, match, relation, ordered, rules)
                if link is not None:
                    links.append(link)
    return links


def _link_for(text: str, sentence: _Sentence, match: re.Match[str], relation: str,
              ordered: Sequence[Event], rules: Rules) -> Link | None:
    cue_start, cue_end = sentence.start + match.start(), sentence.start + match.end()
    stop = _CLAUSE_END.search(text, cue_end, sentence.end)
    obj_end = stop.start() if stop else sentence.end
    in_object = [e for e in sentence.events if cue_end <= e.trigger.start < obj_end]
    others = [e for e in sentence.events if e not in in_object]
    if relation == "follows_before":
        later = in_object[0] if in_object else None
        before = [e for e in others if e.trigger.start < cue_start]
        earlier = before[-1] if before else _previous(ordered, sentence.start)
        return _make(later, earlier, "follows", text, cue_start, cue_end, obj_end)
    subject = _subject(others, cue_start)
    if in_object:
        target: Event | None = in_object[0]
    elif relation in _CAUSAL and subject is not None and _ANAPHOR.match(
            text[cue_end:obj_end].strip()):
        target = _antecedent(ordered, subject)
    else:
        target = None
    name = relation
    if relation == "follows_after":  # "X after Y": a sequence of like acts, else a response
        same = subject is not None and target is not None and (
            rules.family(subject.cameo) == rules.family(target.cameo))
        name = "follows" if same else "response_to"
    return _make(subject, target, name, text, cue_start, cue_end, obj_end)


def _subject(others: Sequence[Event], cue_start: int) -> Event | None:
    before = [e for e in others if e.trigger.start < cue_start]
    if before:
        return before[-1]
    return others[0] if others else None


def _previous(ordered: Sequence[Event], start: int) -> Event | None:
    earlier = [e for e in ordered if e.trigger.start < start]
    return earlier[-1] if earlier else None


def _antecedent(ordered: Sequence[Event], subject: Event) -> Event | None:
    """What "the attack" in "revenge for the attack" most likely refers to."""
    main = next((e for e in ordered if e.main), None)
    if main is not None and main.id != subject.id:
        return main
    violent = [e for e in ordered if e.trigger.start < subject.trigger.start
               and e.cameo_root in ("18", "19", "20")]
    return violent[-1] if violent else None


def _make(later: Event | None, earlier: Event | None, relation: str, text: str,
          cue_start: int, cue_end: int, obj_end: int) -> Link | None:
    if later is None or earlier is None or later.id == earlier.id:
        return None
    if not _in_date_order(earlier, later):
        return None
    start = min(cue_start, later.trigger.start)
    end = max(obj_end, cue_end)
    return Link(later.id, earlier.id, relation, text[start:end].strip(), later.doc_id,
                start, end)


def _in_date_order(earlier: Event, later: Event) -> bool:
    """The cause (or the event followed) must not start after the later event ends."""
    first = earlier.date_earliest or earlier.event_date
    last = later.date_latest or later.event_date
    return first is None or last is None or first <= last
