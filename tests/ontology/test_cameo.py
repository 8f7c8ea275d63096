from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.ontology import Ontology
from sitrep.ontology import cameo as cameo_module
from sitrep.records import CameoInfo


@pytest.mark.parametrize(
    ("code", "name", "root", "quad", "goldstein"),
    [
        ("195", "Employ aerial weapons", "19", 4, -10.0),
        ("057", "Sign formal agreement", "05", 1, 8.0),
        ("0871", "Declare truce, ceasefire", "08", 2, 9.0),
        ("141", "Demonstrate or rally", "14", 4, -6.5),
        ("112", "Accuse, not specified below", "11", 3, -2.0),
        ("010", "Make statement, not specified below", "01", 1, 0.0),
        ("2042", "Detonate nuclear weapons", "20", 4, -10.0),
    ],
)
def test_known_codes(ontology: Ontology, code: str, name: str, root: str, quad: int,
                     goldstein: float) -> None:
    assert ontology.cameo(code) == CameoInfo(code, name, root, quad, goldstein)


def test_quad_class_follows_gdelt_grouping(ontology: Ontology) -> None:
    expected = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for quad, roots in expected.items():
        for root in roots:
            assert ontology.cameo(f"{root:02d}").quad_class == quad


def test_every_code_is_consistent(ontology: Ontology) -> None:
    codes = ontology.cameo_codes()
    assert len(codes) == 311 and len(set(codes)) == len(codes)
    for code in codes:
        info = ontology.cameo(code)
        assert info.root == code[:2] and ontology.has_code(info.root)
        assert -10.0 <= info.goldstein <= 10.0
        assert ontology.has_code(code[:3]) or len(code) < 3


@pytest.mark.parametrize("code", ["999", "19x", "", "1950", "7", "00"])
def test_unknown_code_raises_e100_naming_it(ontology: Ontology, code: str) -> None:
    assert not ontology.has_code(code)
    with pytest.raises(SitrepError) as info:
        ontology.cameo(code)
    assert info.value.code == "E100" and repr(code) in str(info.value)


def test_non_string_code_is_a_clear_error(ontology: Ontology) -> None:
    assert not ontology.has_code(195)  # type: ignore[arg-type]
    with pytest.raises(SitrepError, match="E100"):
        ontology.cameo(195)  # type: ignore[arg-type]


def test_bad_goldstein_row_names_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    real = cameo_module.read_tsv

    def broken(*parts: str):  # type: ignore[no-untyped-def]
        for row in real(*parts):
            if parts == cameo_module.GOLDSTEIN_FILE and row.cells["CAMEOEVENTCODE"] == "190":
                row.cells["GOLDSTEINSCALE"] = "minus ten"
            yield row

    monkeypatch.setattr(cameo_module, "read_tsv", broken)
    with pytest.raises(SitrepError) as info:
        Ontology.load()
    assert info.value.code == "E101"
    assert "cameo_goldstein.tsv" in str(info.value) and "'minus ten'" in str(info.value)
