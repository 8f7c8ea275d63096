"""A lean install (issue 10): no unused dependencies, an SPDX licence, pandas as an extra."""

from __future__ import annotations

import tomllib
from pathlib import Path

PROJECT = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml")
                        .read_text(encoding="utf-8"))["project"]


def _names(requirements: list[str]) -> set[str]:
    return {r.split(">")[0].split("=")[0].split("<")[0].strip().lower() for r in requirements}


def test_core_dependencies_are_lean() -> None:
    core = _names(PROJECT["dependencies"])
    assert not core & {"fastapi", "reverse_geocoder", "reverse-geocoder", "scipy", "pandas"}
    assert "py3langid" in core  # language identification of non-English input


def test_licence_is_an_spdx_string_and_pandas_an_extra() -> None:
    assert PROJECT["license"] == "Apache-2.0"
    assert "pandas" in _names(PROJECT["optional-dependencies"]["pandas"])
