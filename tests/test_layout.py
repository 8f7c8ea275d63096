"""Headline, dateline and lead, read from real-looking wire copy (needs the spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.layout import read_layout
from sitrep.mentions import doc_countries
from sitrep.text import normalise

pytestmark = pytest.mark.slow

WIRE = ("Gunmen kill six in raid on Nigerian village\n\n"
        "By Amina Yusuf\n\n"
        "MAIDUGURI, Nigeria (Sahel Wire) — Gunmen killed six farmers in a raid on a village "
        "near the town of Konduga on Monday, police said on Wednesday.\n\n"
        "The attackers arrived on motorcycles and set fire to several homes.")


def _layout(coder, text):  # type: ignore[no-untyped-def]
    norm = normalise(text)
    doc = coder.nlp(norm.text)
    res = coder.resources
    return doc, read_layout(doc, norm, res.gazetteer, res.kb, doc_countries(doc, res))


def test_headline_byline_and_dateline_are_read(coder) -> None:  # type: ignore[no-untyped-def]
    doc, layout = _layout(coder, WIRE)
    sents = list(doc.sents)
    lead = [sents[i].text for i in sorted(layout.lead_sentences)]
    assert lead[0].startswith("Gunmen kill six")
    assert any("killed six farmers" in text for text in lead[1:])
    assert not any("Amina" in text for text in lead)
    assert layout.dateline is not None and layout.dateline.name == "Maiduguri"
    assert doc.text[layout.dateline_end:].startswith("Gunmen killed six")


def test_a_date_dateline_is_a_dateline_and_dates_no_event(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("KABUL, June 3 — A bomb exploded at a market in the city on Tuesday, killing four "
            "people, police said.")
    _, layout = _layout(coder, text)
    assert layout.dateline is not None and layout.dateline.country == "AFG"
    events = coder.code(text, published="2024-06-05")
    assert events and events[0].event_date.isoformat() == "2024-06-04"


def test_a_sentence_that_opens_with_a_quote_is_no_dateline(coder) -> None:  # type: ignore[no-untyped-def]
    _, layout = _layout(coder, "Police said: six people were killed in Kano on Monday.")
    assert layout.dateline is None


def test_an_event_without_a_town_takes_the_lead_town(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code(WIRE, published="2024-06-05")
    main = next(e for e in events if e.main)
    assert main.location is not None and main.location.name in {"Konduga", "Maiduguri"}
    assert main.event_date.isoformat() == "2024-06-03"  # Monday, not the day police spoke
    assert len([e for e in events if not e.background]) == 1  # the arson is the raid's detail


def test_front_matter_in_api_text_is_read_and_offsets_point_into_the_text(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("---\ntitle: Raid\npublished: 2024-06-05\n---\n\n" + WIRE)
    events = coder.code(text)
    main = next(e for e in events if e.main)
    assert main.event_date.isoformat() == "2024-06-03"
    assert text[main.trigger.start:main.trigger.end] == main.trigger.text
    plain = coder.code(WIRE, published="2024-06-05")
    assert [e.to_dict()["cameo"] for e in events] == [e.to_dict()["cameo"] for e in plain]
    assert events[0].doc_id == plain[0].doc_id


def test_code_file_reads_text_and_html_as_the_cli_does(coder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "page.html"
    body = "".join(f"<p>{para}</p>" for para in WIRE.split("\n\n")[2:])
    page.write_text(f"<html><head><title>Raid</title></head><body><article>{body}"
                    "</article></body></html>", encoding="utf-8")
    events = coder.code_file(page, published="2024-06-05")
    assert any(e.cameo.startswith(("18", "19")) for e in events)
    note = tmp_path / "a.txt"
    note.write_text("---\npublished: 2024-06-05\n---\n" + WIRE, encoding="utf-8")
    assert [e.cameo for e in coder.code_file(note)] == [
        e.cameo for e in coder.code(WIRE, published="2024-06-05")]


MONITOR = ("Afghanistan: weekly security update\n\n"
           "Fighting and attacks were reported in several provinces of Afghanistan this week.\n\n"
           "KANDAHAR\n"
           "On 6 May, unidentified gunmen shot dead a shopkeeper. No group claimed the killing.\n\n"
           "BADAKHSHAN\n"
           "On 7 May, gunmen attacked a checkpoint, killing two policemen.\n")


def test_capital_place_headings_place_the_events_of_their_sections(coder) -> None:  # type: ignore[no-untyped-def]
    _, layout = _layout(coder, MONITOR)
    assert [p.name for _, p in layout.sections][:1] == ["Kandahār"]  # GeoNames spelling
    assert len(layout.sections) == 2
    events = {e.trigger.text: e for e in coder.code(MONITOR, published="2024-05-10")}
    assert events["shot dead"].location is not None
    assert events["shot dead"].location.name == "Kandahār"
    assert events["attacked"].location is not None
    assert events["attacked"].location.country == "AFG"
    assert events["attacked"].location.name != "Kandahār"  # the next section's place


def test_a_capital_line_that_names_no_place_is_no_section(coder) -> None:  # type: ignore[no-untyped-def]
    _, layout = _layout(coder, "PRESS RELEASE\n\nGunmen killed two people in Kano on Monday.")
    assert layout.sections == ()
