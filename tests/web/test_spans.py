"""Spans of an event in its document, on hand-built records (no model)."""

from __future__ import annotations

from sitrep.records import Actor, Event, Location, TextSpan
from sitrep.web._spans import event_spans, sentence_bounds

TEXT = ("On Monday the council met. Early on Friday morning, a drone strike killed two men at "
        "the airport, officials said on Friday.")


def _event(**changes: object) -> Event:
    start = TEXT.index("drone strike")
    values: dict[str, object] = dict(
        id="e1", doc_id="d1", trigger=TextSpan("drone strike", start, start + 12),
        sentence=TEXT[TEXT.index("Early"):], cameo="195", cameo_root="19", quad_class=4,
        goldstein=-10.0, date_text="on Friday", fatalities_text="two men",
        actor2=Actor("Men", text="two men", start=TEXT.index("two men"),
                     end=TEXT.index("two men") + 7),
        location=Location("Airport", text="the airport", start=TEXT.index("the airport"),
                          end=TEXT.index("the airport") + 11))
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def test_recorded_offsets_and_found_words() -> None:
    spans = {(s.field, s.text): s for s in event_spans(_event(), TEXT)}
    assert ("trigger", "drone strike") in spans and ("place", "the airport") in spans
    assert not spans[("actor2", "two men")].found
    date = spans[("date", "on Friday")]
    assert date.found and date.start == TEXT.index("on Friday morning")  # nearest the trigger
    for span in spans.values():
        assert TEXT[span.start:span.end] == span.text


def test_spans_are_in_text_order() -> None:
    starts = [s.start for s in event_spans(_event(), TEXT)]
    assert starts == sorted(starts)


def test_inferred_actor_and_absent_words_give_no_span() -> None:
    inferred = Actor("United States", inferred=True, text="drone", start=0, end=5)
    spans = event_spans(_event(actor1=inferred, date_text="last year"), TEXT)
    assert "actor1" not in {s.field for s in spans} and "date" not in {s.field for s in spans}


def test_offsets_outside_the_text_are_dropped() -> None:
    broken = Location("Nowhere", text="x", start=500, end=510)
    assert "place" not in {s.field for s in event_spans(_event(location=broken), TEXT)}


def test_sentence_found_around_the_trigger() -> None:
    event = _event()
    start, end = sentence_bounds(event, TEXT)
    assert TEXT[start:end] == event.sentence
    assert sentence_bounds(_event(sentence="not in the text"), TEXT) == (
        event.trigger.start, event.trigger.end)
