"""docs/serve.md kept honest: every API route and server setting is documented, and every
documented route exists."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from sitrep.cli import build_parser
from sitrep.web import Settings, create_app
from sitrep.web._errors import STATUS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "serve.md").read_text(encoding="utf-8")


def _app_routes() -> set[str]:
    paths = create_app(Settings(db=":memory:", token="t")).openapi()["paths"]
    return {f"{method.upper()} {re.sub(r'{[^}]+}', '{id}', path)}" for path, ops in paths.items()
            for method in ops}


def test_every_route_is_documented_and_every_documented_route_exists() -> None:
    documented = set(re.findall(r"`((?:GET|POST) /v1/[^`\s]*)`", DOC))
    assert documented == _app_routes()


def test_every_setting_has_a_documented_flag() -> None:
    parser = build_parser()
    serve = next(a for a in parser._actions if a.dest == "command").choices["serve"]  # type: ignore[union-attr]
    flags = {opt for action in serve._actions for opt in action.option_strings}
    for field in fields(Settings):
        flag = "--" + field.name.replace("_", "-")
        assert flag in flags, flag
        assert f"`{flag}" in DOC, flag


def test_every_api_error_code_is_in_the_doc_with_its_status() -> None:
    for code, status in STATUS.items():
        if code.startswith("E7"):
            assert re.search(rf"{code}\D.*\b{status}\b", DOC), code
