"""Main-event figures: sitrep's main event against gold's, whatever the matching did."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sitrep.evaluate import evaluate
from sitrep.records import Location

from .helpers import event, gold_doc, gold_event, load_docs

KARBALA = Location(name="Karbala", country="IRQ", admin1="Karbala", lat=32.6, lon=44.0,
                   geo_precision=1)


def test_main_figures_judge_the_main_events_only(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [
        gold_doc([gold_event(main=True, fatalities=10), gold_event(cameo="173", plover="COERCE",
                  acled_event_type=None, acled_sub_event_type=None)], doc_id="a"),
        gold_doc([gold_event(main=True, fatalities=3)], doc_id="b"),
        gold_doc([gold_event(main=True, fatalities=None, location={"country": "IRQ"})],
                 doc_id="c"),
    ])
    report = evaluate(gold, {
        "a": [event(main=True, fatalities=10), event(cameo="173")],
        "b": [event(main=True, fatalities=4, location=KARBALA, event_date=date(2019, 1, 1))],
        "c": [event(cameo="190", acled_event_type="Battles", main=True)],
    })
    metrics = report.metrics()
    assert metrics["main.type"] == 2 / 3  # c: Battles, not an explosion
    assert metrics["main.country"] == 1.0
    assert metrics["main.place_50km"] == 0.5  # b: Karbala is ~90 km from Baghdad
    assert metrics["main.fatalities_exact"] == 2 / 3  # null and null agree in c
    assert report.main_n == {"main.type": 3, "main.country": 3, "main.place_50km": 2,
                             "main.fatalities_exact": 3}


def test_no_predicted_main_event_is_wrong_on_every_figure(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event(main=True, fatalities=2)])])
    metrics = evaluate(gold, {"d1": []}).metrics()
    assert metrics["main.type"] == 0.0 and metrics["main.place_50km"] == 0.0
    assert metrics["main.fatalities_exact"] == 0.0


def test_a_range_date_is_exact_when_the_ranges_agree(tmp_path: Path) -> None:
    gold = load_docs(tmp_path, [gold_doc([gold_event(
        event_date=None, date_earliest="2019-12-30", date_latest="2020-01-03")])])
    ranged = event(event_date=date(2020, 1, 3), date_earliest=date(2019, 12, 30),
                   date_latest=date(2020, 1, 3), date_precision="range")
    report = evaluate(gold, {"d1": [ranged]})
    assert report.tp == 1
    assert report.fields["date_exact"].accuracy == 1.0
