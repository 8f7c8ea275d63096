"""Bad input never crashes: empty, binary, invalid, huge and non-English texts."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.errors import SitrepError

pytestmark = pytest.mark.slow

GOOD = ("Gunmen killed five villagers in Zamfara State on Saturday, police said.", "2021-03-14")


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\x00\x01\x02", "12345 67890"])
def test_empty_or_meaningless_text_gives_no_events(coder: Any, text: str) -> None:
    assert coder.code(text) == []


def test_non_english_text_gives_no_events(coder: Any) -> None:
    from sitrep.language import NonEnglishWarning

    french = "Des hommes armés ont tué cinq villageois samedi dans l'État de Zamfara, selon la police."
    with pytest.warns(NonEnglishWarning, match=r"French \(fr\)"):  # named, never silent
        assert coder.code(french, published="2021-03-14") == []


def test_bytes_are_a_clear_error(coder: Any) -> None:
    with pytest.raises(SitrepError, match="E002"):
        coder.code(b"Gunmen killed five villagers.")


def test_bad_published_date_is_a_clear_error(coder: Any) -> None:
    with pytest.raises(SitrepError, match="E003"):
        coder.code(GOOD[0], published="next Tuesday-ish")


def test_five_megabyte_text_is_a_clear_error(coder: Any) -> None:
    with pytest.raises(SitrepError, match="E004"):
        coder.code("Gunmen attacked a village. " * 200_000)


def test_batch_skips_and_reports_bad_items_in_order(coder: Any) -> None:
    errors: list[tuple[int, str]] = []
    items: list[Any] = [GOOD, (b"binary", None), "not a pair", ("", None),
                        ("x" * (coder.max_chars + 1), None), (GOOD[0], "bad date"), GOOD]
    results = list(coder.code_batch(items, error_handler=lambda i, item, exc: errors.append(
        (i, str(exc)[:5]))))
    assert len(results) == len(items)
    assert results[0] and results[-1]
    assert [r for r in results[1:-1]] == [[]] * 5
    assert [i for i, _ in errors] == [1, 2, 4, 5]
    assert results[0][0].to_dict()["id"] == results[-1][0].to_dict()["id"]


def test_batch_matches_single_coding(coder: Any) -> None:
    single = [e.to_dict() for e in coder.code(*GOOD)]
    batched = [e.to_dict() for e in next(coder.code_batch([GOOD]))]
    assert single == batched


def test_two_processes_give_the_same_events(coder: Any) -> None:
    items = [GOOD, ("Police arrested the opposition leader in Kampala on Wednesday.", "2020-11-19"),
             ("", None), GOOD]
    one = [[e.to_dict() for e in events] for events in coder.code_batch(items)]
    two = [[e.to_dict() for e in events] for events in coder.code_batch(items, n_process=2)]
    assert one == two and len(two) == len(items) and two[0]
