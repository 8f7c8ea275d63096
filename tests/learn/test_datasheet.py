"""The corpus datasheet shows the corpus as it is, and the corpus meets its brief."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sitrep.learn.corpus import Example, corpus_files, load_corpus
from sitrep.learn.datasheet import END, START, counts_markdown
from sitrep.ontology import Ontology

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    return load_corpus(corpus_files(ROOT / "corpus"), Ontology.load())


def test_the_readme_counts_are_current(examples: list[Example]) -> None:
    readme = (ROOT / "corpus" / "README.md").read_text(encoding="utf-8")
    shown = readme.split(START, 1)[1].split(END, 1)[0].strip()
    assert shown == counts_markdown(examples).strip(), (
        "corpus/README.md is stale: run `python -m sitrep.learn.datasheet --write`")


def test_the_corpus_meets_its_brief(examples: list[Example]) -> None:
    assert len(examples) >= 10_000
    subtypes = Counter(e.acled_sub_event_type for e in examples if e.event)
    taxonomy = Ontology.load().acled_rules.taxonomy
    for sub in (s for subs in taxonomy.values() for s in subs):
        assert subtypes[sub] >= 250, sub
    plover = Counter(e.plover for e in examples if e.event)
    for kind in ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
                 "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE",
                 "ASSAULT"):
        assert plover[kind] >= 250, kind
    roots = {e.cameo_root for e in examples if e.event}
    assert {f"{n:02d}" for n in range(1, 21)} <= roots
    assert sum(not e.event for e in examples) >= 3_000
    assert len({e.country for e in examples if e.country}) >= 100
