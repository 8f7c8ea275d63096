"""Where each field of an event sits in its document: the offsets of its trigger, actors,
victims and place as recorded, and of its date and count phrases, found in the event's
sentence (nearest the trigger) because the record keeps their words but not their offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..records import Actor, Event


@dataclass(frozen=True, slots=True)
class Span:
    """``field`` of an event at ``start``..``end`` (code-point offsets) of the document text;
    ``found`` is True when the offsets were located from the field's words, not recorded."""

    field: str
    start: int
    end: int
    text: str
    found: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text,
                "found": self.found}


def event_spans(event: Event, text: str) -> list[Span]:
    """Every span of ``event`` in its document ``text``, in text order; a field whose words
    cannot be placed in the text is left out rather than guessed."""
    spans: list[Span] = []
    _add(spans, "trigger", event.trigger.start, event.trigger.end, text)
    for name, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
        if actor is not None:
            _add_actor(spans, name, actor, text)
    for victim in event.victims:
        _add_actor(spans, "victim", victim, text)
    if event.location is not None and event.location.start is not None:
        _add(spans, "place", event.location.start, event.location.end, text)
    sentence = sentence_bounds(event, text)
    for name, words in (("date", event.date_text), ("fatalities", event.fatalities_text)):
        if words:
            _add_found(spans, name, words, text, sentence, event.trigger.start)
    for mention in event.mentions:
        if (mention.start, mention.end) != (event.trigger.start, event.trigger.end):
            _add(spans, "mention", mention.start, mention.end, text)
    return sorted(spans, key=lambda s: (s.start, -s.end, s.field))


def sentence_bounds(event: Event, text: str) -> tuple[int, int]:
    """Where the event's sentence lies in ``text`` (the one holding the trigger), or the
    trigger's own bounds when the sentence cannot be found."""
    sentence = event.sentence
    if sentence:
        first = max(0, event.trigger.end - len(sentence))
        at = text.find(sentence, first, event.trigger.start + len(sentence))
        if at != -1 and at <= event.trigger.start:
            return at, at + len(sentence)
    return event.trigger.start, event.trigger.end


def _add(spans: list[Span], field: str, start: int | None, end: int | None, text: str,
         found: bool = False) -> None:
    if start is None or end is None or not 0 <= start < end <= len(text):
        return
    spans.append(Span(field, start, end, text[start:end], found))


def _add_actor(spans: list[Span], field: str, actor: Actor, text: str) -> None:
    if actor.start is not None and not actor.inferred:
        _add(spans, field, actor.start, actor.end, text)


def _add_found(spans: list[Span], field: str, words: str, text: str,
               sentence: tuple[int, int], anchor: int) -> None:
    """``words`` placed at its occurrence nearest ``anchor``: in the sentence if it is
    there, else anywhere in the text."""
    for lo, hi in (sentence, (0, len(text))):
        hits = _occurrences(text, words, lo, hi)
        if hits:
            at = min(hits, key=lambda i: abs(i - anchor))
            _add(spans, field, at, at + len(words), text, found=True)
            return


def _occurrences(text: str, words: str, lo: int, hi: int) -> list[int]:
    hits, at = [], text.find(words, lo, hi)
    while at != -1:
        hits.append(at)
        at = text.find(words, at + 1, hi)
    return hits
