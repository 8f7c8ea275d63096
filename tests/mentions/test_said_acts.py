"""Acts said rather than done, and the counts and victims of issue 9 (needs the spaCy model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

DAY = "2024-03-01"


def _codes(coder, text):  # type: ignore[no-untyped-def]
    return [(e.cameo, e.modality) for e in coder.code(text, DAY)]


def test_a_demand_said_by_others_is_a_demand_with_the_speaker_as_source(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code("Protesters said the president must resign.", DAY)
    assert [e.cameo for e in events] == ["1041"]
    assert events[0].actor1 is not None and events[0].actor1.type == "protesters"


def test_a_refusal_is_a_rejection_not_a_deleted_act(coder) -> None:  # type: ignore[no-untyped-def]
    assert _codes(coder, "The government will not release the detainees, the minister said.") == [
        ("1243", "asserted")]


def test_a_refused_act_is_not_reported_as_done(coder) -> None:  # type: ignore[no-untyped-def]
    codes = [c for c, _ in _codes(coder, "The army refused to withdraw from the town.")]
    assert codes == ["120"]


def test_readiness_is_not_the_act(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Rwanda is ready to send additional troops to Cabo Delgado, a spokesperson said."
    assert all(not c.startswith("15") for c, _ in _codes(coder, text))


def test_cancelled_talks_are_halted_negotiations(coder) -> None:  # type: ignore[no-untyped-def]
    assert _codes(coder, "The government called off peace talks with the rebels on Monday.") == [
        ("164", "asserted")]


def test_neither_group_claiming_is_no_claim(coder) -> None:  # type: ignore[no-untyped-def]
    assert _codes(coder, "Neither group has claimed the attack.") == []


def test_a_statement_about_a_killing_is_kept(coder) -> None:  # type: ignore[no-untyped-def]
    codes = [c for c, _ in _codes(coder, "The governor condemned the killing on Sunday.")]
    assert "111" in codes


def test_subsets_of_the_dead_are_not_added(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("A missile struck the area on Wednesday, killing five civilians, among them a "
            "10-year-old boy, and wounding 14 others.")
    events = coder.code(text, DAY)
    assert (events[0].fatalities, events[0].injured) == (5, 14)


def test_an_unknown_person_shot_dead_is_a_civilian_victim(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code("Gunmen killed Ahmed Salem, a shopkeeper, in Mosul on Monday.", DAY)
    assert events[0].actor2 is not None and events[0].actor2.type == "civilians"
    assert events[0].acled_sub_event_type == "Attack"


def test_a_label_line_reports_nothing(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code("PRESS RELEASE\n\nTroops killed 12 militants in Borno on Monday.", DAY)
    assert [e.cameo[:2] for e in events] == ["19"]


def test_a_headline_total_yields_to_the_body(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("Bandits kill 17 in raids on two villages\n\n"
            "Gunmen killed 12 villagers in Kanoma on Sunday, police said. In a separate attack "
            "on Sunday, gunmen shot dead five people in Dansadau.")
    main = next(e for e in coder.code(text, DAY) if e.main)
    assert main.fatalities == 12


def test_sources_after_a_count_are_not_counted(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("An air strike killed 12 people in the village on Tuesday, wounding about 20 "
            "others, a local administrator and a resistance group said.")
    event = coder.code(text, DAY)[0]
    assert (event.fatalities, event.injured) == (12, 20)


def test_a_cumulative_toll_and_its_strikes_are_background(coder) -> None:  # type: ignore[no-untyped-def]
    text = "The army has killed more than 850 civilians in air strikes since April 15, the UN said."
    assert all(e.background and e.event_date is None for e in coder.code(text, DAY))


def test_similar_attacks_carried_out_are_background(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code("JNIM has carried out similar attacks in the region.", DAY)
    assert all(e.background for e in events)


def test_police_dispersing_a_crowd_are_its_counterpart(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("Police fired tear gas on Monday to disperse hundreds of opposition supporters "
            "outside the election commission in Nairobi.")
    event = coder.code(text, DAY)[0]
    assert event.actor2 is not None and event.actor2.type == "state_forces"
    assert event.acled_sub_event_type == "Protest with intervention"


def test_a_town_at_the_head_of_a_site_name_places_the_event(coder) -> None:  # type: ignore[no-untyped-def]
    event = coder.code("Police arrested the former prime minister at the Islamabad High Court "
                       "on Tuesday.", DAY)[0]
    assert event.location is not None and event.location.name == "Islamabad"


def test_one_event_per_place(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Supporters of the former prime minister clashed with police in Lahore and Karachi."
    places = sorted(e.location.name for e in coder.code(text, DAY) if e.location)
    assert places == ["Karachi", "Lahore"]


def test_a_running_total_in_the_lead_does_not_make_the_main_event(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("Violence in Borno\n\n"
            "Attacks have killed 52 people in Borno so far this month, bringing the total for "
            "the year to 400, officials said. On Monday, gunmen killed six farmers in Konduga.")
    main = next(e for e in coder.code(text, DAY) if e.main)
    assert main.fatalities == 6


def test_stormed_is_an_attack_and_a_storm_is_weather() -> None:
    from sitrep.pipeline import Coder

    lexicon_only = Coder.load(event_model=False)
    attack = "Taliban militants stormed a university in Peshawar on Monday, killing 19 people."
    assert [e.fatalities for e in lexicon_only.code(attack, DAY)] == [19]
    assert lexicon_only.code("A storm killed 19 people in Peshawar on Monday.", DAY) == []
