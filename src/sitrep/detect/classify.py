"""The learned decision: does a candidate report an event, and of which kind?

Candidates are the lexicon's trigger matches plus, in a sentence where the lexicon finds none, the
sentence's root. For each, the event model gives class probabilities (``learn.model``):

- ``none`` most likely (and likely enough): the candidate is dropped;
- ``background``: kept as it is, and marked as background by the mention stage;
- an event class: kept. When the lexicon row's CAMEO code fits the class (``labels.tsv``: fits)
  the row's more specific code stays; otherwise the class's code, mode and instrument replace it.
  A sentence root with no lexicon row becomes a trigger with the class's code.

Each kept candidate carries the model's probability that it reports an event, which feeds the
event's ``confidence``. ACLED's type is still decided afterwards from the code *and* the actors'
types (``ontology.acled``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..learn.features import candidate_features, lexicon_features
from ..learn.labels import BACKGROUND, NONE, LabelInfo, load_labels
from ..learn.model import EventModel
from .lexicon import Lexicon, TriggerRow
from .triggers import TriggerMatch, find_triggers

ROOT_POS = frozenset({"VERB", "NOUN", "PROPN", "AUX"})


@dataclass(frozen=True, slots=True)
class Decision:
    """A kept candidate: the match to code (row possibly replaced) and the model's view."""

    match: TriggerMatch
    label: str
    p_event: float
    background: bool = False
    instrument: str | None = None
    p_label: float = 0.0  # the probability of ``label`` itself
    sure_at: float = 0.6  # from this ``p_label`` the class is passed on to the ACLED rules

    @property
    def sure_label(self) -> str | None:
        return self.label if self.p_label >= self.sure_at else None


@dataclass(frozen=True)
class EventClassifier:
    """The event model with its label table and decision thresholds."""

    model: EventModel
    labels: dict[str, LabelInfo]
    drop_at: float = 0.95  # drop a lexicon candidate when P(none) is at least this
    add_at: float = 0.75  # make a sentence root an event when P(event) is at least this
    recode: bool = True  # let the model's class replace a lexicon code that does not fit it
    recode_at: float = 0.7  # ... when the class's own probability is at least this
    sure_at: float = 0.8  # from this class probability the class goes on to the ACLED rules
    roots: bool = True  # ask the model about sentence roots where the lexicon finds nothing
    strict: bool = False  # False: rows whose sense conditions fail are candidates too ...
    override_at: float = 0.9  # ... kept when P(event) is at least this

    @classmethod
    def load(cls) -> EventClassifier:
        model = EventModel.load()
        labels = load_labels()
        missing = [c for c in model.classes if c not in labels]
        if missing:
            from ..errors import E, SitrepError

            raise SitrepError(E.E602, cause=f"classes {missing} have no row in labels.tsv")
        return cls(model, labels)

    def decide(self, doc: Doc, lexicon: Lexicon, people: frozenset[str],
               reporting: frozenset[str] = frozenset(),
               linking: frozenset[str] = frozenset(),
               said_acts: Callable[[Token, TriggerMatch], bool] | None = None) -> list[Decision]:
        """The candidates of ``doc`` that report events, in document order (``reporting``:
        reporting verbs, whose reported clause holds the sentence's event; ``linking``: main
        verbs that offer no event of their own). ``said_acts`` keeps a candidate the model drops
        when its words make it an act of speech the corpus does not teach (a refusal: "would
        not send"), with the model's probability as its confidence."""
        matches = find_triggers(doc, lexicon, people, strict=self.strict)
        covered = {doc[m.head].sent.start for m in matches}
        out = [d for m in matches if (d := self._lexical(doc, m, said_acts)) is not None]
        for sent in doc.sents:
            root = event_root(sent, reporting, linking)
            if not self.roots or sent.start in covered or root is None or root.pos_ not in ROOT_POS:
                continue
            decision = self._root(doc, TriggerMatch(root.i, root.i, root.i + 1, _PLACEHOLDER))
            if decision is not None:
                out.append(decision)
        return sorted(out, key=lambda d: d.match.head)

    def _probs(self, doc: Doc, match: TriggerMatch, lexical: bool = True) -> dict[str, float]:
        head = doc[match.head]
        row = match.row
        lex = lexicon_features(row.cameo, row.mode, bool(row.conditions), match.holds) if lexical \
            else lexicon_features(None)
        return self.model.predict_proba(candidate_features(head, match.start, match.end, head.sent,
                                                           lex))

    def _lexical(self, doc: Doc, match: TriggerMatch,
                 said_acts: Callable[[Token, TriggerMatch], bool] | None = None
                 ) -> Decision | None:
        probs = self._probs(doc, match)
        p_none = probs.get(NONE, 0.0)
        label, p_event = _best_event(probs)
        if p_none >= self.drop_at or (not match.holds and p_event < self.override_at):
            if said_acts is not None and match.holds and said_acts(doc[match.head], match):
                return Decision(match, NONE, p_event)
            return None  # a row whose sense conditions fail must earn its place
        if probs.get(BACKGROUND, 0.0) > max(p_event, p_none):
            return Decision(match, BACKGROUND, p_event, background=True)
        info = self.labels[label]
        keep = not self.recode or probs[label] < self.recode_at
        if info.fits_code(match.row.cameo) or info.cameo is None or keep:
            return self._decision(match, label, p_event, probs[label])
        return self._decision(_recoded(match, info), label, p_event, probs[label])

    def _root(self, doc: Doc, match: TriggerMatch) -> Decision | None:
        probs = self._probs(doc, match, lexical=False)
        label, p_event = _best_event(probs)
        if p_event < self.add_at or probs[label] < max(probs.get(NONE, 0.0), probs.get(BACKGROUND, 0.0)):
            return None
        info = self.labels[label]
        if info.cameo is None:
            return None
        return self._decision(_recoded(match, info), label, p_event, probs[label])

    def _decision(self, match: TriggerMatch, label: str, p_event: float, p_label: float) -> Decision:
        instrument = self.labels[label].instrument if p_label >= self.sure_at else None
        return Decision(match, label, p_event, instrument=instrument, p_label=p_label,
                        sure_at=self.sure_at)


def event_root(sent: Span, reporting: frozenset[str], linking: frozenset[str] = frozenset()
               ) -> Token | None:
    """The sentence's main verb, or, when that is a reporting verb ("police said a stash was
    found"), the verb of the clause it reports; None when it only links or characterises
    ("the strike represents an escalation")."""
    root = sent.root
    if root.lemma_.lower() in reporting:
        reported = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
        if reported:
            root = reported[0]
    return None if root.lemma_.lower() in linking else root


_PLACEHOLDER = TriggerRow(("",), "VERB", "010", None)


def _best_event(probs: dict[str, float]) -> tuple[str, float]:
    """The most likely event class and the total probability of being an event."""
    events = {k: v for k, v in probs.items() if k not in {NONE, BACKGROUND}}
    best = max(events, key=lambda k: events[k])
    return best, sum(events.values())


def _recoded(match: TriggerMatch, info: LabelInfo) -> TriggerMatch:
    row = TriggerRow(match.row.words, match.row.pos, info.cameo or match.row.cameo, info.mode)
    return TriggerMatch(match.head, match.start, match.end, row)
