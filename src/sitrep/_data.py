"""Locating package data files (lexicons, knowledge base, ontology tables)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import E, SitrepError


def data_path(*parts: str) -> Path:
    """Path of a file under ``sitrep/data``; raises E009 naming the path when it is missing."""
    path = Path(str(resources.files("sitrep"))) / "data" / Path(*parts)
    if not path.exists():
        raise SitrepError(E.E009, path=path, cause="no such file")
    return path


def read_text(*parts: str) -> str:
    """Text of a package data file, as UTF-8."""
    path = data_path(*parts)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SitrepError(E.E009, path=path, cause=exc) from exc
