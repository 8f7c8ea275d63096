"""Inter-annotator agreement between the corpus labels and a blind second labelling of a sample.

``python -m sitrep.learn.agreement corpus/agreement/second_labels.jsonl [CORPUS_DIR]`` joins the second
labels with ``corpus/written/*.jsonl`` by id and prints, per field, the number of items, the raw
agreement and Cohen's kappa, then the most frequent disagreements (corpus label -> second label).
Second labels that carry a ``text`` are compared only while the corpus row still has that text.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .labels import example_label

Row = dict[str, Any]
NULL = "null"


def kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two labellings of the same items (1.0 when both use one and the same class)."""
    if len(a) != len(b):
        raise ValueError("the two labellings differ in length")
    if not a:
        raise ValueError("no items")
    if set(a) | set(b) == {a[0]}:
        return 1.0
    try:
        from sklearn.metrics import cohen_kappa_score
    except ImportError:  # pragma: no cover - scikit-learn is in the dev environment
        n = len(a)
        observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
        ca, cb = Counter(a), Counter(b)
        expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
        return (observed - expected) / (1 - expected)
    return float(cohen_kappa_score(list(a), list(b)))


def _str(value: Any) -> str:
    if value is None:
        return NULL
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def model_class(row: Row) -> str:
    """The model's class of a labelled row: ACLED sub-type, R:NN, background or none."""
    return example_label(
        bool(row["event"]), str(row["modality"]), row.get("acled_sub_event_type"), row.get("cameo")
    )


FIELDS: list[tuple[str, Callable[[Row], str]]] = [
    ("event", lambda r: _str(r["event"])),
    ("acled_sub_event_type", lambda r: _str(r.get("acled_sub_event_type"))),
    ("plover", lambda r: _str(r.get("plover"))),
    ("cameo_root", lambda r: _str(r["cameo"][:2] if r.get("cameo") else None)),
    ("modality", lambda r: _str(r.get("modality"))),
    ("model_class", model_class),
]


def read_jsonl(path: Path) -> list[Row]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def join(second: Sequence[Row], corpus_dir: Path) -> tuple[list[tuple[Row, Row]], int, int]:
    """(corpus row, second row) pairs joined by id, the number of ids missing from the corpus, and the
    number skipped because the corpus text is no longer the text that was second-labelled."""
    first = {r["id"]: r for f in sorted(corpus_dir.glob("*.jsonl")) for r in read_jsonl(f)}
    pairs = [(first[r["id"]], r) for r in second if r["id"] in first]
    same = [(a, b) for a, b in pairs if "text" not in b or a.get("text") == b["text"]]
    return same, len(second) - len(pairs), len(pairs) - len(same)


def report(pairs: Sequence[tuple[Row, Row]], top: int = 6) -> str:
    """The agreement table (all items, then items both annotators call events) and top disagreements."""
    both = [p for p in pairs if p[0]["event"] and p[1]["event"]]
    lines = [f"{'field':<34}{'n':>6}{'agreement':>11}{'kappa':>8}"]
    details: list[str] = []
    for subset_name, subset in (("", pairs), (" (both events)", both)):
        for name, get in FIELDS:
            if subset_name and name in ("event", "modality"):
                continue
            if not subset:
                continue
            a = [get(x) for x, _ in subset]
            b = [get(y) for _, y in subset]
            agree = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
            lines.append(f"{name + subset_name:<34}{len(a):>6}{agree:>11.3f}{kappa(a, b):>8.3f}")
            if not subset_name:
                diffs = Counter((x, y) for x, y in zip(a, b, strict=True) if x != y).most_common(top)
                details.append(f"\n{name}: most frequent disagreements (corpus -> second)")
                details += [f"  {n:>4}  {x} -> {y}" for (x, y), n in diffs]
    return "\n".join(lines + details)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or len(args) > 2:
        print("usage: python -m sitrep.learn.agreement SECOND_LABELS.jsonl [CORPUS_DIR]", file=sys.stderr)
        return 2
    corpus_dir = Path(args[1]) if len(args) > 1 else Path("corpus/written")
    second = read_jsonl(Path(args[0]))
    pairs, missing, changed = join(second, corpus_dir)
    if missing or changed:
        print(
            f"skipped: {missing} ids not in {corpus_dir}, {changed} whose text has changed since",
            file=sys.stderr,
        )
    if not pairs:
        print("nothing to compare", file=sys.stderr)
        return 1
    print(report(pairs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
