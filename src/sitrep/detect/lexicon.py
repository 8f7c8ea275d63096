"""The trigger, cue and instrument lexicons: data files under ``sitrep/data`` read into typed rows.

``triggers.tsv``: ``phrase  pos  cameo  mode  when  note`` (phrase = lower-case lemmas; the head is
the first token of a VERB phrase and the last token of a NOUN phrase). ``when`` holds conditions
separated by ``;`` (``obj=person|any|none``, ``not_obj=a|b``, ``prep=a|b``, ``subj=person``,
``ctx=a|b``, ``not_ctx=a|b``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .._data import data_path
from ..errors import E, SitrepError

CONDITION_KEYS = frozenset({"obj", "not_obj", "prep", "subj", "ctx", "not_ctx"})


@dataclass(frozen=True, slots=True)
class TriggerRow:
    """One trigger lexicon entry."""

    words: tuple[str, ...]
    pos: str
    cameo: str
    mode: str | None
    conditions: tuple[tuple[str, frozenset[str]], ...] = ()

    @property
    def head(self) -> str:
        return self.words[0] if self.pos == "VERB" else self.words[-1]

    @property
    def others(self) -> tuple[str, ...]:
        return self.words[1:] if self.pos == "VERB" else self.words[:-1]


@dataclass(frozen=True, slots=True)
class InstrumentRow:
    words: tuple[str, ...]
    instrument: str
    cameo: str | None
    plover_mode: str | None


@dataclass(slots=True)
class Lexicon:
    """Triggers indexed by head lemma and POS, cues by kind, instruments by head lemma."""

    triggers: dict[tuple[str, str], list[TriggerRow]] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    instruments: dict[str, list[InstrumentRow]] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path | None = None) -> Lexicon:
        """Read the three lexicon files (package data unless ``directory`` is given)."""
        def path(name: str) -> Path:
            return directory / name if directory else data_path(name)

        return cls(
            triggers=_index_triggers(path("triggers.tsv")),
            cues=_read_cues(path("cues.tsv")),
            instruments=_index_instruments(path("instruments.tsv")),
        )

    def candidates(self, lemma: str, pos: str) -> list[TriggerRow]:
        return self.triggers.get((lemma, pos), [])

    def cue(self, kind: str) -> frozenset[str]:
        return self.cues.get(kind, frozenset())


def read_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """``(line number, fields)`` of a TSV data file, skipping comments, blanks and the header."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SitrepError(E.E009, path=path, cause=exc) from exc
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        yield number, [cell.strip() for cell in line.split("\t")]


def _index_triggers(path: Path) -> dict[tuple[str, str], list[TriggerRow]]:
    index: dict[tuple[str, str], list[TriggerRow]] = defaultdict(list)
    for number, cells in read_rows(path):
        row = _trigger_row(path, number, cells)
        index[(row.head, row.pos)].append(row)
    return dict(index)


def _trigger_row(path: Path, number: int, cells: list[str]) -> TriggerRow:
    cells = cells + [""] * (5 - len(cells))
    phrase, pos, cameo, mode, when = cells[:5]
    if not phrase or pos not in {"VERB", "NOUN"} or not cameo.isdigit():
        raise SitrepError(E.E010, path=path, line=number, cause="needs phrase, VERB|NOUN, code")
    return TriggerRow(tuple(phrase.lower().split()), pos, cameo, mode or None,
                      _conditions(path, number, when))


def _conditions(path: Path, number: int, when: str) -> tuple[tuple[str, frozenset[str]], ...]:
    conditions = []
    for part in filter(None, (p.strip() for p in when.split(";"))):
        key, sep, value = part.partition("=")
        if not sep or key.strip() not in CONDITION_KEYS:
            raise SitrepError(E.E010, path=path, line=number, cause=f"bad condition {part!r}")
        conditions.append((key.strip(), frozenset(v.strip() for v in value.split("|"))))
    return tuple(conditions)


def _read_cues(path: Path) -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = defaultdict(set)
    for _number, cells in read_rows(path):
        if len(cells) >= 2 and cells[0]:
            kinds[cells[1]].add(cells[0].lower())
    return {kind: frozenset(cues) for kind, cues in kinds.items()}


def _index_instruments(path: Path) -> dict[str, list[InstrumentRow]]:
    index: dict[str, list[InstrumentRow]] = defaultdict(list)
    for number, cells in read_rows(path):
        cells = cells + [""] * (4 - len(cells))
        if not cells[0] or not cells[1]:
            raise SitrepError(E.E010, path=path, line=number, cause="needs phrase and instrument")
        words = tuple(cells[0].lower().split())
        index[words[-1]].append(InstrumentRow(words, cells[1], cells[2] or None, cells[3] or None))
    return dict(index)
