"""The counts section of the corpus datasheet (corpus/README.md), computed from the corpus.

    python -m sitrep.learn.datasheet [--corpus corpus] [--write]

Prints the tables (or, with ``--write``, replaces the text between the markers
``<!-- counts:start -->`` and ``<!-- counts:end -->`` of corpus/README.md); a test checks that
the README shows the corpus as it is.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..ontology import Ontology
from .corpus import Example, corpus_files, load_corpus

START, END = "<!-- counts:start -->", "<!-- counts:end -->"


def counts_markdown(examples: Sequence[Example]) -> str:
    """Markdown tables of the corpus's label counts."""
    events = [e for e in examples if e.event]
    parts = [
        f"Examples: **{len(examples)}**; events: {len(events)}; not events: "
        f"{len(examples) - len(events)}; countries: {len({e.country for e in examples if e.country})}.",
        _table("file", Counter(e.source_file for e in examples)),
        _table("ACLED sub-type (events)", Counter(e.acled_sub_event_type or "(not ACLED)"
                                                  for e in events)),
        _table("PLOVER type (events)", Counter(e.plover or "(none: CAMEO 01/02)" for e in events)),
        _table("CAMEO root (events)", Counter(e.cameo_root or "-" for e in events), sort_keys=True),
        _table("modality", Counter(e.modality for e in examples)),
        _table("negative kind (not events)", Counter(e.negative or "-" for e in examples
                                                     if not e.event)),
        _table("genre", Counter(e.genre or "-" for e in examples)),
    ]
    return "\n\n".join(parts) + "\n"


def _table(title: str, counts: Counter[str], sort_keys: bool = False) -> str:
    items = sorted(counts.items()) if sort_keys else sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    rows = [f"| {title} | examples |", "|---|---:|"]
    rows += [f"| {key} | {value} |" for key, value in items]
    return "\n".join(rows)


def replace_counts(readme: str, counts: str) -> str:
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{counts}{END}{tail}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.learn.datasheet")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    counts = counts_markdown(load_corpus(corpus_files(args.corpus), Ontology.load()))
    if not args.write:
        sys.stdout.write(counts)
        return 0
    readme = args.corpus / "README.md"
    readme.write_text(replace_counts(readme.read_text(encoding="utf-8"), counts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
