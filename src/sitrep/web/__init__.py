"""``sitrep serve``: the HTTP API (FastAPI, OpenAPI at ``/docs``) and the offline web app
over one store. Needs the ``web`` extra (``pip install 'sitrep[web]'``).

    from sitrep.web import Settings, create_app
    app = create_app(Settings(db="sitrep.duckdb"))
"""

from __future__ import annotations

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
