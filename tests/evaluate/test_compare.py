from datetime import date

import pytest

from sitrep.evaluate.compare import (
    admin1_agree,
    cameo_accepts,
    count_agrees,
    count_within,
    date_compatible,
    date_exact,
    date_in_range,
    haversine_km,
    names_agree,
    normalise_name,
    place_compatible,
)
from sitrep.evaluate.gold import Choice, GoldDates, GoldLocation
from sitrep.records import Location

from .helpers import event


def test_haversine_known_distances() -> None:
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.05)
    # Baghdad centre to Baghdad airport is about 16 km
    assert haversine_km(33.3406, 44.4009, 33.2625, 44.2346) == pytest.approx(17.6, abs=1.0)
    assert haversine_km(10, 20, 10, 20) == 0.0


def test_names_normalised_and_alias_tolerant() -> None:
    assert normalise_name("The  Kata’ib Hezbollah!") == "kataib hezbollah"
    assert names_agree("Kataib Hezbollah", ("Kata'ib Hezbollah",))
    assert names_agree("Abu Mahdi Al Muhandis", ("Abu Mahdi al-Muhandis",))
    assert names_agree("U.S.", ("US",))
    assert names_agree("Protesters (Iraq)", ("Protesters (Kataib Hezbollah supporters)",))
    assert not names_agree("Hezbollah", ("Kataib Hezbollah",))
    assert not names_agree("", ("",))


def test_admin1_ignores_admin_words() -> None:
    assert admin1_agree("Baghdad Governorate", ("Baghdad",))
    assert not admin1_agree("Kirkuk", ("Baghdad",))
    assert not admin1_agree(None, ("Baghdad",))


def test_cameo_two_digit_accepts_whole_root() -> None:
    choice = Choice(("195", "18"))
    assert cameo_accepts(choice, "195")
    assert cameo_accepts(choice, "1831")
    assert not cameo_accepts(choice, "194")


def test_counts_zero_and_null_agree_and_twenty_percent() -> None:
    assert count_agrees(0, None) and count_agrees(None, 0)
    assert not count_agrees(3, None)
    assert count_within(25, 20) and count_within(25, 30)
    assert not count_within(25, 19)
    assert count_within(None, 0) and not count_within(None, 2)


def test_dates_day_and_range() -> None:
    day = GoldDates(days=(date(2019, 12, 27),))
    assert date_compatible(day, event(event_date=date(2019, 12, 27)))
    assert not date_compatible(day, event(event_date=date(2020, 1, 3)))
    assert not date_compatible(day, event(event_date=None))
    rng = GoldDates(days=(None,), earliest=date(2019, 12, 27), latest=date(2020, 1, 3))
    inside = event(event_date=date(2019, 12, 30))
    assert date_compatible(rng, inside) and date_in_range(rng, inside)
    assert not date_exact(rng, inside)
    as_range = event(event_date=None, date_earliest=date(2019, 12, 27),
                     date_latest=date(2020, 1, 3))
    assert date_exact(rng, as_range) and date_in_range(rng, as_range)
    overlapping = event(event_date=None, date_earliest=date(2019, 12, 20),
                        date_latest=date(2019, 12, 28))
    assert date_compatible(rng, overlapping) and not date_in_range(rng, overlapping)
    undated = GoldDates(days=(None,))
    assert date_compatible(undated, event(event_date=None))
    assert date_exact(undated, event(event_date=None))
    assert not date_exact(undated, event())


def test_place_distance_then_admin1_then_country() -> None:
    airport = GoldLocation(countries=("IRQ",), admin1s=("Baghdad",), lat=33.2625, lon=44.2346)
    assert place_compatible(airport, Location("Baghdad", "IRQ", "Baghdad", 33.34, 44.40))
    assert not place_compatible(airport, Location("Kirkuk", "IRQ", "Kirkuk", 35.47, 44.39))
    assert not place_compatible(airport, None)
    town = GoldLocation(countries=("NGA",), admin1s=("Zamfara",), lat=12.18, lon=6.66)
    region = Location("Zamfara", "NGA", "Zamfara", 12.30, 6.39, geo_precision=3)
    assert place_compatible(town, region)  # only the region named: same event, less precise
    far_town = Location("Gusau", "NGA", "Zamfara", 12.16, 5.20, geo_precision=1)
    assert not place_compatible(town, far_town)  # a town 150 km off is another place
    no_coords = Location("Baghdad", "IRQ", "Baghdad Governorate")
    assert place_compatible(airport, no_coords)
    country = GoldLocation(countries=("IRQ", "SYR"))
    assert place_compatible(country, Location("Syria", "SYR"))
    assert not place_compatible(country, Location("Iran", "IRN"))
    assert place_compatible(None, None)


def test_place_without_coordinates_accepts_same_name_across_admin1_spellings() -> None:
    timbuktu = GoldLocation(name="Timbuktu", countries=("MLI",), admin1s=("Tombouctou",))
    assert place_compatible(timbuktu, Location("Timbuktu", "MLI", "Timbuktu", 16.77, -3.0))
    assert place_compatible(timbuktu, Location("Tombouctou", "MLI", "Tombouctou"))
    assert not place_compatible(timbuktu, Location("Gao", "MLI", "Gao", 16.27, -0.04))
    assert not place_compatible(timbuktu, Location("Timbuktu", "USA", None))
