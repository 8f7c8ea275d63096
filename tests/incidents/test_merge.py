from __future__ import annotations

from sitrep.incidents.merge import merge
from tests.incidents.fixtures import BOMBING, reports


def test_merged_fields_say_how_they_were_chosen() -> None:
    rows = reports(BOMBING)
    docs = {d.id: {"source": d.source, "title": d.title, "published": d.published}
            for d, _ in rows}
    incident = merge("inc-x", [e for _, events in rows for e in events], docs)
    assert incident.location is not None and incident.location.name == "Maiduguri"
    assert incident.date_precision == "day"
    assert (incident.fatalities_best, incident.fatalities_low,
            incident.fatalities_high) == (17, 5, 17)
    assert incident.sources == 3 and len(incident.reports) == 3
    assert incident.disagreements["fatalities"] == [5, 12, 17]
    assert set(incident.how) >= {"date", "location", "fatalities", "type"}
    assert incident.to_dict()["reports"] == 3
