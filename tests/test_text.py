from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.text import check_text, doc_id, looks_like_english, normalise


def test_curly_apostrophes_and_dashes_become_ascii_with_same_offsets() -> None:
    original = "Kata\u2019ib Hezbollah \u2013 the group \u201cvowed\u201d revenge"
    norm = normalise(original)
    assert norm.text == "Kata'ib Hezbollah - the group \"vowed\" revenge"
    start = norm.text.index("Hezbollah")
    text, o_start, o_end = norm.original_span(start, start + len("Hezbollah"))
    assert text == "Hezbollah" and original[o_start:o_end] == "Hezbollah"


def test_spaces_collapse_and_offsets_map_back() -> None:
    original = "A  drone\u00a0\u00a0strike\u200b killed   two."
    norm = normalise(original)
    assert norm.text == "A drone strike killed two."
    start = norm.text.index("killed")
    text, o_start, _ = norm.original_span(start, start + 6)
    assert text == "killed" and o_start == original.index("killed")


def test_line_breaks_are_kept_for_sentence_boundaries() -> None:
    norm = normalise("Headline\r\n\r\nFirst paragraph.")
    assert "Headline\n" in norm.text and "First paragraph." in norm.text


def test_span_at_end_of_text_maps_to_text_length() -> None:
    norm = normalise("abc")
    assert norm.to_original(3, 3) == (3, 3)


def test_doc_id_is_a_stable_content_hash() -> None:
    assert doc_id("same text") == doc_id("same text")
    assert doc_id("same text") != doc_id("same text.")
    assert len(doc_id("x")) == 32


def test_check_text_rejects_bytes_and_huge_input() -> None:
    with pytest.raises(SitrepError, match="E002"):
        check_text(b"bytes")
    with pytest.raises(SitrepError, match="E004"):
        check_text("x" * 11, max_chars=10)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Gunmen killed five villagers in the north of the country, police said.", True),
        ("Des hommes armés ont tué cinq villageois dans le nord du pays, selon la police.", False),
        ("Вооружённые люди убили пятерых жителей деревни на севере страны.", False),
        ("مسلحون قتلوا خمسة قرويين في شمال البلاد", False),
        # short headline-style English with few function words is still English
        ("Islamic Front rebels seize Abu al-Duhur military airport while taking control of "
         "Syria's northwestern Idlib province.", True),
        ("Gunmen Kill 5 in Zamfara Village Raid", True),
        ("Los rebeldes tomaron el aeropuerto militar de la provincia, según el ejército.", False),
        ("Die Rebellen haben den Flughafen der Provinz eingenommen, sagte die Armee.", False),
    ],
)
def test_looks_like_english(text: str, english: bool) -> None:
    assert looks_like_english(text) is english


def test_leading_blank_lines_are_not_text_and_offsets_still_map() -> None:
    original = "\n\n  \nGunmen attacked a convoy."
    norm = normalise(original)
    assert norm.text == "Gunmen attacked a convoy."
    text, start, end = norm.original_span(0, 6)
    assert text == "Gunmen" and original[start:end] == "Gunmen"


def test_segments_cover_the_text_and_map_to_the_original() -> None:
    from sitrep.text import normalise, segments

    original = ("Troops “attacked” the town.  " * 500) + ("word " * 3000) + "x" * 2500
    norm = normalise(original)
    pieces = segments(norm, size=2_000, run=500)
    assert "".join(p.text for p in pieces) == norm.text
    assert all(len(p.text) <= 2_000 for p in pieces) and len(pieces) > 10
    for piece in pieces:
        start, end = piece.to_original(0, len(piece.text))
        assert normalise(original[start:end]).text.strip() == piece.text.strip()
    assert segments(normalise("A short text. Two sentences.")) == (
        normalise("A short text. Two sentences."),)


def test_check_text_refuses_lone_surrogates() -> None:
    from sitrep.text import scrub

    with pytest.raises(SitrepError, match="E012"):
        check_text("ok \udc80 no")
    assert scrub("a\ud83db") == "a\ufffdb"
