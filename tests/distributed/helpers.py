"""A corpus, a store snapshot and coder factories for the distributed-ingest tests.

Factories are module-level so that Dask can pickle them by reference; worker processes import
this module (the repository root is on their ``sys.path``, as it is on the test process's).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.records import Document, Event
from tests.store.fake_coder import FakeCoder


def corpus(tmp: Path, n: int = 300) -> list[str]:
    """JSONL with ``n`` articles, a coder failure, broken JSON and repeats; a text directory."""
    lines = []
    for i in range(n):
        verb = ("attacked", "clashed", "protested", "met", "airstrike hit")[i % 5]
        text = (f"Report {i}. Troops {verb} the town of Site{i} and {i % 7} people were killed. "
                f"Later, officials met on day {i}.")
        lines.append(json.dumps({"text": text, "published": f"2021-{1 + i % 12:02d}-10",
                                 "title": f"Report {i}", "url": f"https://example.org/{i}"}))
        if i % 100 == 0:
            lines.append(json.dumps({"text": f"Report {i}. CRASH"}))  # the coder fails on it
            lines.append("{broken json")
            lines.append(lines[-3])  # a repeat of the previous article
    (tmp / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp / "dir").mkdir()
    (tmp / "dir" / "a.txt").write_text("Police attacked protesters. 2 people were killed.\n")
    (tmp / "dir" / "b.txt").write_bytes(b"\xff\xfe bad utf-8")
    return [str(tmp / "corpus.jsonl"), str(tmp / "dir"), str(tmp / "missing-*.txt")]


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
