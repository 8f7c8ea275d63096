"""Hand-built reports of a few incidents (three reports of one bombing, its near-misses, and
an article with two events linked by 'in retaliation for') for the incident tests."""

from __future__ import annotations

from datetime import date, timedelta

from sitrep.records import Actor, Document, Event, Location, TextSpan
from sitrep.text import doc_id

_PLACES = {
    "Maiduguri": Location("Maiduguri", "NGA", "Borno", 11.846, 13.160, 1, 2331447),
    "Konduga": Location("Konduga", "NGA", "Borno", 11.653, 13.418, 1, 2334008),
    "Borno": Location("Borno", "NGA", "Borno", 11.5, 13.0, 3, 2346794),
    "Kano": Location("Kano", "NGA", "Kano", 12.000, 8.517, 1, 2335204),
}


def event(text: str, trigger: str, day: date, place: str | None, dead: int | None = None,
          cameo: str = "183", precision: str = "day", actor: str | None = None,
          main: bool = True, start: int | None = None) -> Event:
    """An event of the document ``text`` (its id is derived from the text and trigger)."""
    at = text.index(trigger) if start is None else start
    doc = doc_id(text)
    earliest = day - timedelta(days=2) if precision == "range" else day
    return Event(
        id=f"{doc[:16]}-{at}", doc_id=doc, trigger=TextSpan(trigger, at, at + len(trigger)),
        sentence=text, cameo=cameo, cameo_root=cameo[:2], quad_class=4, goldstein=-10.0,
        main=main, event_date=day, date_earliest=earliest, date_latest=day,
        date_precision=precision, acled_event_type="Explosions/Remote violence",
        location=_PLACES[place] if place else None, fatalities=dead,
        actor1=Actor(actor, "NGA", "rebel_group", entity_id=actor.lower()) if actor else None,
        mentions=[TextSpan(trigger, at, at + len(trigger))])


def doc(text: str, published: date, source: str) -> Document:
    return Document(doc_id(text), text, published, source, None, source, None)


TUE = date(2024, 3, 12)
BOMBING = [  # three reports of one market bombing in Maiduguri, tolls rising
    ("A bomb exploded at a market in Maiduguri on Tuesday, killing 5.", "bomb exploded",
     TUE, "Maiduguri", 5, "day", TUE),
    ("Toll from Maiduguri market blast rises to 12.", "blast", TUE, "Borno", 12,
     "publication", TUE + timedelta(days=1)),
    ("Boko Haram bombing killed 17 people in Borno's capital this week.", "bombing", TUE,
     "Maiduguri", 17, "range", TUE + timedelta(days=3)),
]
NEAR_MISSES = [  # same kind, same day, 40 km away; same town a week later; another state
    ("A bomb exploded at a checkpoint in Konduga on Tuesday, killing 3.", "bomb exploded",
     TUE, "Konduga", 3, "day", TUE),
    ("A bomb exploded at a market in Maiduguri on Tuesday, killing 4.", "bomb exploded",
     TUE + timedelta(days=7), "Maiduguri", 4, "day", TUE + timedelta(days=7)),
    ("A bomb exploded at a market in Kano on Tuesday, killing 6.", "bomb exploded", TUE,
     "Kano", 6, "day", TUE),
]


def reports(rows: list[tuple]) -> list[tuple[Document, list[Event]]]:  # type: ignore[type-arg]
    out = []
    for text, trigger, day, place, dead, precision, published in rows:
        out.append((doc(text, published, f"src{len(out)}"),
                    [event(text, trigger, day, place, dead, precision=precision)]))
    return out


RETALIATION = ("Militants attacked an army post in Konduga on Friday in retaliation for the "
               "air strike on their camp on Wednesday.")


def retaliation() -> tuple[Document, list[Event]]:
    text = RETALIATION
    attack = event(text, "attacked", date(2024, 4, 19), "Konduga", cameo="190")
    strike = event(text, "air strike", date(2024, 4, 17), "Konduga", cameo="195", main=False)
    return doc(text, date(2024, 4, 20), "src-r"), [attack, strike]
