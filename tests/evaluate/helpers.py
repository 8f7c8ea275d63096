"""Hand-built gold lines and predicted events for the evaluation tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.evaluate import GoldSet, load_gold
from sitrep.records import Actor, Event, Location, TextSpan


def gold_event(**fields: Any) -> dict[str, Any]:
    """A gold event dict: an air strike in Baghdad on 2020-01-03 unless overridden."""
    base: dict[str, Any] = {
        "acled_event_type": "Explosions/Remote violence",
        "acled_sub_event_type": "Air/drone strike", "cameo": "195", "plover": "ASSAULT",
        "event_date": "2020-01-03",
        "location": {"name": "Baghdad", "country": "IRQ", "admin1": "Baghdad",
                     "lat": 33.34, "lon": 44.40},
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v != "DROP"}


def gold_doc(events: list[dict[str, Any]], doc_id: str = "d1", **extra: Any) -> dict[str, Any]:
    return {"id": doc_id, "text": "Some text.", "published": "2020-01-03", "events": events,
            **extra}


def write_gold(tmp_path: Path, docs: list[dict[str, Any]], name: str = "g.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def load_docs(tmp_path: Path, docs: list[dict[str, Any]]) -> GoldSet:
    return load_gold(write_gold(tmp_path, docs))


def actor(name: str, country: str | None = None, type_: str = "other") -> Actor:
    return Actor(name=name, country=country, type=type_)


def event(**fields: Any) -> Event:
    """A predicted event matching :func:`gold_event`'s defaults unless overridden."""
    cameo = fields.pop("cameo", "195")
    base: dict[str, Any] = {
        "id": "p", "doc_id": "d1", "trigger": TextSpan(fields.pop("trigger", "strike"), 0, 6),
        "sentence": "", "cameo": cameo, "cameo_root": cameo[:2], "quad_class": 4,
        "goldstein": -10.0, "acled_event_type": "Explosions/Remote violence",
        "acled_sub_event_type": "Air/drone strike", "plover": "ASSAULT",
        "event_date": date(2020, 1, 3),
        "location": Location(name="Baghdad", country="IRQ", admin1="Baghdad", lat=33.31,
                             lon=44.36, geo_precision=1),
    }
    base.update(fields)
    return Event(**base)
