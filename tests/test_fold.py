"""Sub-acts of one incident fold into it; acts the text sets apart stay events of their own."""

from __future__ import annotations

from datetime import date

from sitrep.events import group
from sitrep.fold import fold_sub_acts
from sitrep.records import Actor, Location

from .test_events import day, mention

PUBLISHED = date(2023, 3, 15)
ISWAP = Actor("Islamic State West Africa Province", "NGA", "rebel_group", entity_id="iswap")
ARMY = Actor("Military Forces of Nigeria", "NGA", "state_forces", entity_id="NGAMIL")
CHAD = Actor("Military Forces of Chad", "TCD", "state_forces", entity_id="TCDMIL")
MONGUNO = Location("Monguno", "NGA", "Borno", 12.67, 13.61, 1, 2331140)
DIKWA = Location("Dikwa", "NGA", "Borno", 12.03, 13.92, 1, 2344245)
MONDAY = day(date(2023, 3, 13), "on Monday")


def _folded(*mentions):  # type: ignore[no-untyped-def]
    return fold_sub_acts(group(list(mentions)))


def _raid():  # type: ignore[no-untyped-def]
    return mention(1, "193", "stormed", actor1=ISWAP, actor2=ARMY, location=MONGUNO,
                   own_place=True, date=MONDAY)


def test_undated_fighting_and_a_deployment_after_a_raid_are_its_detail() -> None:
    drafts = _folded(
        _raid(),
        mention(2, "154", "arrived", actor1=ISWAP),
        mention(2, "193", "exchanged fire", actor1=ISWAP, actor2=ARMY),
        mention(3, "190", "repelled", actor1=ARMY),
    )
    assert len(drafts) == 1
    assert drafts[0].best.trigger.text == "stormed"
    folded = drafts[0].mentions + drafts[0].details
    assert sorted(m.trigger.text for m in folded) == [
        "arrived", "exchanged fire", "repelled", "stormed"]


def test_an_act_with_its_own_day_is_its_own_event() -> None:
    drafts = _folded(_raid(), mention(2, "195", "struck", actor1=ARMY,
                                      date=day(date(2023, 3, 14), "on Tuesday")))
    assert len(drafts) == 2


def test_an_act_in_another_town_is_its_own_event() -> None:
    drafts = _folded(_raid(), mention(2, "190", "attacked", location=DIKWA, own_place=True))
    assert len(drafts) == 2


def test_a_town_only_named_in_the_sentence_does_not_set_an_act_apart() -> None:
    drafts = _folded(_raid(), mention(2, "193", "exchanged fire", location=DIKWA,
                                      own_place=False))
    assert len(drafts) == 1


def test_an_abduction_beside_the_killings_is_its_own_event() -> None:
    drafts = _folded(_raid(), mention(2, "181", "abducted", actor1=ISWAP))
    assert [d.best.cameo for d in drafts] == ["193", "181"]


def test_words_that_introduce_a_new_act_keep_it_apart() -> None:
    for text, trigger in [("Separately, gunmen attacked a convoy.", "attacked"),
                          ("Troops then attacked the camp.", "attacked"),
                          ("Another attack hit the market.", "attack")]:
        drafts = _folded(_raid(), mention(2, "190", trigger, sentence_text=text))
        assert len(drafts) == 2, text


def test_another_state_striking_is_not_the_raid() -> None:
    drafts = _folded(_raid(), mention(2, "195", "struck", actor1=CHAD))
    assert len(drafts) == 2


def test_a_claim_and_a_threat_are_never_folded() -> None:
    drafts = _folded(_raid(), mention(2, "015", "claimed", actor1=ISWAP),
                     mention(2, "138", "threatened", actor1=ISWAP, modality="threatened"))
    assert [d.best.cameo for d in drafts] == ["193", "015", "138"]


def test_a_deployment_two_sentences_later_is_not_folded() -> None:
    drafts = _folded(_raid(), mention(3, "154", "deployed", actor1=ARMY))
    assert len(drafts) == 2


def test_killings_and_an_abduction_of_other_victims_in_one_sentence_are_two_events() -> None:
    text = "Gunmen killed 12 villagers and abducted 30 women."
    villagers = Actor("Civilians (Nigeria)", "NGA", "civilians")
    women = Actor("Women (Nigeria)", "NGA", "civilians")
    drafts = group([mention(1, "190", "killed", sentence_text=text, actor2=villagers),
                    mention(1, "181", "abducted", sentence_text=text, actor2=women)])
    assert [d.best.cameo for d in drafts] == ["190", "181"]


def test_an_act_told_as_before_another_in_one_sentence_is_its_own_event() -> None:
    text = "The blast came two days after gunmen killed 11 villagers in Bankass."
    drafts = group([mention(1, "183", "blast", sentence_text=text),
                    mention(1, "190", "killed", sentence_text=text)])
    assert len(drafts) == 2
