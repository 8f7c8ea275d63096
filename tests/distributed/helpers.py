"""A store snapshot and coder factories for the distributed-ingest tests.

Factories are module-level so that Dask can pickle them by reference; worker processes import
this module (the repository root is on their ``sys.path``, as it is on the test process's).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sitrep.records import Document, Event
from tests.store.fake_coder import FakeCoder


class SlowFakeCoder(FakeCoder):
    """The fake coder, taking ``delay`` seconds per document (so a run can be caught midway)."""

    def __init__(self, delay: float = 0.01) -> None:
        super().__init__()
        self.delay = delay

    def code_documents(self, docs: Iterable[Document], n_process: int = 1,
                       batch_size: int = 32,
                       error_handler: Callable[[int, Any, Exception], None] | None = None,
                       ) -> Iterator[tuple[Document, list[Event]]]:
        for pair in super().code_documents(docs, n_process, batch_size, error_handler):
            time.sleep(self.delay)
            yield pair


def fake_coder() -> FakeCoder:
    return FakeCoder()


def slow_coder() -> FakeCoder:
    return SlowFakeCoder(0.02)
