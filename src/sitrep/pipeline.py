"""Assembling the stages into a coder: text -> events (being written)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any

from .records import Event

PublishedLike = date | datetime | str | None
ErrorHandler = Callable[[int, Any, Exception], None]


class Coder:
    """Holds the loaded spaCy pipeline, knowledge base and gazetteer; codes documents."""

    def code(self, text: str, published: PublishedLike = None) -> list[Event]:
        raise NotImplementedError

    def code_batch(
        self,
        items: Iterable[tuple[str, PublishedLike]],
        n_process: int = 1,
        batch_size: int = 32,
        error_handler: ErrorHandler | None = None,
    ) -> Iterator[list[Event]]:
        raise NotImplementedError


def code(text: str, published: PublishedLike = None) -> list[Event]:
    """Code one article: every event it reports, in document order."""
    raise NotImplementedError


def code_batch(
    items: Iterable[tuple[str, PublishedLike]],
    n_process: int = 1,
    batch_size: int = 32,
    error_handler: ErrorHandler | None = None,
) -> Iterator[list[Event]]:
    """Code many articles with ``nlp.pipe``; yields one list of events per item, in order."""
    raise NotImplementedError
