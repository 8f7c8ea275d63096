"""The DuckDB store: schema, writes, queries and exports."""

from __future__ import annotations

from .export import FORMATS, LAYOUTS, export_events, layout_columns
from .query import Stats
from .store import DEFAULT_PATH, BatchResult, Store

__all__ = ["DEFAULT_PATH", "FORMATS", "LAYOUTS", "BatchResult", "Stats", "Store",
           "export_events", "layout_columns"]
