from __future__ import annotations

from typing import Any

import pytest

from sitrep.errors import SitrepError
from sitrep.ontology import AcledContext, AcledRules, Ontology
from sitrep.ontology import acled as acled_module

C = AcledContext
BAT, EXP, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PRO, RIO, STR = "Protests", "Riots", "Strategic developments"

# (context, event type, sub-event type): at least one row for each of the 25 sub-event types.
CASES: list[tuple[AcledContext, str | None, str | None]] = [
    # Battles
    (C("193", actor1_type="state_forces", actor2_type="rebel_group"), BAT, "Armed clash"),
    (C("190", actor1_type="political_militia", victim_types=("state_forces", "civilians")),
     BAT, "Armed clash"),
    (C("19", actor1_type="rebel_group", actor2_type="state_forces", instrument="firearm"),
     BAT, "Armed clash"),
    (C("192", actor1_type="state_forces", actor2_type="rebel_group"),
     BAT, "Government regains territory"),
    (C("192", plover_mode="retake"), BAT, "Government regains territory"),
    (C("192", actor1_type="rebel_group"), BAT, "Non-state actor overtakes territory"),
    (C("192", actor1_type="political_militia", plover_mode="retake"),
     BAT, "Non-state actor overtakes territory"),
    # Explosions/Remote violence
    (C("2041", actor1_type="state_forces"), EXP, "Chemical weapon"),
    (C("190", instrument="chemical", actor2_type="civilians"), EXP, "Chemical weapon"),
    (C("195", actor1_type="state_forces", actor2_type="political_militia"),
     EXP, "Air/drone strike"),
    (C("186", instrument="drone", actor2_type="state_forces"), EXP, "Air/drone strike"),
    (C("190", instrument="aircraft", actor2_type="civilians"), EXP, "Air/drone strike"),
    (C("1831", actor1_type="rebel_group", actor2_type="civilians"), EXP, "Suicide bomb"),
    (C("183", instrument="suicide"), EXP, "Suicide bomb"),
    (C("194", actor2_type="civilians"), EXP, "Shelling/artillery/missile attack"),
    (C("190", instrument="rocket", actor2_type="external_forces"),
     EXP, "Shelling/artillery/missile attack"),
    (C("1833"), EXP, "Remote explosive/landmine/IED"),
    (C("183"), EXP, "Remote explosive/landmine/IED"),
    (C("190", instrument="landmine", victim_types=("civilians",)),
     EXP, "Remote explosive/landmine/IED"),
    (C("180", instrument="grenade", actor2_type="civilians"), EXP, "Grenade"),
    # Violence against civilians
    (C("1821", actor1_type="state_forces"), VAC, "Sexual violence"),
    (C("190", actor1_type="other", actor2_type="civilians", instrument="firearm"),
     VAC, "Attack"),
    (C("186", actor1_type="rebel_group", actor2_type="government"), VAC, "Attack"),
    (C("202", actor1_type="identity_militia"), VAC, "Attack"),
    (C("181", actor1_type="rebel_group", actor2_type="civilians"),
     VAC, "Abduction/forced disappearance"),
    (C("173", actor1_type="political_militia", actor2_type="civilians"),
     VAC, "Abduction/forced disappearance"),
    # Protests
    (C("141", actor1_type="protesters"), PRO, "Peaceful protest"),
    (C("143"), PRO, "Peaceful protest"),
    (C("141", force_against_protesters="intervention"), PRO, "Protest with intervention"),
    (C("141", plover_mode="intervention"), PRO, "Protest with intervention"),
    (C("141", plover_mode="intervention", force_against_protesters="lethal"),
     PRO, "Excessive force against protesters"),
    (C("175", actor1_type="state_forces", actor2_type="protesters"),
     PRO, "Protest with intervention"),
    (C("175", actor1_type="protesters", actor2_type="state_forces"),
     PRO, "Protest with intervention"),
    (C("1831", actor2_type="protesters"), EXP, "Suicide bomb"),
    (C("1821", actor1_type="state_forces", instrument="artillery"), VAC, "Sexual violence"),
    (C("141", force_against_protesters="lethal", fatalities=3),
     PRO, "Excessive force against protesters"),
    (C("193", actor1_type="state_forces", actor2_type="protesters"),
     PRO, "Excessive force against protesters"),
    # Riots
    (C("145", actor1_type="rioters"), RIO, "Violent demonstration"),
    (C("141", actor1_type="protesters", violent_protest=True), RIO, "Violent demonstration"),
    (C("1712", actor1_type="protesters", violent_protest=True, instrument="fire"),
     RIO, "Violent demonstration"),
    (C("1823", plover_mode="mob"), RIO, "Mob violence"),
    (C("182", actor1_type="rioters", actor2_type="civilians"), RIO, "Mob violence"),
    # Strategic developments
    (C("0871", actor1_type="government", actor2_type="rebel_group"), STR, "Agreement"),
    (C("057", actor1_type="government", actor2_type="rebel_group"), STR, "Agreement"),
    (C("0841", actor1_type="rebel_group"), STR, "Agreement"),
    (C("173", actor1_type="state_forces", actor2_type="political_militia"), STR, "Arrests"),
    (C("173", actor1_type="state_forces", actor2_type="protesters"), STR, "Arrests"),
    (C("173"), STR, "Arrests"),
    (C("060", plover_mode="group-change", actor1_type="rebel_group"),
     STR, "Change to group/activity"),
    (C("0873", actor1_type="political_militia"), STR, "Change to group/activity"),
    (C("1711", plover_mode="disrupted", actor1_type="state_forces"),
     STR, "Disrupted weapons use"),
    (C("154", plover_mode="base", actor1_type="external_forces"),
     STR, "Headquarters or base established"),
    (C("171", actor1_type="rebel_group"), STR, "Looting/property destruction"),
    (C("1712", actor1_type="political_militia", instrument="fire"),
     STR, "Looting/property destruction"),
    (C("0874", plover_mode="withdraw", actor1_type="state_forces"),
     STR, "Non-violent transfer of territory"),
    (C("0874", actor1_type="rebel_group"), STR, "Non-violent transfer of territory"),
    (C("191", actor1_type="state_forces"), STR, "Other"),
    (C("174", actor1_type="political_militia", actor2_type="civilians"), STR, "Other"),
    (C("1724", actor1_type="government"), None, None),
    (C("1723", actor1_type="government"), None, None),
    # Not coded by ACLED
    (C("138", actor1_type="government"), None, None),
    (C("1384", actor1_type="rebel_group"), None, None),
    (C("195", modality="threatened"), None, None),
    (C("112", actor1_type="government"), None, None),
    (C("042"), None, None),
    (C("163", actor1_type="government"), None, None),
    (C("070"), None, None),
    (C("020"), None, None),
    (C("015", actor1_type="rebel_group"), None, None),
    (C("057", actor1_type="government", actor2_type="government"), None, None),
    (C("1711", actor1_type="state_forces"), None, None),
    (C("174", actor1_type="government"), None, None),
    (C("091"), None, None),
]


