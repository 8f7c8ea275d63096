"""Shared fixtures: hand-built spaCy Docs (no model) and, for slow tests, one loaded Coder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEED = SHARED / "seed" / "soleimani_2020-01-03.txt"


def make_doc(rows: Sequence[tuple[str, str, str, str, int]], ents: Sequence[str] | None = None,
             vocab: Vocab | None = None) -> Doc:
    """A parsed Doc from rows of (word, lemma, pos, dep, head index); ents as IOB tags."""
    words = [r[0] for r in rows]
    doc = Doc(
        vocab or Vocab(), words=words,
        lemmas=[r[1] for r in rows], pos=[r[2] for r in rows], deps=[r[3] for r in rows],
        heads=[r[4] for r in rows], ents=list(ents) if ents else None,
        tags=["VBN" if r[2] == "VERB" and r[0].endswith("ed") else "" for r in rows],
    )
    return doc


@pytest.fixture(scope="session")
def coder():  # type: ignore[no-untyped-def]
    from sitrep.pipeline import Coder

    return Coder.load()
