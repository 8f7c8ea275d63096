import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.cli import main
from sitrep.evaluate import api, prediction_lines, write_predictions
from sitrep.records import Event

from .helpers import event, gold_doc, gold_event, load_docs, write_gold


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    docs = [gold_doc([gold_event(), gold_event(event_date="2019-12-01")], doc_id="a"),
            gold_doc([], doc_id="b")]
    gold_path = write_gold(tmp_path, docs)
    pred_path = tmp_path / "pred.jsonl"
    write_predictions(pred_path, prediction_lines(load_docs(tmp_path, docs),
                                                  {"a": [event()], "b": [event()]}))
    return gold_path, pred_path


def test_json_report(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = files
    assert main(["evaluate", str(gold), "--pred", str(pred), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (report,) = data["reports"]
    assert report["gold"] == "g.jsonl"
    assert report["events"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5,
                                "f1": 0.5}
    assert report["metrics"]["events.f1"] == 0.5
    assert report["fields"]["cameo_code"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert {e["field"] for e in report["errors"]} == {"event_missed", "event_spurious"}


def test_table_report_and_errors(files: tuple[Path, Path],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = files
    assert main(["evaluate", str(gold), "--pred", str(pred), "--errors", "--by-tag"]) == 0
    out = capsys.readouterr().out
    assert "Events (one-to-one matching)" in out and "g.jsonl" in out
    assert "0.500" in out and "cameo_code" in out and "event_spurious" in out
    assert "events by tag" in out


def test_floors_gate_exit_code(files: tuple[Path, Path], tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = files
    floors = tmp_path / "floors.yaml"
    floors.write_text("tolerance: 0.01\nfiles:\n  g.jsonl:\n    events.f1: 0.9\n")
    assert main(["evaluate", str(gold), "--pred", str(pred), "--floors", str(floors)]) == 1
    assert "FLOOR FAILED g.jsonl: events.f1 = 0.500" in capsys.readouterr().err
    floors.write_text("tolerance: 0.01\nfiles:\n  g.jsonl:\n    events.f1: 0.5\n")
    assert main(["evaluate", str(gold), "--pred", str(pred), "--floors", str(floors)]) == 0
    assert "all floors" in capsys.readouterr().err


def test_errors_exit_2_with_file_line_and_field(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    bad = write_gold(tmp_path, [gold_doc([gold_event(cameo="abc")])], name="bad.jsonl")
    assert main(["evaluate", str(bad), "--pred", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "E502" in err and "bad.jsonl, line 1, field events[0].cameo" in err


def test_one_pred_per_gold(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = files
    assert main(["evaluate", str(gold), str(gold), "--pred", str(pred)]) == 2
    assert "2 gold files" in capsys.readouterr().err


def _fake_batch(items: Iterable[tuple[str, Any]], n_process: int = 1) -> Iterator[list[Event]]:
    for text, _published in items:
        yield [event()] if text else []


def test_runs_the_coder_and_writes_predictions(files: tuple[Path, Path], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    gold, _ = files
    monkeypatch.setattr(api, "_code_batch", _fake_batch)
    out = tmp_path / "written.jsonl"
    assert main(["evaluate", str(gold), "--json", "--write-pred", str(out)]) == 0
    report = json.loads(capsys.readouterr().out)["reports"][0]
    assert report["events"]["tp"] == 1 and report["predicted_events"] == 2
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]
    folder = tmp_path / "preds"
    assert main(["evaluate", str(gold), str(gold), "--write-pred", str(folder)]) == 0
    assert (folder / "g.pred.jsonl").exists()


def test_coder_not_ready_is_a_clear_error(files: tuple[Path, Path],
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    def not_ready(*args: Any, **kwargs: Any) -> Iterator[list[Event]]:
        raise NotImplementedError

    monkeypatch.setattr(api, "_code_batch", not_ready)
    assert main(["evaluate", str(files[0])]) == 2
    assert "E508" in capsys.readouterr().err


def test_print_floors_is_loadable(files: tuple[Path, Path], tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = files
    assert main(["evaluate", str(gold), "--pred", str(pred), "--print-floors"]) == 0
    floors = tmp_path / "floors.yaml"
    floors.write_text("tolerance: 0.01\n" + capsys.readouterr().out)
    assert main(["evaluate", str(gold), "--pred", str(pred), "--floors", str(floors)]) == 0


def test_gold_files_default_to_those_the_floors_file_lists(
        files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(api, "_code_batch", _fake_batch)
    floors = tmp_path / "floors.yaml"
    floors.write_text("tolerance: 0.01\nfiles:\n  g.jsonl:\n    events.recall: 0.5\n")
    assert main(["evaluate", "--floors", str(floors), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reports"][0]["gold"] == "g.jsonl"
    assert main(["evaluate"]) == 2
