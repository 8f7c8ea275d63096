"""Training and evaluation instances: (features, label) for candidates in labelled texts.

A labelled text has at most one gold trigger (the corpus) or several (a gold file). The gold
trigger's tokens give an instance with the gold label; a text that reports no event also gives
every other candidate the detector would consider (lexicon triggers and the sentence roots), each
labelled ``none``, so the model learns what looks like an event and is not.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..detect.classify import ROOT_POS, event_root
from ..detect.lexicon import Lexicon, TriggerRow
from ..detect.triggers import find_triggers
from ..text import normalise
from .corpus import Example
from .features import candidate_features, lexicon_features
from .labels import NONE, LabelInfo, example_label


@dataclass(frozen=True, slots=True)
class Labelled:
    """A text with its gold triggers and their labels (empty: the text reports no event)."""

    id: str
    text: str
    triggers: tuple[tuple[str, str], ...]  # (trigger text, label)
    negative_label: str = NONE


@dataclass(frozen=True, slots=True)
class Instance:
    """One candidate: its features, its gold label and where it came from."""

    features: tuple[str, ...]
    label: str
    source: str


def from_examples(examples: Iterable[Example]) -> Iterator[Labelled]:
    """Corpus examples as labelled texts."""
    for ex in examples:
        label = example_label(ex.event, ex.modality, ex.acled_sub_event_type, ex.cameo)
        yield Labelled(ex.id, ex.text, ((ex.trigger, label),) if ex.trigger else (), label)


def from_gold(path: Path) -> Iterator[Labelled]:
    """The documents of a gold file as labelled texts (events with a trigger; exhaustive only)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            doc = json.loads(line)
            if doc.get("exhaustive", True) is False and not doc["events"]:
                continue
            pairs = tuple((e["trigger"], label) for e in doc["events"]
                          if e.get("trigger") and (label := _gold_label(e)) != NONE)
            if doc["events"] and not pairs:
                continue  # events typed only in PLOVER: no class to compare with
            yield Labelled(f"{path.stem}:{doc['id']}", doc["text"], pairs)


def _gold_label(event: dict[str, object]) -> str:
    sub = _expected(event.get("acled_sub_event_type"))
    cameo = _expected(event.get("cameo"))
    if event.get("background"):
        return "background"
    return example_label(True, "asserted", sub, cameo)


def _expected(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("expected")
    return value if isinstance(value, str) else None


def instances(items: Sequence[Labelled], nlp: Language, lexicon: Lexicon, people: frozenset[str],
              labels: dict[str, LabelInfo], reporting: frozenset[str] = frozenset(),
              linking: frozenset[str] = frozenset(), batch_size: int = 64) -> list[Instance]:
    """Parse ``items`` with ``nlp`` and return one instance per candidate (``labels``: the
    label table, whose ``fits`` say which other candidates share an example's class)."""
    texts = (normalise(item.text).text for item in items)
    out: list[Instance] = []
    for item, doc in zip(items, nlp.pipe(texts, batch_size=batch_size), strict=True):
        out += _doc_instances(item, doc, lexicon, people, labels, reporting, linking)
    return out


Step = tuple[int, int, int, "Candidate | None", str]  # head, start, end, lexicon match, label


def walk(item: Labelled, doc: Doc, lexicon: Lexicon, people: frozenset[str],
         labels: dict[str, LabelInfo], reporting: frozenset[str] = frozenset(),
         linking: frozenset[str] = frozenset()) -> list[Step]:
    """The candidates of one labelled text, as (head, start, end, lexicon match, label).

    The gold triggers first; then the other candidates: in a text with no event each is
    ``none``; in a text with one event, those in the trigger's sentence whose lexicon code fits
    the event's class share its label (the deaths and wounds an attack causes are the attack),
    and the rest are left out (the attack a condemnation is about is not the condemnation).
    """
    out: list[Step] = []
    taken: set[int] = set()
    found = candidates(doc, lexicon, people, reporting, linking)
    sentences: dict[int, str] = {}
    for trigger, label in item.triggers:
        span = _find(doc, trigger, taken)
        if span is None:
            continue
        head_token, start, end = span
        head = head_token.i
        taken.update(range(start, end))
        match = next((c for c in found if start <= c.head < end), None)
        if match is not None:
            head, start, end = match.head, match.start, match.end
            taken.add(match.head)
        out.append((head, start, end, match, label))
        sentences[doc[head].sent.start] = label
    events = [label for _, label in item.triggers if label != NONE]
    for match in found:
        if match.head in taken:
            continue
        sent_start = doc[match.head].sent.start
        label = sentences.get(sent_start, item.negative_label) if events else item.negative_label
        if events and not (len(item.triggers) == 1 and sent_start in sentences
                           and match.row is not None and _fits(labels, label, match.row.cameo)):
            continue
        taken.add(match.head)
        out.append((match.head, match.start, match.end, match, label))
    return out


def _doc_instances(item: Labelled, doc: Doc, lexicon: Lexicon, people: frozenset[str],
                   labels: dict[str, LabelInfo], reporting: frozenset[str],
                   linking: frozenset[str]) -> list[Instance]:
    steps = walk(item, doc, lexicon, people, labels, reporting, linking)
    return [Instance(_features(doc[head], start, end, match), label, item.id)
            for head, start, end, match, label in steps]


def _fits(labels: dict[str, LabelInfo], label: str, cameo: str) -> bool:
    info = labels.get(label)
    return info is not None and info.fits_code(cameo)


def _features(head: Token, start: int, end: int, match: Candidate | None) -> tuple[str, ...]:
    lex = lexicon_features(None) if match is None or match.row is None else lexicon_features(
        match.row.cameo, match.row.mode, bool(match.row.conditions), match.holds)
    return tuple(candidate_features(head, start, end, head.sent, lex))


def _find(doc: Doc, trigger: str, taken: set[int]) -> tuple[Token, int, int] | None:
    """The tokens of the first occurrence of ``trigger`` not already used."""
    wanted = normalise(trigger).text
    position = doc.text.find(wanted)
    while position >= 0:
        span = doc.char_span(position, position + len(wanted), alignment_mode="expand")
        if span is not None and len(span) and span.start not in taken:
            return span.root, span.start, span.end
        position = doc.text.find(wanted, position + 1)
    return None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A token the coder would ask the model about, with its lexicon row if it has one."""

    head: int
    start: int
    end: int
    row: TriggerRow | None = None
    holds: bool = True


def candidates(doc: Doc, lexicon: Lexicon, people: frozenset[str],
               reporting: frozenset[str] = frozenset(),
               linking: frozenset[str] = frozenset()) -> list[Candidate]:
    """What the coder considers: lexicon triggers, and each sentence's event root
    (``detect.classify.event_root``) when none is found."""
    found = [Candidate(m.head, m.start, m.end, m.row, m.holds)
             for m in find_triggers(doc, lexicon, people, strict=False)]
    covered = {doc[c.head].sent.start for c in found}
    for sent in doc.sents:
        root = event_root(sent, reporting, linking)
        if sent.start not in covered and root is not None and root.pos_ in ROOT_POS:
            found.append(Candidate(root.i, root.i, root.i + 1))
    return sorted(found, key=lambda c: c.head)
