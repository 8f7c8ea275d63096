"""The training corpus: typed examples, read and checked against the ontologies.

One JSON object per line (corpus/README.md gives the scheme). ``load_corpus`` reads files into
``Example`` records and raises a ``CorpusError`` that names file, line and field for the first bad
one; ``check_files`` collects every problem instead (``python -m sitrep.learn.corpus check FILE...``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ontology import Ontology

EVENT_MODALITIES = ("asserted", "reported", "attempted", "threatened", "denied")
NON_EVENT_MODALITIES = ("planned", "hypothetical", "negated", "background", "none")
MODALITIES = EVENT_MODALITIES + NON_EVENT_MODALITIES
NEGATIVE_KINDS = (
    "accident", "disaster", "crime", "sports", "business", "metaphor", "opinion",
    "report_about_report", "plan", "hypothetical", "history", "background", "denial",
    "negated", "routine", "other",
)
GENRES = (
    "wire_lead", "wire_body", "local_press", "monitor_report", "ngo_release",
    "government_release", "translated_local", "headline", "broadcast",
)
REQUIRED = ("id", "text", "event", "modality", "provenance")
OPTIONAL = ("trigger", "acled_event_type", "acled_sub_event_type", "plover", "plover_mode", "cameo",
            "negative", "country", "genre", "notes")


class CorpusError(ValueError):
    """A corpus line that breaks the scheme: names the file, line and field."""


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled example: a short text and the event it reports (or why it reports none)."""

    id: str
    text: str
    event: bool
    modality: str
    provenance: str
    trigger: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    plover: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None
    negative: str | None = None
    country: str | None = None
    genre: str | None = None
    source_file: str = ""

    @property
    def cameo_root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None


class Checker:
    """Checks example objects against the CAMEO, PLOVER and ACLED tables."""

    def __init__(self, ontology: Ontology) -> None:
        self.ontology = ontology
        self.taxonomy = ontology.acled_rules.taxonomy

    def problems(self, raw: Any) -> list[str]:
        """Every way ``raw`` breaks the scheme, as 'field: cause' strings."""
        if not isinstance(raw, dict):
            return ["line: not a JSON object"]
        out = [f"{key}: missing" for key in REQUIRED if key not in raw]
        out += [f"{key}: unknown field" for key in raw if key not in REQUIRED + OPTIONAL]
        if out:
            return out
        return self._values(raw)

    def _values(self, raw: dict[str, Any]) -> list[str]:
        out: list[str] = []
        text, trigger = raw["text"], raw.get("trigger")
        if not isinstance(text, str) or not text.strip():
            out.append("text: empty or not a string")
        if trigger is not None and (not isinstance(trigger, str) or trigger not in str(text)):
            out.append(f"trigger: {trigger!r} is not in the text")
        if raw["modality"] not in MODALITIES:
            out.append(f"modality: {raw['modality']!r} is not one of {', '.join(MODALITIES)}")
        if raw.get("genre") not in (None, *GENRES):
            out.append(f"genre: {raw['genre']!r} is not one of {', '.join(GENRES)}")
        out += self._event_fields(raw) if raw["event"] is True else self._non_event(raw)
        out += self._codes(raw)
        return out

    def _event_fields(self, raw: dict[str, Any]) -> list[str]:
        out = [f"{k}: required for an event" for k in ("trigger", "cameo") if not raw.get(k)]
        if not raw.get("plover") and str(raw.get("cameo"))[:2] not in {"01", "02"}:
            out.append("plover: required for an event (roots 01 and 02 have none)")
        if raw["modality"] not in EVENT_MODALITIES:
            out.append(f"modality: an event takes one of {', '.join(EVENT_MODALITIES)}")
        if raw.get("negative"):
            out.append("negative: only for event=false")
        return out

    def _non_event(self, raw: dict[str, Any]) -> list[str]:
        out = []
        if raw["event"] is not False:
            out.append("event: must be true or false")
        if raw.get("negative") not in NEGATIVE_KINDS:
            out.append(f"negative: event=false needs one of {', '.join(NEGATIVE_KINDS)}")
        if raw["modality"] not in NON_EVENT_MODALITIES:
            out.append(f"modality: a non-event takes one of {', '.join(NON_EVENT_MODALITIES)}")
        return out

    def _codes(self, raw: dict[str, Any]) -> list[str]:
        out = []
        cameo, plover = raw.get("cameo"), raw.get("plover")
        if cameo is not None and not (isinstance(cameo, str) and self.ontology.has_code(cameo)):
            out.append(f"cameo: {cameo!r} is not a CAMEO code of cameo_eventcodes.tsv")
        elif cameo and plover and plover not in self._plover_types(cameo) and cameo[:2] not in {"01", "02"}:
            allowed = "/".join(sorted(self._plover_types(cameo)))
            out.append(f"plover: {plover!r} does not fit CAMEO {cameo} (table says {allowed})")
        etype, sub = raw.get("acled_event_type"), raw.get("acled_sub_event_type")
        if (etype is None) != (sub is None):
            out.append("acled_event_type/acled_sub_event_type: both null or both given")
        elif etype is not None and sub not in self.taxonomy.get(etype, ()):
            out.append(f"acled_sub_event_type: {sub!r} is not a sub-type of {etype!r}")
        return out

    def _plover_types(self, cameo: str) -> set[str]:
        kinds = {self.ontology.plover(cameo)[0]}
        if cameo[:2] == "08":
            kinds |= {"CONCEDE", "RETREAT"}
        if cameo[:2] in {"09", "11"}:
            kinds.add("ACCUSE")
        if cameo[:2] == "17":
            kinds.add("COERCE")
        return {k for k in kinds if k}


