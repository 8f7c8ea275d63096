"""Docs that tests keep honest: README commands exist, the catalogue is well formed."""

from __future__ import annotations

import re
from pathlib import Path

from sitrep.cli import build_parser
from sitrep.errors import E, catalogue

ROOT = Path(__file__).resolve().parents[1]


def _subcommands() -> set[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return set(action.choices)  # type: ignore[arg-type]


def test_readme_gives_exactly_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_sitrep_command_in_the_readme_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", readme, re.S))
    used = set(re.findall(r"^sitrep (\w+)", blocks, re.M))
    assert used and used <= _subcommands()


def test_catalogue_numbers_are_unique_and_messages_say_how_to_fix() -> None:
    numbers = [e.number for e in E]
    assert len(numbers) == len(set(numbers))
    for code, message in catalogue().items():
        assert code.startswith("E") and len(message) > 30, code


def test_model_doc_states_the_detector_defaults() -> None:
    from sitrep.detect.classify import EventClassifier

    doc = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    fields = EventClassifier.__dataclass_fields__
    for name in ("drop_at", "add_at", "override_at", "recode_at", "sure_at"):
        assert f"`{name}` ({fields[name].default})" in doc, name
