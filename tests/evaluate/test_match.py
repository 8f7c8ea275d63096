import itertools
import random
from datetime import date
from pathlib import Path

from sitrep.evaluate import assign, match_events
from sitrep.evaluate.match import incompatibility, types_compatible
from sitrep.records import Location

from .helpers import event, gold_doc, gold_event, load_docs


def _brute_force(scores: list[list[float | None]]) -> float:
    """Best total over all partial one-to-one assignments (more pairs never lose: base 100)."""
    n_rows, n_cols = len(scores), len(scores[0])
    best = 0.0
    for perm in itertools.permutations(range(n_cols + n_rows), n_rows):
        total = sum(scores[i][j] or 0.0 for i, j in enumerate(perm)
                    if j < n_cols and scores[i][j] is not None)
        best = max(best, total)
    return best


def test_assign_matches_brute_force_on_random_matrices() -> None:
    rng = random.Random(7)
    for _ in range(150):
        n_rows, n_cols = rng.randint(1, 4), rng.randint(1, 4)
        scores: list[list[float | None]] = [
            [None if rng.random() < 0.35 else 100 + rng.random() * 10 for _ in range(n_cols)]
            for _ in range(n_rows)
        ]
        pairs = assign(scores)
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        assert all(scores[i][j] is not None for i, j in pairs)
        total = sum(scores[i][j] or 0.0 for i, j in pairs)
        assert abs(total - _brute_force(scores)) < 1e-6


def test_assign_prefers_more_pairs_over_one_strong_pair() -> None:
    scores: list[list[float | None]] = [[110.0, 101.0], [101.0, None]]
    assert sorted(assign(scores)) == [(0, 1), (1, 0)]
    assert assign([]) == [] and assign([[None]]) == []


def test_type_rules(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([
        gold_event(),
        gold_event(acled_event_type="DROP", acled_sub_event_type="DROP",
                   cameo={"expected": "138", "accept": ["13"]}, plover="THREATEN"),
        gold_event(acled_event_type="DROP", acled_sub_event_type="DROP", cameo="DROP",
                   plover="ACCUSE"),
    ])]).docs[0].events
    strike, threat, accuse = gold
    assert types_compatible(strike, event(cameo="194", acled_sub_event_type="Shelling"))
    # both give an ACLED type and they differ: not compatible even with the same CAMEO root
    assert not types_compatible(strike, event(acled_event_type="Battles"))
    # no predicted ACLED type: falls back to CAMEO root, then PLOVER
    assert types_compatible(strike, event(acled_event_type=None))
    assert types_compatible(threat, event(cameo="130", acled_event_type=None, plover=None))
    assert not types_compatible(threat, event(acled_event_type=None))
    assert types_compatible(accuse, event(cameo="112", plover="ACCUSE"))


def test_duplicates_one_match_one_spare(tmp_path: Path) -> None:
    (doc,) = load_docs(tmp_path, [gold_doc([gold_event()])]).docs
    result = match_events(doc.events, [event(), event()])
    assert len(result.pairs) == 1 and len(result.unmatched_pred) == 1
    assert result.unmatched_gold == ()


def test_closest_prediction_wins_and_reasons_are_given(tmp_path: Path) -> None:
    (doc,) = load_docs(tmp_path, [gold_doc([
        gold_event(id="airport", event_date="2020-01-03", trigger="drone strike"),
        gold_event(id="kirkuk", event_date="2019-12-27",
                   location={"country": "IRQ", "lat": 35.47, "lon": 44.39, "max_km": 50}),
        gold_event(id="far", event_date="2019-12-01"),
    ])]).docs
    preds = [
        event(event_date=date(2019, 12, 27), location=Location("Kirkuk", "IRQ", "Kirkuk",
                                                              35.47, 44.39)),
        event(trigger="drone strike"),
        event(event_date=date(2019, 12, 1), location=Location("Basra", "IRQ", "Basra",
                                                              30.5, 47.8)),
    ]
    result = match_events(doc.events, preds)
    assert result.pairs == ((0, 1), (1, 0))
    assert result.unmatched_gold == (2,) and result.miss_reasons == ("place",)
    assert incompatibility(doc.events[2], preds[1]) == "date"


def test_no_gold_events_or_no_predictions(tmp_path: Path) -> None:
    (doc,) = load_docs(tmp_path, [gold_doc([gold_event()])]).docs
    assert match_events([], [event()]).unmatched_pred == (0,)
    empty = match_events(doc.events, [])
    assert empty.unmatched_gold == (0,) and empty.miss_reasons == ("no_prediction",)


def test_type_rule_any_lets_cameo_root_override_acled(tmp_path: Path) -> None:
    (doc,) = load_docs(tmp_path, [gold_doc([gold_event(acled_event_type="Battles",
                                                       acled_sub_event_type="Armed clash",
                                                       cameo="193")])]).docs
    pred = event(cameo="193", acled_event_type="Violence against civilians")
    assert match_events(doc.events, [pred]).miss_reasons == ("type",)
    assert match_events(doc.events, [pred], type_rule="any").pairs == ((0, 0),)
    other = event(cameo="141", plover="PROTEST", acled_event_type="Protests")
    assert match_events(doc.events, [other], type_rule="any").pairs == ()
