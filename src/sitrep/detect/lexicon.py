"""The trigger, cue and instrument lexicons, indexed for the detector.

The files (``sitrep/data/triggers.tsv``, ``cues.tsv``, ``instruments.tsv``) are read and
validated by ``sitrep.ontology.lexicons``; this module turns their rows into the lookup tables
the matcher uses. In ``triggers.tsv`` the head is the first lemma of a VERB phrase and the last
of a NOUN phrase; ``when`` holds conditions (``obj=person|any|none``, ``not_obj=a|b``,
``prep=a|b``, ``subj=person``, ``ctx=a|b``, ``not_ctx=a|b``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from ..ontology.lexicons import load_cues, load_instruments, load_triggers


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
    def load(cls, directory: Path | None = None,
             known_codes: Collection[str] | None = None) -> Lexicon:
        """Read the three lexicon files (package data unless ``directory`` is given).

        The rows come validated from ``ontology.lexicons`` (E103 names the file and line of a
        bad row); with ``known_codes``, every CAMEO code must be in the table.
        """
        triggers: dict[tuple[str, str], list[TriggerRow]] = defaultdict(list)
        for raw in load_triggers(known_codes, directory):
            row = TriggerRow(raw.lemmas, raw.pos, raw.cameo, raw.mode,
                             tuple((c.key, frozenset(c.values)) for c in raw.when))
            triggers[(row.head, row.pos)].append(row)
        cues: dict[str, set[str]] = defaultdict(set)
        for cue in load_cues(directory):
            cues[cue.kind].add(cue.cue)
        instruments: dict[str, list[InstrumentRow]] = defaultdict(list)
        for item in load_instruments(known_codes, directory):
            words = tuple(item.phrase.split())
            instruments[words[-1]].append(
                InstrumentRow(words, item.instrument, item.cameo, item.plover_mode))
        return cls(dict(triggers), {k: frozenset(v) for k, v in cues.items()}, dict(instruments))

    def candidates(self, lemma: str, pos: str) -> list[TriggerRow]:
        return self.triggers.get((lemma, pos), [])

    def cue(self, kind: str) -> frozenset[str]:
        return self.cues.get(kind, frozenset())
