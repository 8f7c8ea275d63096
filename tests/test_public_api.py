"""The public API is pinned: changing it is a deliberate act that updates this test."""

from __future__ import annotations

import inspect

import sitrep


def test_public_names_are_pinned() -> None:
    assert sitrep.__all__ == [
        "Actor", "Coder", "Document", "Event", "Location", "SitrepError", "Store", "TextSpan",
        "code", "code_batch", "code_file", "to_frame",
    ]
    for name in sitrep.__all__:
        assert getattr(sitrep, name) is not None


def test_code_signatures() -> None:
    assert list(inspect.signature(sitrep.code).parameters) == ["text", "published"]
    assert list(inspect.signature(sitrep.code_batch).parameters) == [
        "items", "n_process", "batch_size", "error_handler"]
    assert list(inspect.signature(sitrep.code_file).parameters) == ["path", "published"]


def test_unknown_attribute_raises() -> None:
    try:
        sitrep.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_event_record_keys_match_design() -> None:
    from sitrep.records import EVENT_FIELDS, Event, TextSpan

    event = Event(id="x", doc_id="d", trigger=TextSpan("hit", 0, 3), sentence="hit", cameo="190",
                  cameo_root="19", quad_class=4, goldstein=-10.0)
    assert tuple(event.to_dict()) == EVENT_FIELDS
