"""Reading sources into documents and ingesting them into a store.

``sitrep.ingest.ingest(inputs, store, coder)`` runs the whole thing; ``iter_sources(inputs)``
only reads. The readers (``_files``, ``_jsonl``, ``_csv``, ``_html``, ``_feed``, ``_url``) are
imported when first needed, so importing this package stays cheap.
"""

from __future__ import annotations

from ._base import IngestError, SourceOptions
from .ingest import DocumentCoder, IngestReport, Progress, ingest
from .sources import SourceUnit, expand, iter_sources

__all__ = ["DocumentCoder", "IngestError", "IngestReport", "Progress", "SourceOptions",
           "SourceUnit", "expand", "ingest", "iter_sources"]
