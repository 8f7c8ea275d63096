"""The parsing side of training: the coder's spaCy pipeline and lexicon, loaded once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..pipeline import Coder
from .corpus import load_corpus
from .instances import Instance, Labelled, from_examples, from_gold, instances
from .labels import load_labels


@dataclass(frozen=True)
class Session:
    """A coder without its event model, used to turn texts into candidate instances."""

    coder: Coder

    @classmethod
    def load(cls) -> Session:
        return cls(Coder.load(event_model=False))

    def instances(self, items: Sequence[Labelled]) -> list[Instance]:
        res = self.coder.resources
        return instances(items, self.coder.nlp, res.lexicon, res.people, load_labels(),
                         res.reporting_verbs, res.linking_verbs)

    def corpus_instances(self, files: Sequence[Path]) -> list[Instance]:
        examples = load_corpus(files, self.coder.ontology)
        return self.instances(list(from_examples(examples)))

    def gold_instances(self, path: Path) -> list[Instance]:
        return self.instances(list(from_gold(path)))