@pytest.mark.parametrize(("ctx", "kind", "sub"), CASES, ids=lambda v: getattr(v, "cameo", None))
def test_table(ontology: Ontology, ctx: AcledContext, kind: str | None, sub: str | None) -> None:
    assert ontology.acled(ctx) == (kind, sub), ontology.acled_rules.explain(ctx)


def test_every_sub_event_type_is_produced(ontology: Ontology) -> None:
    taxonomy = ontology.acled_rules.taxonomy
    pairs = {(kind, sub) for kind, subs in taxonomy.items() for sub in subs}
    assert len(taxonomy) == 6 and len(pairs) == 25
    assert pairs <= {(kind, sub) for _, kind, sub in CASES}


@pytest.mark.parametrize(("modality"), ["asserted", "attempted", "reported", "denied"])
def test_attempted_reported_and_denied_attacks_keep_the_attacks_type(ontology: Ontology,
                                                              modality: str) -> None:
    ctx = C("1831", actor1_type="rebel_group", modality=modality)
    assert ontology.acled(ctx) == (EXP, "Suicide bomb")


def test_instrument_beats_target(ontology: Ontology) -> None:
    on_armed = C("190", instrument="drone", actor2_type="rebel_group")
    on_civilians = C("190", instrument="drone", actor2_type="civilians")
    assert ontology.acled(on_armed) == ontology.acled(on_civilians) == (EXP, "Air/drone strike")


