"""A stand-in coder for store and ingest tests: builds real ``Event`` records by rule.

Every sentence with a trigger word becomes one event whose id is derived from the document id
and the trigger offsets (as the real coder's are), with actors, a place, victims and mentions,
so that every table of the store is exercised. It is NOT the real coder; tests that need the
real one use ``sitrep.Coder.load()``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from sitrep.records import Actor, Document, Event, Location, TextSpan

_TRIGGERS = {
    "airstrike": ("195", "19", 4, -10.0, "ASSAULT", "Explosions/Remote violence",
                  "Air/drone strike"),
    "attacked": ("190", "19", 4, -10.0, "ASSAULT", "Violence against civilians", "Attack"),
    "clashed": ("193", "19", 4, -10.0, "ASSAULT", "Battles", "Armed clash"),
    "protested": ("141", "14", 3, -6.5, "PROTEST", "Protests", "Peaceful protest"),
    "met": ("040", "04", 1, 1.0, "CONSULT", None, None),
}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_WORD = re.compile(r"\b(" + "|".join(_TRIGGERS) + r")\b", re.IGNORECASE)
_KILLED = re.compile(r"\b(\d+) (?:people )?(?:were )?killed")


def fake_events(doc: Document) -> list[Event]:
    """Events for every trigger sentence of ``doc`` (raises on text containing 'CRASH')."""
    if "CRASH" in doc.text:
        raise RuntimeError("fake coder crash requested by the text")
    events = []
    for index, sentence in enumerate(_SENTENCE.finditer(doc.text)):
        match = _WORD.search(sentence.group())
        if match:
            events.append(_event(doc, sentence, match, index))
    return events


def _event(doc: Document, sentence: re.Match[str], match: re.Match[str], index: int) -> Event:
    start = sentence.start() + match.start()
    end = sentence.start() + match.end()
    cameo, root, quad, gold, plover, acled, sub = _TRIGGERS[match.group(1).lower()]
    killed = _KILLED.search(sentence.group())
    day = doc.published - timedelta(days=index % 3) if doc.published else None
    return Event(
        id=hashlib.sha256(f"{doc.id}:{start}:{end}".encode()).hexdigest()[:24],
        doc_id=doc.id, trigger=TextSpan(doc.text[start:end], start, end),
        sentence=sentence.group().strip(), cameo=cameo, cameo_root=root, quad_class=quad,
        goldstein=gold, main=index == 0, confidence=0.75, event_date=day, date_earliest=day,
        date_latest=day, date_precision="publication" if day else None, plover=plover,
        acled_event_type=acled, acled_sub_event_type=sub,
        actor1=Actor("Military (Iraq)", "IRQ", "state_forces", "IRQMIL", "troops", 0, 6,
                     affiliations=("Government of Iraq",)),
        actor2=Actor("Civilians (Iraq)", "IRQ", "civilians", None, None, None, None, True),
        victims=[Actor("Children (Iraq)", "IRQ", "civilians")] if killed else [],
        location=Location("Baghdad", "IRQ", "Baghdad", 33.34, 44.40, 1, 98182, "Baghdad",
                          None, None, "PPLC"),
        fatalities=int(killed.group(1)) if killed else None,
        fatalities_text=killed.group() if killed else None,
        mentions=[TextSpan(doc.text[start:end], start, end)],
    )


class FakeCoder:
    """Implements the ``code_documents`` protocol that ``sitrep.ingest.ingest`` uses."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.n_process: int | None = None

    def code_documents(self, docs: Iterable[Document], n_process: int = 1,
                       batch_size: int = 32,
                       error_handler: Callable[[int, Any, Exception], None] | None = None,
                       ) -> Iterator[tuple[Document, list[Event]]]:
        self.n_process = n_process
        for index, doc in enumerate(docs):
            self.seen.append(doc.id)
            try:
                yield doc, fake_events(doc)
            except RuntimeError as exc:
                if error_handler is None:
                    raise
                error_handler(index, doc, exc)
                yield doc, []

    def code_document(self, document: Document) -> list[Event]:
        """One document's events (what ``Coder.code_document`` returns)."""
        self.seen.append(document.id)
        return fake_events(document)


def fake_corpus(tmp: Path, n: int = 300, every: int = 100) -> list[str]:
    """Inputs for ingest tests: JSONL with ``n`` articles and, every ``every`` articles, a text
    the fake coder fails on, broken JSON and a repeat; a text directory; a glob matching
    nothing."""
    lines = []
    for i in range(n):
        verb = ("attacked", "clashed", "protested", "met", "airstrike hit")[i % 5]
        text = (f"Report {i}. Troops {verb} the town of Site{i} and {i % 7} people were killed. "
                f"Later, officials met on day {i}.")
        lines.append(json.dumps({"text": text, "published": f"2021-{1 + i % 12:02d}-10",
                                 "title": f"Report {i}", "url": f"https://example.org/{i}"}))
        if i % every == 0:
            lines.append(json.dumps({"text": f"Report {i}. CRASH"}))  # the coder fails on it
            lines.append("{broken json")
            lines.append(lines[-3])  # a repeat of the previous article
    (tmp / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp / "dir").mkdir()
    (tmp / "dir" / "a.txt").write_text("Police attacked protesters. 2 people were killed.\n")
    (tmp / "dir" / "b.txt").write_bytes(b"\xff\xfe bad utf-8")
    return [str(tmp / "corpus.jsonl"), str(tmp / "dir"), str(tmp / "missing-*.txt")]
