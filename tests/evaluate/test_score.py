from datetime import date
from pathlib import Path

import pytest

from sitrep.evaluate import evaluate, load_gold
from sitrep.records import Actor, Location

from .helpers import actor, event, gold_doc, gold_event, load_docs

SEED = Path(__file__).resolve().parents[1] / "gold" / "seed.jsonl"


def test_precision_recall_f1_with_duplicates_and_empty_docs(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [
        gold_doc([gold_event(), gold_event(event_date="2019-12-27")], doc_id="a"),
        gold_doc([], doc_id="empty"),
    ])
    report = evaluate(gold, {"a": [event(), event()], "empty": [event(cameo="190")]})
    assert (report.tp, report.fp, report.fn) == (1, 2, 1)
    assert report.precision == pytest.approx(1 / 3) and report.recall == pytest.approx(0.5)
    assert report.f1 == pytest.approx(0.4)
    assert report.miss_reasons == {"date": 1}


def test_no_predictions_gives_zero_recall_and_undefined_precision(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event()])])
    report = evaluate(gold, {})
    assert report.recall == 0.0 and report.precision is None and report.f1 is None
    assert report.missing_documents == ("d1",)


def test_background_predictions_and_non_exhaustive_docs(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [
        gold_doc([gold_event(id="real"),
                  gold_event(id="habit", background=True, event_date=None, cameo="180",
                             location="DROP")], doc_id="a"),
        gold_doc([gold_event(plover="ASSAULT")], doc_id="partial", exhaustive=False),
    ])
    background = event(background=True, event_date=None, cameo="202",
                       acled_event_type=None, plover="ASSAULT")
    extra = event(cameo="190", event_date=date(2019, 5, 5))
    report = evaluate(gold, {"a": [event(), background, event(background=True,
                                                                event_date=None)],
                             "partial": [event(), extra]})
    # "habit" matched by a background prediction: not a TP, background flag right
    assert (report.tp, report.fp, report.fn) == (2, 0, 0)
    assert report.background_found == 1
    assert report.ignored_predictions == {"background": 1, "not_exhaustive": 1}
    assert report.fields["background"].accuracy == 1.0


def test_background_gold_missed_is_not_a_false_negative(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event(background=True, event_date=None)])])
    report = evaluate(gold, {"d1": []})
    assert report.fn == 0 and report.background_missed == 1


def test_field_scores_with_accept_alternatives(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event(
        cameo={"expected": "195", "accept": ["18"]},
        acled_sub_event_type={"expected": "Air/drone strike", "accept": ["Suicide bomb"]},
        actor1={"expected": None, "accept": [{"name": "United States", "country": "USA",
                                               "type": "state_forces"}]},
        actor2={"name": "Qassem Soleimani", "accept_names": ["Qasem Soleimani"],
                "country": "IRN", "type": "state_forces", "accept_types": ["government"]},
        fatalities={"expected": 2, "accept": [3]}, main=True,
        victims=[{"name": "Abu Mahdi al-Muhandis"}])])])
    pred = event(cameo="1831", acled_sub_event_type="Suicide bomb",
                 actor1=Actor("United States", "USA", "state_forces", inferred=True),
                 actor2=Actor("Qasem Soleimani", "IRN", "government"),
                 victims=[Actor("Abu Mahdi Al-Muhandis", "IRQ", "political_militia")],
                 fatalities=3, main=True)
    report = evaluate(gold, {"d1": [pred]})
    accuracies = {k: v for k, v in report.metrics().items() if v is not None}
    assert accuracies["cameo_code"] == 1.0 and accuracies["cameo_root"] == 1.0
    for name in ("acled_sub_event_type", "actor1_country", "actor1_type", "actor1_entity",
                 "actor2_entity", "actor2_type", "actor2_country", "victims",
                 "fatalities_exact", "fatalities_within_20pct", "main"):
        assert accuracies[name] == 1.0, name
    null_actor = evaluate(gold, {"d1": [event(cameo="195", main=False)]})
    assert null_actor.fields["actor1_entity"].accuracy == 1.0
    assert null_actor.fields["actor2_country"].accuracy == 0.0
    assert null_actor.fields["main"].accuracy == 0.0


def test_fatalities_zero_null_and_tolerance(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event(id="a", fatalities=0, trigger="a"),
                                          gold_event(id="b", fatalities=25, trigger="b",
                                                     event_date="2020-01-02")])])
    report = evaluate(gold, {"d1": [event(fatalities=None, trigger="a"),
                                    event(fatalities=28, trigger="b",
                                          event_date=date(2020, 1, 2))]})
    assert report.fields["fatalities_exact"].correct == 1
    assert report.fields["fatalities_within_20pct"].correct == 2


def test_place_fields_and_km_median(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event(
        location={"name": "Kirkuk", "country": "IRQ", "admin1": "Kirkuk", "lat": 35.4681,
                  "lon": 44.3922, "max_km": 50})])])
    near = Location("Kirkuk base", "IRQ", "Kirkuk Governorate", 35.75, 44.39)
    report = evaluate(gold, {"d1": [event(location=near)]})
    assert report.km_median == pytest.approx(31.3, abs=0.5)
    assert report.fields["place_within_25km"].accuracy == 0.0
    assert report.fields["place_within_50km"].accuracy == 1.0
    assert report.fields["place_admin1"].accuracy == 1.0
    assert report.fields["place_country"].accuracy == 1.0


