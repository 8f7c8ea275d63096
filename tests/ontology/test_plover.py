from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.ontology import PLOVER_TYPES, Ontology
from sitrep.ontology import plover as plover_module


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("195", ("ASSAULT", "heavy-weapons")),
        ("193", ("ASSAULT", "firearms")),
        ("1831", ("ASSAULT", "suicide-attack")),
        ("173", ("COERCE", "arrest")),
        ("163", ("COERCE", "restrict")),
        ("1712", ("ASSAULT", "seize")),
        ("0871", ("RETREAT", "ceasefire")),
        ("0861", ("RETREAT", "access")),  # "access " in the table: spaces stripped
        ("081", ("CONCEDE", None)),
        ("041", ("CONSULT", "phone")),
        ("091", ("ACCUSE", "investigate")),
        ("1123", ("ACCUSE", "allege")),
        ("141", ("PROTEST", "demo")),
        ("154", ("MOBILIZE", "troops")),
        ("19", ("ASSAULT", None)),
        ("08", ("CONCEDE", None)),  # first of the two root lines wins
    ],
)
def test_codes_in_the_table(ontology: Ontology, code: str, expected: tuple[str, str]) -> None:
    assert ontology.plover(code) == expected


def test_contexts_are_parsed(ontology: Ontology) -> None:
    entry = ontology.plover_entry("091")
    assert entry is not None and entry.contexts == ("crime", "corruption")


def test_lookup_falls_back_to_parent_then_root() -> None:
    # Every CAMEO code from 03 up is listed in the 2021 table, so the fallback is shown on a
    # table built by hand.
    root = plover_module.PloverEntry("PROTEST")
    parent = plover_module.PloverEntry("PROTEST", "riot")
    table = plover_module.PloverTable({"14": root, "145": parent})
    assert table.lookup("1454") == parent
    assert table.lookup("1411") == root
    assert table.lookup("141") == root
    assert table.lookup("15") is None


@pytest.mark.parametrize("code", ["01", "010", "015", "02", "0211", "028"])
def test_statements_and_appeals_were_dropped_by_plover(ontology: Ontology, code: str) -> None:
    assert ontology.plover(code) == (None, None)


def test_every_code_from_03_up_has_a_plover_type(ontology: Ontology) -> None:
    for code in ontology.cameo_codes():
        kind, _ = ontology.plover(code)
        assert (kind is None) == (code[:2] in ("01", "02")), code
        assert kind is None or kind in PLOVER_TYPES


def test_all_sixteen_types_occur(ontology: Ontology) -> None:
    kinds = {ontology.plover(code)[0] for code in ontology.cameo_codes()}
    assert kinds - {None} == set(PLOVER_TYPES) and len(PLOVER_TYPES) == 16


def test_unknown_code_raises(ontology: Ontology) -> None:
    with pytest.raises(SitrepError, match="E100"):
        ontology.plover("999")


@pytest.mark.parametrize(
    ("line", "message"),
    [("19X: ASSAULT", "CODE: TYPE"), ("190: FIGHT, , military", "'FIGHT'"),
     ("no colon here", "CODE: TYPE")],
)
def test_bad_lines_raise_e101(monkeypatch: pytest.MonkeyPatch, line: str, message: str) -> None:
    monkeypatch.setattr(plover_module, "read_text", lambda *parts: f"# header\n\n{line}\n")
    with pytest.raises(SitrepError) as info:
        plover_module.PloverTable.load()
    assert info.value.code == "E101" and "line 3" in str(info.value) and message in str(info.value)
