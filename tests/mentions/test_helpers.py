"""The mention stage's pure helpers (the whole stage is exercised by tests/test_seed.py and
tests/test_behaviour.py, which need the model)."""

from __future__ import annotations

from sitrep.detect.lexicon import InstrumentRow
from sitrep.mentions import _refined_code
from sitrep.mentions._places import _best_place, _spelled_alike
from sitrep.records import Location


def test_weapon_refines_a_generic_attack_code() -> None:
    drone = InstrumentRow(("drone",), "drone", "195", "drone")
    suicide = InstrumentRow(("suicide", "bomber"), "suicide", "1831", "suicide")
    assert _refined_code("190", drone) == "195"
    assert _refined_code("183", suicide) == "1831"
    assert _refined_code("173", drone) == "173"  # an arrest stays an arrest
    assert _refined_code("190", None) == "190"


def test_town_beats_country() -> None:
    iraq = Location("Iraq", "IRQ", geo_precision=3)
    kirkuk = Location("Kirkuk", "IRQ", geo_precision=2)
    assert _best_place([iraq, kirkuk]) is kirkuk
    assert _best_place([iraq]) is iraq
    assert _best_place([]) is None


def test_spelling_alike_ignores_accents_but_not_other_towns() -> None:
    assert _spelled_alike("Culiacán", "Culiacan")
    assert _spelled_alike("Khān Yūnis", "Khan Younis")
    assert not _spelled_alike("Bansko", "Banjska")