def read_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed object)`` for each non-blank line; bad JSON gives a CorpusError."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}:{number}: not JSON ({exc.msg})") from exc


def check_files(paths: Iterable[Path], ontology: Ontology) -> list[str]:
    """Every problem in ``paths`` as 'file:line: field: cause', and duplicate ids across files."""
    checker, out = Checker(ontology), []
    seen: dict[Any, str] = {}
    for path in paths:
        try:
            for number, raw in read_lines(path):
                out += [f"{path}:{number}: {p}" for p in checker.problems(raw)]
                key = raw.get("id") if isinstance(raw, dict) else None
                if key in seen:
                    out.append(f"{path}:{number}: id: {key!r} also at {seen[key]}")
                seen.setdefault(key, f"{path}:{number}")
        except CorpusError as exc:
            out.append(str(exc))
    return out


def load_corpus(paths: Sequence[Path], ontology: Ontology) -> list[Example]:
    """The examples of ``paths``; raises CorpusError at the first bad line."""
    problems = check_files(paths, ontology)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise CorpusError(problems[0] + more)
    examples = []
    for path in paths:
        for _number, raw in read_lines(path):
            fields = {k: v for k, v in raw.items() if k in Example.__slots__}
            examples.append(Example(**fields, source_file=path.name))
    return examples


NOT_TRAINING = frozenset({"dev", "agreement"})  # real dev text; the second labelling


def corpus_files(root: Path) -> list[Path]:
    """The training files under ``root``, in a stable order (never dev data or second labels)."""
    return sorted(p for p in root.rglob("*.jsonl")
                  if not NOT_TRAINING & set(p.relative_to(root).parts))


def summary(examples: Sequence[Example]) -> dict[str, Counter[str]]:
    """Counts per label, for the datasheet."""
    fields = ("event", "acled_sub_event_type", "plover", "cameo_root", "modality", "negative",
              "genre", "country")
    return {f: Counter(str(getattr(e, f)) for e in examples) for f in fields}


def main(argv: Sequence[str]) -> int:
    """``check FILE...``: print every problem; exit status 1 when there is one."""
    if len(argv) < 2 or argv[0] != "check":
        sys.stderr.write("usage: python -m sitrep.learn.corpus check FILE.jsonl...\n")
        return 2
    problems = check_files([Path(a) for a in argv[1:]], Ontology.load())
    sys.stdout.write("".join(p + "\n" for p in problems) or "ok\n")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
