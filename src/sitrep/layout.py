"""How a news text is laid out: headline, byline, dateline and lead.

Wire and local reports open with a headline line, sometimes a byline ("By Amina Diallo"), then a
lead paragraph that may start with a dateline ("MAIDUGURI, Nigeria (Agency) -" or "BAMAKO, June 3
-"). The lead and the headline report the main event; the dateline names where the report was
filed, which is where an event happened when the text names no other place for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .detect.triggers import headline_end
from .records import Location
from .resolve.actors import ActorKB
from .resolve.gazetteer import Gazetteer
from .text import NormalisedText

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# CITY[, Country or date][ (Agency)] -  ... ; the text is normalised, so every dash is "-".
_DATELINE = re.compile(
    r"(?P<city>[A-ZÀ-Þ][\w'.\- ]{1,40}?)"
    r"(?:,\s*(?P<second>[A-ZÀ-Þ][\w'.\- ]{1,40}?(?:\s\d{1,2})?))?"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*(?:-{1,3}|:)\s+(?=\S)"
)
_BYLINE = re.compile(r"^\s*(By|BY|From|Reporting by)\s+[A-Z]")
# A line of its own in capitals, one to four words: a section heading ("HERAT", "SAHEL REGION").
_HEADING = re.compile(r"(?m)^[ \t]*(?P<words>[A-ZÀ-Þ][A-ZÀ-Þ'\-]+(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'\-]+){0,3})"
                      r"[ \t]*:?[ \t]*$")
MIN_LEAD_TOKENS = 5


@dataclass(frozen=True, slots=True)
class Layout:
    """Sentence indices of the headline and the lead, and the dateline's place (if any)."""

    lead_sentences: frozenset[int] = frozenset({0, 1})
    dateline: Location | None = None
    dateline_end: int = 0  # character offset (normalised text) where the lead's words begin
    country: str | None = None  # the country the document names most often (ISO3)
    # place headings of a report's sections ("HERAT", "Macomia district"), each with the
    # offset (original text) where its section begins
    sections: tuple[tuple[int, Location], ...] = ()

    def section_place(self, offset: int) -> Location | None:
        """The place heading the section that holds ``offset`` (original text), if any."""
        found = None
        for start, place in self.sections:
            if start > offset:
                break
            found = place
        return found


def read_layout(doc: Doc, norm: NormalisedText, gazetteer: Gazetteer, kb: ActorKB,
                countries: list[str]) -> Layout:
    """The layout of one parsed document."""
    sents = list(doc.sents)
    if not sents:
        return Layout()
    headline = _headline(doc, sents)
    first = next((s for i, s in enumerate(sents) if i not in headline
                  and any(t.is_alpha for t in s) and not _BYLINE.match(s.text)), None)
    dateline, body_start = (_dateline(first, norm, gazetteer, kb, countries) if first is not None
                            else (None, 0))
    body = [i for i, s in enumerate(sents) if i not in headline and _substantive(s, body_start)]
    lead = set(headline) | set(body[:1] if headline else body[:2])
    return Layout(frozenset(lead), dateline, body_start, countries[0] if countries else None,
                  _sections(norm, gazetteer, countries,
                            max((sents[i].end_char for i in headline), default=0)))


def _sections(norm: NormalisedText, gazetteer: Gazetteer, countries: list[str],
              after: int) -> tuple[tuple[int, Location], ...]:
    """Place headings: a line of its own, in capitals, naming a town or region the gazetteer
    knows in a country the document names ("HERAT", "CABO DELGADO")."""
    found = []
    for match in _HEADING.finditer(norm.text):
        if match.start() < after:
            continue
        words = match.group("words").strip()
        text, start, end = norm.original_span(match.start("words"),
                                              match.start("words") + len(words))
        place = gazetteer.resolve(_title(words), context_countries=countries, start=start,
                                  end=end)
        if place is not None and place.feature != "country" and (
                not countries or place.country in countries):
            found.append((start, place))
    return tuple(found)


def _headline(doc: Doc, sents: list[Span]) -> set[int]:
    """The first line when it is a headline (no final punctuation), however the parser split it."""
    line_end = doc.text.find("\n")
    if headline_end(doc) == 0 or line_end < 0:
        return set()  # a punctuated first sentence, or one paragraph: no headline
    opening = _DATELINE.match(doc.text)
    if opening is not None and opening.group("city").isupper():
        return set()  # the text opens with its dateline
    return {i for i, s in enumerate(sents) if s.start_char < line_end} | {0}


def _substantive(sent: Span, body_start: int) -> bool:
    """A sentence that reports, not a byline, a bare dateline or a photo credit."""
    words = [t for t in sent if not t.is_punct and not t.is_space and t.idx >= body_start]
    if len(words) < MIN_LEAD_TOKENS:
        return False
    return not _BYLINE.match(sent.text)


def _dateline(sent: Span, norm: NormalisedText, gazetteer: Gazetteer, kb: ActorKB,
              countries: list[str]) -> tuple[Location | None, int]:
    """The dateline's place and where the lead's own words begin (the dateline may be parsed
    as a sentence of its own)."""
    match = _DATELINE.match(norm.text, sent.start_char)
    if match is None:
        return None, 0
    city, second = match.group("city").strip(), (match.group("second") or "").strip()
    is_date = second.startswith(_MONTHS)
    if not (city.isupper() or is_date or match.group("agency")):
        return None, 0  # "Police said: ..." is not a dateline
    context = list(countries)
    country = kb.country(second) if second and not is_date else None
    if country is not None:
        context = [country.iso3, *context]
    start = match.start("city")
    text, o_start, o_end = norm.original_span(start, start + len(match.group("city").rstrip()))
    name = f"{_title(city)}, {second}" if country is not None else _title(city)
    found = gazetteer.resolve(name, context_countries=context, start=o_start, end=o_end)
    if found is None or (country is not None and found.country != country.iso3):
        return None, match.end()
    return found, match.end()


def _title(name: str) -> str:
    """"PORT-AU-PRINCE" -> "Port-Au-Prince" (the gazetteer folds case further)."""
    return name.title() if name.isupper() else name
