"""``evaluate``: score sitrep (or given predictions) against a gold file."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

from ..errors import E, SitrepError
from ..records import Event
from .gold import GoldSet, load_gold
from .match import TypeRule, match_events
from .predictions import Predictions
from .report import Report
from .score import Tally, score_document


def predict(gold: GoldSet, n_process: int = 1) -> Predictions:
    """Run sitrep's coder on every gold document; ``{doc id: events}`` in gold order."""
    items = [(doc.text, doc.published) for doc in gold.docs]
    try:
        results = list(_code_batch(items, n_process))
    except NotImplementedError as exc:
        raise SitrepError(E.E508, path=gold.path, cause="the coder is not implemented yet") from exc
    return {doc.id: list(events) for doc, events in zip(gold.docs, results, strict=True)}


def _code_batch(items: list[tuple[str, date | None]], n_process: int) -> Iterator[list[Event]]:
    """sitrep's batch coder, imported when first needed (tests replace this function)."""
    from .. import pipeline

    return pipeline.code_batch(items, n_process=n_process)


def evaluate(
    gold: GoldSet | str | Path,
    predictions: Mapping[str, Sequence[Event]] | None = None,
    *,
    n_process: int = 1,
    type_rule: TypeRule = "acled",
) -> Report:
    """Score ``predictions`` (``{gold doc id: events}``; default: run sitrep) against ``gold``.

    Documents missing from ``predictions`` count as "no events predicted" and are listed in
    ``Report.missing_documents``. ``type_rule`` is the matching type rule (``match.py``).
    """
    gold_set = gold if isinstance(gold, GoldSet) else load_gold(gold)
    if predictions is None:
        predictions = predict(gold_set, n_process)
    tally = Tally()
    for doc in gold_set.docs:
        preds = list(predictions.get(doc.id, ()))
        score_document(doc, preds, match_events(doc.events, preds, type_rule), tally)
    missing = [doc.id for doc in gold_set.docs if doc.id not in predictions]
    return Report.from_tally(gold_set.name, tally, missing)