def test_target_reads_actor2_before_victims() -> None:
    assert C("190", actor2_type="civilians", victim_types=("state_forces",)).target == "civilian"
    assert C("190", victim_types=("civilians", "state_forces")).target == "armed"
    assert C("190", actor2_type="other").target == "unknown"
    assert C("190", actor2_type="rioters").target == "protesters"


@pytest.mark.parametrize(
    ("fields", "name"),
    [({"actor1_type": "army"}, "actor1_type"), ({"modality": "negated"}, "modality"),
     ({"victim_types": ("kids",)}, "victim_types"),
     ({"force_against_protesters": "tear gas"}, "force_against_protesters"),
     ({"cameo": 190}, "cameo")],
)
def test_bad_context_values_raise_e104(fields: dict[str, Any], name: str) -> None:
    base: dict[str, Any] = {"cameo": "190"} | fields
    with pytest.raises(SitrepError) as info:
        AcledContext(**base)
    assert info.value.code == "E104" and name in str(info.value)


def test_unknown_cameo_code_raises_e100(ontology: Ontology) -> None:
    with pytest.raises(SitrepError, match="E100"):
        ontology.acled(C("999"))


def _load(monkeypatch: pytest.MonkeyPatch, text: str) -> AcledRules:
    monkeypatch.setattr(acled_module, "read_text", lambda *parts: text)
    return AcledRules.load()


TAXONOMY = "taxonomy: {Battles: [Armed clash]}\n"


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ("rules:\n  - {name: r1, when: {colour: red}, then: null}", "unknown condition key"),
        ("rules:\n  - {name: r1, when: {cameo: [19]}, then: null}", "quoted digit string"),
        ("rules:\n  - {name: r1, then: [Battles, Air strike]}", "not a type / sub-type pair"),
        ("rules:\n  - {name: r1, when: {target: [enemy]}, then: null}", "target value"),
        ("rules:\n  - {name: r1, when: {actor1_type: army}, then: null}", "actor1_type value"),
        ("rules:\n  - {name: r1, when: {violent_protest: yes please}, then: null}", "true or"),
        ("rules:\n  - {name: r1}", "'then'"),
        ("rules: []", "non-empty list"),
        ("rules: [", "not valid YAML"),
    ],
)
def test_bad_rule_files_raise_e102(monkeypatch: pytest.MonkeyPatch, rules: str,
                                   message: str) -> None:
    with pytest.raises(SitrepError) as info:
        _load(monkeypatch, TAXONOMY + rules)
    assert info.value.code == "E102" and message in str(info.value)
    assert "acled_rules.yaml" in str(info.value)


def test_first_matching_rule_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = _load(monkeypatch, TAXONOMY + "rules:\n"
                  "  - {name: a, when: {cameo: ['19'], fatalities_min: 2}, then: null}\n"
                  "  - {name: b, when: {cameo: ['19']}, then: [Battles, Armed clash]}\n")
    assert rules.classify(C("193", fatalities=5)) == (None, None)
    assert rules.classify(C("193", fatalities=1)) == (BAT, "Armed clash")
    assert rules.classify(C("193")) == (BAT, "Armed clash")
    assert rules.classify(C("180")) == (None, None)
    assert rules.explain(C("180")) is None
