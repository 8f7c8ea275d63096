from __future__ import annotations

from datetime import date

from sitrep.events import choose_main, complete_dates, group
from sitrep.records import Actor, DateResolution, Location, Mention, TextSpan

PUBLISHED = date(2020, 1, 3)
SOLEIMANI = Actor("Qassem Soleimani", "IRN", "state_forces", entity_id="person:soleimani")
MUHANDIS = Actor("Abu Mahdi al-Muhandis", "IRQ", "political_militia", entity_id="person:muhandis")


def mention(sentence: int, cameo: str, trigger: str = "attack", sentence_text: str = "",
            **fields: object) -> Mention:
    text = sentence_text or f"sentence {sentence} {trigger}"
    start = 1000 * sentence
    trigger_start = start + text.index(trigger)
    fields.setdefault("own_date", "date" in fields)
    return Mention(trigger=TextSpan(trigger, trigger_start, trigger_start + len(trigger)),
                   sentence=TextSpan(text, start, start + len(text)), sentence_index=sentence,
                   cameo=cameo, **fields)  # type: ignore[arg-type]


def day(value: date, text: str) -> DateResolution:
    return DateResolution(value, value, value, "day", text)


def test_mentions_sharing_a_named_victim_merge() -> None:
    drafts = group([
        mention(0, "190", "killed", actor2=SOLEIMANI),
        mention(1, "195", "strike", actor2=SOLEIMANI, date=day(PUBLISHED, "on Friday")),
        mention(2, "190", "killed", actor2=SOLEIMANI, victims=[MUHANDIS]),
    ])
    assert len(drafts) == 1
    assert drafts[0].best.cameo == "195"


def test_different_dates_keep_events_apart() -> None:
    drafts = group([
        mention(0, "190", "attacked", actor2=SOLEIMANI, date=day(PUBLISHED, "on Friday")),
        mention(1, "190", "attacked", actor2=SOLEIMANI, date=day(date(2019, 12, 27), "last Friday")),
    ])
    assert len(drafts) == 2


def test_negated_and_hypothetical_mentions_are_not_events() -> None:
    drafts = group([mention(0, "190", negated=True), mention(1, "190", hypothetical=True),
                    mention(2, "138", "threatened", hypothetical=True)])
    assert [d.best.cameo for d in drafts] == ["138"]


def test_threatened_attack_without_threat_trigger_becomes_a_threat() -> None:
    drafts = group([mention(0, "190", modality="threatened")])
    assert drafts[0].best.cameo == "138"


def test_definite_anaphor_joins_the_previous_event_of_its_family() -> None:
    drafts = group([
        mention(0, "195", "strike", actor2=SOLEIMANI),
        mention(3, "190", "attack", sentence_text="He vowed revenge for the attack."),
    ])
    assert len(drafts) == 1


def test_protest_continues_into_next_sentence_and_turns_violent() -> None:
    protesters = Actor("Protesters (Iraq)", "IRQ", "protesters")
    drafts = group([
        mention(0, "141", "demonstrate", date=day(date(2019, 12, 31), "On Tuesday")),
        mention(1, "180", "burning", actor1=protesters),
    ])
    assert len(drafts) == 1
    assert drafts[0].violent_protest


def test_narrative_order_gives_a_range_after_the_previous_event() -> None:
    drafts = group([
        mention(0, "190", "targeted", date=day(date(2019, 12, 27), "Last Friday")),
        mention(1, "195", "airstrikes", sentence_text="This was then followed by airstrikes."),
    ])
    dates = complete_dates(drafts, PUBLISHED)
    assert dates[1] is not None
    assert (dates[1].date_earliest, dates[1].date_latest) == (date(2019, 12, 27), PUBLISHED)
    assert dates[1].date_precision == "range"


def test_undated_event_gets_publication_date_and_background_none() -> None:
    drafts = group([mention(0, "138", "vowed"), mention(1, "190", background=True)])
    dates = complete_dates(drafts, PUBLISHED)
    assert dates[0] is not None and dates[0].date_precision == "publication"
    assert dates[0].event_date == PUBLISHED
    assert dates[1] is None


def test_main_event_is_reported_in_the_lead() -> None:
    place = Location("Baghdad", "IRQ")
    drafts = group([
        mention(0, "190", "killed", actor2=SOLEIMANI, location=place),
        mention(4, "141", "protest"),
        mention(5, "141", "protest", date=day(date(2019, 12, 30), "Monday")),
    ])
    assert choose_main(drafts) == 0
