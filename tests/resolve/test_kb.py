"""The knowledge-base files: schema validation, user overrides, and the built-in data itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.records import ACTOR_TYPES
from sitrep.resolve.actors import ActorKB
from sitrep.resolve.kb import SETTING, load_country_records, load_kb_data


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    return load_kb_data()


def _write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_country_has_iso3_name_and_source(data) -> None:  # type: ignore[no-untyped-def]
    assert len(data.countries) >= 240
    for iso3, record in data.countries.items():
        assert len(iso3) == 3 and record.name and record.sources
    assert "Iraqi" in data.countries["IRQ"].demonyms
    assert data.countries["UKR"].capital == "Kyiv"


def test_builtin_entries_are_valid_and_sourced(data) -> None:  # type: ignore[no-untyped-def]
    kinds = {e.kind for e in data.entries.values()}
    assert kinds == {"group", "institution", "person"}
    for entry in data.entries.values():
        assert entry.type in ACTOR_TYPES and entry.sources, entry.id
    groups = [e for e in data.entries.values() if e.kind == "group"]
    assert len(groups) >= 300


def test_people_have_dated_offices(data) -> None:  # type: ignore[no-untyped-def]
    soleimani = data.entries["qassem_soleimani"]
    assert soleimani.roles[0].end == "2020-01-03"
    assert soleimani.roles[0].org == "quds_force"
    assert all(e.roles for e in data.entries.values() if e.kind == "person")


def test_seed_entities_as_pinned(data) -> None:  # type: ignore[no-untyped-def]
    kh = data.entries["kataib_hezbollah"]
    assert (kh.country, kh.type) == ("IRQ", "political_militia")
    assert "pmu" in kh.affiliations
    assert {"Kata’ib Hezbollah", "Kata'ib Hezbollah", "Kata’b Hezbollah", "KH"} <= set(kh.aliases)
    pmu = data.entries["pmu"]
    assert {"PMU", "PMF", "Popular Mobilisation Units", "Hashd al-Shaabi"} <= set(pmu.aliases)
    assert data.entries["ali_khamenei"].type == "government"
    assert data.entries["iraqi_security_forces"].type == "state_forces"
    assert data.entries["us_embassy_baghdad"].country == "USA"


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
groups:
  - {id: kataib_hezbollah, name: "Kataib Hezbollah", country: IRQ, type: rebel_group,
     sources: [mine]}
  - id: new_militia
    name: Brigade of the Test
    country: NGA
    type: identity_militia
    aliases: [BTT]
    sources: [my notes]
""",
    )
    kb = ActorKB.load([path])
    assert kb.lookup("Kata'ib Hezbollah").type == "rebel_group"  # type: ignore[union-attr]
    found = kb.lookup("brigade of the test")
    assert found is not None and found.id == "new_militia" and found.sources == ("my notes",)


def test_setting_names_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "groups:\n  - {id: zz, name: Zed Front, type: rebel_group}\n")
    monkeypatch.setenv(SETTING, str(path))
    assert ActorKB.load().lookup("Zed Front") is not None


@pytest.mark.parametrize(
    ("text", "code", "fragments"),
    [
        (
            "groups:\n  - {id: a, name: A, type: warlords}\n",
            "E301",
            ["line 2", "'type'", "warlords"],
        ),
        ("groups:\n  - {id: a, type: rebel_group}\n", "E301", ["line 2", "'name'", "missing"]),
        ("groups:\n  - {id: a, name: A, type: other, country: XYZ}\n", "E301", ["'country'"]),
        (
            "groups:\n  - {id: a, name: A, type: other}\n  - {id: a, name: B, type: other}\n",
            "E302",
            ["line 3", "first at line 2"],
        ),
        ("groups:\n  - {id: a, name: A, type: other, affiliations: [nope]}\n", "E303", ["nope"]),
        (
            "people:\n  - {id: p, name: P, type: government, roles: [{office: X, from: 'May'}]}\n",
            "E301",
            ["'from'"],
        ),
        ("groups: [1, 2]\n", "E301", ["'groups'"]),
        ("groups:\n  - {id: a, name: [unclosed\n", "E300", ["mine.yaml"]),
    ],
)
def test_invalid_files_name_file_line_and_field(
    tmp_path: Path, text: str, code: str, fragments: list[str]
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(SitrepError) as info:
        ActorKB.load([path])
    assert info.value.code == code
    message = str(info.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message


def test_missing_user_file_is_e300(tmp_path: Path) -> None:
    with pytest.raises(SitrepError) as info:
        ActorKB.load([tmp_path / "absent.yaml"])
    assert info.value.code == "E300" and "absent.yaml" in str(info.value)


def test_country_records_only_read_countries(tmp_path: Path) -> None:
    path = _write(tmp_path, "countries:\n  - {iso3: XKS, name: Testland, demonyms: [Testish]}\n")
    records = load_country_records([path])
    assert records["XKS"].name == "Testland" and "IRQ" in records
