"""Cohen's kappa and the agreement report (sitrep.learn.agreement), with hand-computed cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.learn.agreement import join, kappa, model_class, report


def test_perfect_agreement_is_one() -> None:
    labels = ["a", "b", "c", "a", "b"]
    assert kappa(labels, labels) == pytest.approx(1.0)


def test_one_shared_class_is_one() -> None:
    assert kappa(["x", "x", "x"], ["x", "x", "x"]) == 1.0


def test_known_two_by_two() -> None:
    # 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
    # p_o = 35/50 = 0.7; p_e = (25/50)(30/50) + (25/50)(20/50) = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4
    a = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert kappa(a, b) == pytest.approx(0.4)


def test_systematic_disagreement_is_minus_one() -> None:
    # p_o = 0, p_e = 0.5 -> kappa = -1
    assert kappa(["x", "y"], ["y", "x"]) == pytest.approx(-1.0)


def test_length_mismatch_raises() -> None:
    with pytest.raises(ValueError):
        kappa(["a"], ["a", "b"])


def test_model_class_and_report() -> None:
    def row(event: bool, sub: str | None, cameo: str | None, modality: str) -> dict[str, object]:
        return {
            "event": event,
            "acled_sub_event_type": sub,
            "cameo": cameo,
            "modality": modality,
            "plover": "ASSAULT" if event else None,
        }

    clash = row(True, "Armed clash", "190", "asserted")
    talk = row(True, None, "046", "asserted")
    history = row(False, None, None, "background")
    assert [model_class(r) for r in (clash, talk, history)] == ["Armed clash", "R:04", "background"]
    text = report([(clash, clash), (talk, clash), (history, history)])
    assert "cameo_root" in text and "R:04 -> Armed clash" in text


def test_join_skips_rows_whose_text_changed(tmp_path: Path) -> None:
    corpus = [{"id": "a-1", "text": "same"}, {"id": "a-2", "text": "rewritten"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in corpus) + "\n")
    second = [{"id": "a-1", "text": "same"}, {"id": "a-2", "text": "old"}, {"id": "a-3", "text": "x"}]
    pairs, missing, changed = join(second, tmp_path)
    assert [p[0]["id"] for p in pairs] == ["a-1"] and (missing, changed) == (1, 1)
