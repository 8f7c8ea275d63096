"""sitrep: turn news reports into a conflict event dataset.

The public API (pinned by ``tests/test_public_api.py``)::

    import sitrep
    events = sitrep.code(text, published="2020-01-03")
    for events in sitrep.code_batch([(text, "2020-01-03"), ...]):
        ...
"""

from __future__ import annotations

from .errors import SitrepError
from .pipeline import Coder, code, code_batch
from .records import Actor, Document, Event, Location, TextSpan

__all__ = [
    "Actor",
    "Coder",
    "Document",
    "Event",
    "Location",
    "SitrepError",
    "TextSpan",
    "code",
    "code_batch",
]
__version__ = "0.1.0"
