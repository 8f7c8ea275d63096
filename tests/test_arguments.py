from __future__ import annotations

from sitrep.arguments import phrase, roles_of
from tests.conftest import make_doc

RESULT = frozenset({"kill"})


def texts(tokens: list) -> list[str]:  # type: ignore[type-arg]
    return [t.text for t in tokens]


def test_active_subject_and_object() -> None:
    doc = make_doc([("Rebels", "rebel", "NOUN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
                    ("a", "a", "DET", "det", 3), ("convoy", "convoy", "NOUN", "dobj", 1)])
    roles = roles_of(doc[1])
    assert roles.agent is not None and roles.agent.text == "Rebels"
    assert texts(roles.patients) == ["convoy"]


def test_passive_with_by_agent() -> None:
    doc = make_doc([("Five", "five", "NUM", "nummod", 1), ("soldiers", "soldier", "NOUN", "nsubjpass", 3),
                    ("were", "be", "AUX", "auxpass", 3), ("killed", "kill", "VERB", "ROOT", 3),
                    ("by", "by", "ADP", "agent", 3), ("militants", "militant", "NOUN", "pobj", 4)])
    roles = roles_of(doc[3])
    assert roles.agent is not None and roles.agent.text == "militants"
    assert texts(roles.patients) == ["soldiers"]


def test_killed_along_with_and_conjuncts() -> None:
    doc = make_doc([("Ali", "Ali", "PROPN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
                    ("killed", "kill", "VERB", "ROOT", 2), ("along", "along", "ADP", "prt", 2),
                    ("with", "with", "ADP", "prep", 2), ("his", "his", "PRON", "poss", 6),
                    ("driver", "driver", "NOUN", "pobj", 4), ("and", "and", "CCONJ", "cc", 6),
                    ("guard", "guard", "NOUN", "conj", 6)])
    assert texts(roles_of(doc[2]).patients) == ["Ali", "driver", "guard"]


def test_nominal_trigger_with_compound_agent_target_and_place() -> None:
    doc = make_doc(
        [("US", "US", "PROPN", "compound", 1), ("airstrikes", "airstrike", "NOUN", "ROOT", 1),
         ("on", "on", "ADP", "prep", 1), ("militia", "militia", "NOUN", "compound", 4),
         ("positions", "position", "NOUN", "pobj", 2), ("in", "in", "ADP", "prep", 4),
         ("Syria", "Syria", "PROPN", "pobj", 5)],
        ents=["B-GPE", "O", "O", "O", "O", "O", "B-GPE"])
    roles = roles_of(doc[1])
    assert roles.agent is not None and roles.agent.text == "US"
    assert texts(roles.patients) == ["positions"]
    assert [(t.text, near) for t, near in roles.places] == [("Syria", False)]


def test_result_verb_lends_its_object_to_the_nominal_trigger() -> None:
    doc = make_doc([("A", "a", "DET", "det", 2), ("drone", "drone", "NOUN", "compound", 2),
                    ("strike", "strike", "NOUN", "nsubj", 3), ("killed", "kill", "VERB", "ROOT", 3),
                    ("two", "two", "NUM", "nummod", 5), ("commanders", "commander", "NOUN", "dobj", 3),
                    ("near", "near", "ADP", "prep", 3), ("Kirkuk", "Kirkuk", "PROPN", "pobj", 6)],
                   ents=["O"] * 7 + ["B-GPE"])
    roles = roles_of(doc[2], result_verbs=RESULT)
    assert roles.clause.text == "killed"
    assert texts(roles.patients) == ["commanders"]
    assert [(t.text, near) for t, near in roles.places] == [("Kirkuk", True)]
    assert roles_of(doc[2]).clause.text == "strike"  # not a result verb: no borrowing


def test_subject_is_inherited_through_advcl() -> None:
    doc = make_doc([("Gunmen", "gunman", "NOUN", "nsubj", 1), ("stormed", "storm", "VERB", "ROOT", 1),
                    ("a", "a", "DET", "det", 3), ("school", "school", "NOUN", "dobj", 1),
                    (",", ",", "PUNCT", "punct", 1), ("killing", "kill", "VERB", "advcl", 1),
                    ("ten", "ten", "NUM", "nummod", 7), ("pupils", "pupil", "NOUN", "dobj", 5)])
    roles = roles_of(doc[5])
    assert roles.agent is not None and roles.agent.text == "Gunmen"
    assert texts(roles.patients) == ["pupils"]


def test_protest_in_front_of_a_building() -> None:
    doc = make_doc([("They", "they", "PRON", "nsubj", 1), ("protested", "protest", "VERB", "ROOT", 1),
                    ("in", "in", "ADP", "prep", 1), ("front", "front", "NOUN", "pobj", 2),
                    ("of", "of", "ADP", "prep", 3), ("the", "the", "DET", "det", 6),
                    ("embassy", "embassy", "NOUN", "pobj", 4)])
    assert texts(roles_of(doc[1]).patients) == ["embassy"]


def test_headline_verb_reads_as_passive() -> None:
    doc = make_doc([("General", "General", "PROPN", "nsubj", 1), ("Killed", "kill", "VERB", "ROOT", 1),
                    ("in", "in", "ADP", "prep", 1), ("Baghdad", "Baghdad", "PROPN", "pobj", 2)],
                   ents=["O", "O", "O", "B-GPE"])
    roles = roles_of(doc[1], headline=True)
    assert roles.agent is None and texts(roles.patients) == ["General"]


def test_phrase_keeps_modifiers_and_drops_relative_clause() -> None:
    doc = make_doc([("the", "the", "DET", "det", 2), ("militia", "militia", "NOUN", "compound", 2),
                    ("group", "group", "NOUN", "ROOT", 2), ("which", "which", "PRON", "nsubj", 4),
                    ("fled", "flee", "VERB", "relcl", 2)])
    assert phrase(doc[2]).text == "the militia group"


def test_reciprocal_verb_takes_the_coordinated_subject_as_the_other_side() -> None:
    doc = make_doc([("Police", "police", "NOUN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
                    ("migrants", "migrant", "NOUN", "conj", 0), ("clashed", "clash", "VERB", "ROOT", 3)])
    roles = roles_of(doc[3])
    assert roles.agent is not None and roles.agent.text == "Police"
    assert texts(roles.patients) == ["migrants"]


def test_reciprocal_verb_takes_its_with_object() -> None:
    doc = make_doc([("Militants", "militant", "NOUN", "nsubj", 1), ("clashed", "clash", "VERB", "ROOT", 1),
                    ("with", "with", "ADP", "prep", 1), ("troops", "troop", "NOUN", "pobj", 2)])
    assert texts(roles_of(doc[1]).patients) == ["troops"]
    attacked = make_doc([("Militants", "militant", "NOUN", "nsubj", 1),
                         ("attacked", "attack", "VERB", "ROOT", 1), ("with", "with", "ADP", "prep", 1),
                         ("guns", "gun", "NOUN", "pobj", 2)])
    assert roles_of(attacked[1]).patients == []  # "with" is the weapon of a one-sided act


def test_group_named_inside_a_compound_modifier_is_the_agent() -> None:
    doc = make_doc([("A", "a", "DET", "det", 3), ("PKK", "PKK", "PROPN", "compound", 2),
                    ("bombing", "bombing", "NOUN", "compound", 3), ("attack", "attack", "NOUN", "ROOT", 3)],
                   ents=["O", "B-ORG", "O", "O"])
    roles = roles_of(doc[3])
    assert roles.agent is not None and roles.agent.text == "PKK"


def test_sides_between_for_a_subject_noun_whatever_its_verb_is_tagged() -> None:
    doc = make_doc([("clashes", "clash", "NOUN", "nsubj", 1), ("erupt", "erupt", "ADJ", "ROOT", 1),
                    ("between", "between", "ADP", "prep", 1), ("settlers", "settler", "NOUN", "pobj", 2),
                    ("and", "and", "CCONJ", "cc", 3), ("residents", "resident", "NOUN", "conj", 3)])
    roles = roles_of(doc[0])
    assert roles.agent is not None and roles.agent.text == "settlers"
    assert texts(roles.patients) == ["residents"]


def test_after_phrase_telling_an_act_is_apart_from_the_main_verb() -> None:
    from sitrep.arguments import sequenced_elsewhere

    doc = make_doc([("Jets", "jet", "NOUN", "nsubj", 1), ("struck", "strike", "VERB", "ROOT", 1),
                    ("after", "after", "ADP", "mark", 4), ("bombers", "bomber", "NOUN", "nsubj", 4),
                    ("killed", "kill", "VERB", "advcl", 1), ("30", "30", "NUM", "dobj", 4),
                    ("in", "in", "ADP", "prep", 4), ("Suruc", "Suruc", "PROPN", "pobj", 6)])
    assert sequenced_elsewhere(doc[1]) == {2, 3, 4, 5, 6, 7}
    assert sequenced_elsewhere(doc[4]) == set()  # the act inside the phrase keeps its own words
    rest = make_doc([("Farmers", "farmer", "NOUN", "nsubj", 1), ("rested", "rest", "VERB", "ROOT", 1),
                     ("after", "after", "ADP", "prep", 1), ("work", "work", "NOUN", "pobj", 2)])
    assert sequenced_elsewhere(rest[1]) == set()  # no act told: "after a day's work"
