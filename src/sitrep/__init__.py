"""sitrep: turn news reports into a conflict event dataset.

The public API (pinned by ``tests/test_public_api.py``)::

    import sitrep
    events = sitrep.code(text, published="2020-01-03")
    events = sitrep.code_file("article.html")          # text + front matter, or an HTML page
    for events in sitrep.code_batch([(text, "2020-01-03"), ...]):
        ...
    frame = sitrep.to_frame(events)                    # a typed pandas DataFrame

``import sitrep`` is light: spaCy, the coder and the store load on first use of the names that
need them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import SitrepError
from .records import Actor, Document, Event, Location, TextSpan

if TYPE_CHECKING:
    from .pipeline import Coder, code, code_batch, code_file
    from .store import Store
    from .store.export import to_frame

_LAZY = {"Coder": "pipeline", "code": "pipeline", "code_batch": "pipeline",
         "code_file": "pipeline", "Store": "store", "to_frame": "store.export"}

__all__ = [
    "Actor",
    "Coder",
    "Document",
    "Event",
    "Location",
    "SitrepError",
    "Store",
    "TextSpan",
    "code",
    "code_batch",
    "code_file",
    "to_frame",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
