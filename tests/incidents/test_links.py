from __future__ import annotations

from datetime import date

from sitrep.incidents import Rules, find_links
from tests.incidents.fixtures import RETALIATION, event, retaliation


def test_retaliation_links_the_later_event_to_its_cause() -> None:
    d, events = retaliation()
    links = find_links(d.text, events, Rules.load())
    assert [(k.relation, k.from_id, k.to_id) for k in links] == [
        ("retaliation_for", events[0].id, events[1].id)]
    assert "in retaliation for" in links[0].evidence


def test_no_link_against_date_order() -> None:
    text = RETALIATION
    attack = event(text, "attacked", date(2024, 3, 10), "Konduga", cameo="190")
    strike = event(text, "air strike", date(2024, 3, 13), "Konduga", cameo="195", main=False)
    assert find_links(text, [attack, strike], Rules.load()) == []


def test_followed_by() -> None:
    text = "Gunmen attacked a village. This was then followed by air strikes on their camp."
    first = event(text, "attacked", date(2024, 3, 10), "Borno", cameo="190")
    then = event(text, "air strikes", date(2024, 3, 11), "Borno", cameo="195", main=False)
    first.sentence, then.sentence = text[:26], text[27:]
    links = find_links(text, [first, then], Rules.load())
    assert [(k.relation, k.from_id, k.to_id) for k in links] == [
        ("follows", then.id, first.id)]
