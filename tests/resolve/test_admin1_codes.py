"""The shipped GeoNames admin1 table replaces reverse_geocoder (issue 10)."""

from __future__ import annotations

from pathlib import Path

from sitrep.resolve._geonames import read_admin1_codes

SRC = Path(__file__).resolve().parents[2] / "src" / "sitrep"


def test_admin1_codes_table() -> None:
    codes = read_admin1_codes()
    assert len(codes) > 3000
    assert codes[("IQ", "07")] == "Mayorality of Baghdad"
    assert codes[("KE", "05")] == "Nairobi Area"
    assert all(len(cc) == 2 for cc, _code in codes)


def test_no_reverse_geocoder_and_fastapi_only_in_the_web_extra() -> None:
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import reverse_geocoder" not in text, path
        if "web" not in path.relative_to(SRC).parts and path.name != "serve.py":
            assert "fastapi" not in text, path  # the core never needs the web extra