def test_range_date_scores_exact_and_in_range(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event(event_date=None,
                                                     date_earliest="2019-12-27",
                                                     date_latest="2020-01-03")])])
    day = evaluate(gold, {"d1": [event(event_date=date(2019, 12, 29))]})
    assert day.fields["date_exact"].accuracy == 0.0
    assert day.fields["date_in_range"].accuracy == 1.0
    outside = evaluate(gold, {"d1": [event(event_date=date(2020, 1, 4))]})
    assert outside.fn == 1 and outside.miss_reasons == {"date": 1}


def test_errors_list_names_document_event_and_field(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event(id="strike", fatalities=2)])])
    report = evaluate(gold, {"d1": [event(fatalities=5)]})
    wrong = [e for e in report.errors if e["field"] == "fatalities_exact"]
    assert wrong == [{"doc": "d1", "event": "strike", "field": "fatalities_exact",
                      "expected": 2, "predicted": 5}]


def _seed_predictions() -> list:
    kh = Actor("Kataib Hezbollah", "IRQ", "political_militia")
    baghdad_airport = Location("Baghdad International Airport", "IRQ", "Baghdad", 33.26,
                               44.23, 1)
    return [
        event(trigger="strike", main=True, location=baghdad_airport,
              actor2=Actor("Qassem Soleimani", "IRN", "state_forces"),
              victims=[Actor("Abu Mahdi al-Muhandis", "IRQ", "political_militia")],
              fatalities=2, plover_mode="drone"),
        event(trigger="targeted", cameo="190", event_date=date(2019, 12, 27),
              acled_sub_event_type="Shelling/artillery/missile attack", actor1=kh,
              actor2=Actor("United States", "USA", "state_forces"), fatalities=3,
              location=Location("Kirkuk", "IRQ", "Kirkuk", 35.47, 44.39, 2)),
        event(trigger="airstrikes", event_date=None, date_earliest=date(2019, 12, 27),
              date_latest=date(2020, 1, 3), actor1=Actor("United States", "USA",
                                                          "state_forces"),
              actor2=kh, fatalities=25, plover_mode="aerial",
              location=Location("Iraq", "IRQ", None, 33.0, 44.0, 3)),
        event(trigger="demonstrate", cameo="145", acled_event_type="Riots",
              acled_sub_event_type="Violent demonstration", plover="PROTEST",
              plover_mode="riot", event_date=date(2019, 12, 31),
              actor1=Actor("Protesters (Iraq)", "IRQ", "protesters"),
              actor2=Actor("US Embassy", "USA", "government"),
              location=Location("Green Zone", "IRQ", "Baghdad", 33.30, 44.39, 1)),
        event(trigger="vowing", cameo="138", acled_event_type=None,
              acled_sub_event_type=None, plover="THREATEN", modality="threatened",
              actor1=Actor("Ali Khamenei", "IRN", "government"), location=None),
    ]


def test_seed_gold_with_a_correct_reading_scores_perfectly() -> None:
    gold = load_gold(SEED)
    report = evaluate(gold, {gold.docs[0].id: _seed_predictions()})
    assert (report.tp, report.fp, report.fn) == (5, 0, 0)
    wrong = {k: v for k, v in report.metrics().items()
             if v is not None and v < 1.0 and k != "place_km_median"}
    assert wrong == {}, report.errors


def test_seed_gold_background_and_wrong_date_are_penalised() -> None:
    gold = load_gold(SEED)
    preds = _seed_predictions()
    preds[1].event_date = date(2020, 1, 3)  # "Last Friday" read as publication day
    habitual = event(trigger="causing", cameo="180", event_date=date(2020, 1, 3),
                     location=Location("Syria", "SYR", None, 35.0, 38.0, 3))
    report = evaluate(gold, {gold.docs[0].id: [*preds, habitual]})
    assert report.fn == 1 and report.miss_reasons == {"date": 1}
    assert report.fp == 2  # the misdated attack and the habitual background sentence
    habitual.background, habitual.event_date = True, None
    report = evaluate(gold, {gold.docs[0].id: [*_seed_predictions(), habitual]})
    assert (report.tp, report.fp, report.fn) == (5, 0, 0)


def test_actor_helper_types() -> None:
    assert actor("X").type == "other"


def test_counts_by_document_tag(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [
        gold_doc([gold_event()], doc_id="a", tags=["passive", "weekday_date"]),
        gold_doc([gold_event()], doc_id="b", tags=["passive"]),
    ])
    report = evaluate(gold, {"a": [event()], "b": [event(cameo="141", plover="PROTEST",
                                                         acled_event_type="Protests")]})
    assert report.by_tag["passive"] == {"documents": 2, "tp": 1, "fp": 1, "fn": 1}
    assert report.by_tag["weekday_date"] == {"documents": 1, "tp": 1, "fp": 0, "fn": 0}
    assert report.to_dict()["by_tag"]["passive"]["recall"] == 0.5
