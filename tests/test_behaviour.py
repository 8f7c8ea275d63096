"""End-to-end behaviour on sentences we wrote: passives, negation, threats, hypotheticals,
relative dates, protests met by force, weapons, kidnapping, agreements, attempts, arrests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitrep.records import Event

pytestmark = pytest.mark.slow


def one(coder: Any, text: str, published: str) -> Event:
    events = [e for e in coder.code(text, published=published) if not e.background]
    assert len(events) == 1, [(e.trigger.text, e.cameo) for e in events]
    return events[0]


def test_passive_with_agent_and_relative_weekday(coder: Any) -> None:
    event = one(coder, "Five soldiers were killed by militants near Gao on Monday, the army said.",
                "2022-03-09")
    assert event.event_date == date(2022, 3, 7) and event.date_precision == "day"
    assert event.actor1 is not None and event.actor1.type == "political_militia"
    assert event.actor2 is not None and event.actor2.type == "state_forces"
    assert event.location is not None and event.location.name == "Gao"
    assert event.location.geo_precision == 2  # near Gao
    assert event.fatalities == 5 and event.acled_event_type == "Battles"


@pytest.mark.parametrize("text", [
    "Police did not open fire on the protesters, the interior ministry said.",
    "Rebels could attack the town next week, analysts warned.",
    "No one was killed in the incident, officials said.",
])
def test_negated_and_hypothetical_acts_are_not_events(coder: Any, text: str) -> None:
    assert [e for e in coder.code(text, published="2022-03-09") if not e.background] == []


def test_threat_is_a_threaten_event(coder: Any) -> None:
    event = one(coder, "The Houthis threatened to attack ships in the Red Sea.", "2023-11-20")
    assert event.cameo_root == "13" and event.plover == "THREATEN"
    assert event.modality == "threatened" and event.acled_event_type is None
    assert event.date_precision == "publication" and event.event_date == date(2023, 11, 20)


def test_yesterday_and_attack_on_civilians(coder: Any) -> None:
    event = one(coder, "Gunmen killed two villagers in Zamfara State yesterday.", "2021-03-14")
    assert event.event_date == date(2021, 3, 13)
    assert (event.acled_event_type, event.acled_sub_event_type) == (
        "Violence against civilians", "Attack")
    assert event.actor2 is not None and event.actor2.country == "NGA"
    assert event.fatalities == 2


def test_protest_met_with_tear_gas(coder: Any) -> None:
    event = one(coder, "Police fired tear gas to disperse protesters in Dakar on Friday.", "2023-06-03")
    assert event.acled_sub_event_type == "Protest with intervention"
    assert event.actor1 is not None and event.actor1.type == "protesters"
    assert event.location is not None and event.location.country == "SEN"


def test_suicide_bombing_counts_and_weapon(coder: Any) -> None:
    event = one(coder, "A suicide bomber killed 12 people at a market in Maiduguri on Saturday.",
                "2019-06-17")
    assert event.acled_sub_event_type == "Suicide bomb" and event.cameo.startswith("183")
    assert event.fatalities == 12 and event.event_date == date(2019, 6, 15)


def test_air_strike_overnight_is_a_range(coder: Any) -> None:
    event = one(coder, "Israeli air strikes killed 20 people in Khan Younis overnight.", "2024-07-10")
    assert event.acled_sub_event_type == "Air/drone strike" and event.plover == "ASSAULT"
    assert event.date_precision == "range"
    assert (event.date_earliest, event.date_latest) == (date(2024, 7, 9), date(2024, 7, 10))
    assert event.actor1 is not None and event.actor1.country == "ISR"
    assert event.actor1.type == "state_forces"


def test_kidnapping(coder: Any) -> None:
    event = one(coder, "Kidnappers abducted 15 passengers on the Abuja-Kaduna highway on Sunday.",
                "2025-01-20")
    assert event.acled_sub_event_type == "Abduction/forced disappearance"
    assert event.event_date == date(2025, 1, 19)


def test_attempted_storming(coder: Any) -> None:
    event = one(coder, "Militants tried to storm a police station in Owerri on Sunday but were "
                "driven back.", "2021-04-06")
    assert event.modality == "attempted" and event.cameo_root in {"18", "19"}


def test_arrest_is_a_strategic_development(coder: Any) -> None:
    event = one(coder, "Security forces arrested the opposition leader in Kampala on Wednesday.",
                "2020-11-19")
    assert (event.acled_event_type, event.acled_sub_event_type) == (
        "Strategic developments", "Arrests")
    assert event.location is not None and event.location.country == "UGA"


def test_every_offset_points_into_the_original(coder: Any) -> None:
    text = "Kata\u2019ib Hezbollah fighters attacked a base near Kirkuk on Friday \u2014 killing three."
    for event in coder.code(text, published="2019-12-28"):
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        if event.actor1 is not None and event.actor1.start is not None:
            assert text[event.actor1.start:event.actor1.end] == event.actor1.text


def test_users_own_knowledge_base_file(tmp_path: Any) -> None:
    from sitrep.pipeline import Coder

    own = tmp_path / "mine.yaml"
    own.write_text("groups:\n  - id: test_brigade\n    name: Test Brigade\n    type: rebel_group\n"
                   "    country: NGA\n    aliases: [TB Fighters]\n    sources: [sitrep test]\n",
                   encoding="utf-8")
    coder = Coder.load(kb_files=[own])
    event = one(coder, "TB Fighters attacked a village in Zamfara State on Saturday.", "2021-03-14")
    assert event.actor1 is not None and event.actor1.name == "Test Brigade"
    assert (event.actor1.country, event.actor1.type) == ("NGA", "rebel_group")


def test_clash_between_police_and_an_unarmed_crowd_is_a_riot(coder: Any) -> None:
    event = one(coder, "Riot police and migrants clashed at the border crossing on Wednesday.",
                "2015-09-17")
    assert event.acled_event_type == "Riots"
    assert event.actor2 is not None and event.actor2.text == "migrants"


def test_armed_sides_clashing_near_a_camp_is_a_battle(coder: Any) -> None:
    event = one(coder, "Militants clashed with troops near a refugee camp in Borno.", "2021-05-02")
    assert event.acled_event_type == "Battles"
    assert event.actor2 is not None and event.actor2.type == "state_forces"


def test_a_civilian_convoy_is_civilian(coder: Any) -> None:
    event = one(coder, "Soldiers opened fire on a tourist convoy in the Western Desert.", "2015-09-13")
    assert event.actor2 is not None and event.actor2.type == "civilians"
    assert event.acled_event_type == "Violence against civilians"
    assert event.location is None or event.location.country != "LKA"  # not "Western", Sri Lanka


def test_an_attacked_site_named_after_its_town_places_the_event(coder: Any) -> None:
    event = one(coder, "A Saudi-led air raid on Yemen's Al Hudaydah port killed 20 people.",
                "2015-09-08")
    assert event.location is not None and event.location.country == "YEM"
    assert event.location.geo_precision < 3


def test_a_town_qualified_by_its_country_inside_a_site_name(coder: Any) -> None:
    event = one(coder, "A bomb in a Yola, Nigeria displacement camp killed 7 people.", "2015-09-11")
    assert event.location is not None and event.location.name == "Yola"


@pytest.mark.parametrize(("text", "country"), [
    # a town inside a site's name must lie where the event is attached ("Abu" is not Abu, India)
    ("Rebels captured the Abu al-Duhur airbase in Idlib province on Friday.", "SYR"),
    # a name before a place noun is a place whatever NER calls it ("Herat" tagged NORP)
    ("On 6 May, gunmen shot dead a former police officer in District 9 of Herat city.", "AFG"),
])
def test_the_place_is_in_the_right_country(coder: Any, text: str, country: str) -> None:
    event = one(coder, text, "2024-05-10")
    assert event.location is not None and event.location.country == country


def test_an_act_told_after_after_keeps_its_own_time_and_place(coder: Any) -> None:
    events = [e for e in coder.code(
        "Turkish jets bombed PKK sites in northern Iraq after a bombing yesterday in Hakkari "
        "Province that killed at least 16 soldiers.", published="2015-09-08") if not e.background]
    by_trigger = {e.trigger.text: e for e in events}
    assert set(by_trigger) == {"bombed", "bombing"}
    assert by_trigger["bombed"].event_date == date(2015, 9, 8)  # not "yesterday": the bombing's
    assert by_trigger["bombing"].event_date == date(2015, 9, 7)
    assert by_trigger["bombing"].location is not None
    assert by_trigger["bombing"].location.country == "TUR"
    assert by_trigger["bombing"].fatalities == 16


@pytest.mark.parametrize(("text", "dead"), [
    ("Gunmen shot dead two policemen in Quetta on Monday.", 2),
    ("Unidentified gunmen on a motorcycle shot dead a cleric in Piranshahr on Wednesday.", 1),
])
def test_shot_dead_is_a_killing_with_its_toll(coder: Any, text: str, dead: int) -> None:
    event = one(coder, text, "2023-01-12")
    assert event.trigger.text == "shot dead" and event.fatalities == dead


def test_a_cleric_shot_by_gunmen_is_a_civilian_victim(coder: Any) -> None:
    event = one(coder, "Gunmen shot dead a cleric in Quetta on Monday.", "2023-01-12")
    assert event.actor2 is not None and event.actor2.type == "civilians"
    assert event.acled_event_type == "Violence against civilians"



def test_a_time_shared_by_coordinated_verbs_dates_each(coder: Any) -> None:
    events = [e for e in coder.code(
        "Gunmen stopped two buses late on Tuesday and shot dead nine passengers, officials said "
        "on Wednesday.", published="2025-07-23") if not e.background]
    assert events and all(e.event_date == date(2025, 7, 22) for e in events)
