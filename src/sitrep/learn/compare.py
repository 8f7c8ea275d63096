"""Comparing model families for the event detector on the same candidates (docs/model-comparison.md).

    python -m sitrep.learn.compare [--corpus corpus/written] [--dev GOLD.jsonl ...]
                                   [--families lr bow cnn ensemble] [--cache FILE]

Family A is the shipped one: the multinomial logistic regression of ``learn.train`` over the
parse features of ``learn.features``. Family B is a spaCy ``textcat`` (exclusive classes) over the
candidate's sentence, in the coder pipeline's own tokens, with the trigger tokens marked
``[[ ... ]]``. Both see exactly the same candidates with the same labels: one walk over each parsed
text (``walk``, the enumeration of ``learn.instances._doc_instances``) yields the candidate, from
which A takes its features and B its marked sentence, and the walk is checked against
``_doc_instances``. Models are fitted on the corpus only and scored on the gold files with
``learn.metrics.score``. Corpus lines that fail the corpus check (a file still being written) are
left out and counted. Needs scikit-learn (the ``train`` extra); CPU only; minutes.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from ..detect.lexicon import Lexicon
from ..text import normalise
from .corpus import Checker, corpus_files
from .corpus import Example as CorpusExample
from .instances import Instance, Labelled, _features, from_examples, from_gold, walk
from .labels import LabelInfo, load_labels
from .metrics import ModelScore, predict, score
from .session import Session
from .train import DEFAULTS, SEED, as_model, corpus_hash, fit, save

OPEN, CLOSE = "[[", "]]"
DEV = (Path("tests/gold/wcep.jsonl"), Path("tests/gold/re3d.jsonl"))


@dataclass(frozen=True, slots=True)
class Marked:
    """A candidate's sentence in the pipeline's tokens, its trigger tokens between ``[[`` and ``]]``."""

    words: tuple[str, ...]
    spaces: tuple[bool, ...]

    @property
    def text(self) -> str:
        return "".join(w + (" " if s else "") for w, s in zip(self.words, self.spaces, strict=True))


@dataclass(frozen=True, slots=True)
class Cand:
    """One candidate as both families see it: A's instance (features, label) and B's sentence."""

    instance: Instance
    marked: Marked
    sentence: str  # the unmarked sentence, for the bare-parse reference time


# --- the candidates -------------------------------------------------------------------------------

def mark(doc: Doc, head: int, start: int, end: int) -> Marked:
    """The sentence of ``doc[head]`` (widened to hold the trigger) with ``doc[start:end]`` marked."""
    sent = doc[head].sent
    words: list[str] = []
    spaces: list[bool] = []
    for token in doc[min(sent.start, start):max(sent.end, end)]:
        if token.i == start:
            words.append(OPEN)
            spaces.append(True)
        words.append(token.text)
        spaces.append(bool(token.whitespace_) or token.i == end - 1)
        if token.i == end - 1:
            words.append(CLOSE)
            spaces.append(True)
    return Marked(tuple(words), tuple(spaces))


def doc_candidates(item: Labelled, doc: Doc, lexicon: Lexicon, people: frozenset[str],
                   labels: dict[str, LabelInfo], verbs: tuple[frozenset[str], frozenset[str]]
                   ) -> list[Cand]:
    out = []
    for head, start, end, match, label in walk(item, doc, lexicon, people, labels, *verbs):
        instance = Instance(_features(doc[head], start, end, match), label, item.id)
        out.append(Cand(instance, mark(doc, head, start, end), doc[head].sent.text.strip()))
    return out


def parse(session: Session, items: Sequence[Labelled]) -> list[Doc]:
    texts = (normalise(item.text).text for item in items)
    return list(session.coder.nlp.pipe(texts, batch_size=64))


def build(session: Session, items: Sequence[Labelled], keep_docs: bool = False
          ) -> tuple[list[Cand], list[Doc]]:
    """Every candidate of ``items``, enumerated by ``learn.instances.walk`` as in training."""
    res = session.coder.resources
    docs = parse(session, items)
    labels = load_labels()
    out: list[Cand] = []
    for item, doc in zip(items, docs, strict=True):
        out += doc_candidates(item, doc, res.lexicon, res.people, labels,
                              (res.reporting_verbs, res.linking_verbs))
    return out, docs if keep_docs else []


# --- family B: spaCy textcat ----------------------------------------------------------------------

def _hash_cnn(width: int = 96) -> dict[str, Any]:
    return {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": width,
            "depth": 2, "embed_size": 2000, "window_size": 1, "maxout_pieces": 3,
            "subword_features": True}


ARCHITECTURES: dict[str, dict[str, Any]] = {
    "bow": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
            "no_output_layer": False, "length": 262144},
    "cnn": {"@architectures": "spacy.TextCatCNN.v2", "exclusive_classes": True, "tok2vec": _hash_cnn()},
    "ensemble": {"@architectures": "spacy.TextCatEnsemble.v2",
                 "linear_model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                                  "ngram_size": 2, "no_output_layer": False, "length": 262144},
                 "tok2vec": _hash_cnn(64)},
}
EPOCHS = {"bow": 6, "cnn": 4, "ensemble": 4}
NAMES = {"lr": "A: logistic regression (parse features)", "bow": "B: textcat TextCatBOW.v3",
         "cnn": "B: textcat TextCatCNN.v2", "ensemble": "B: textcat TextCatEnsemble.v2"}


def to_doc(nlp: Language, marked: Marked) -> Doc:
    return Doc(nlp.vocab, words=list(marked.words), spaces=list(marked.spaces))


def train_textcat(data: Sequence[Cand], arch: str, epochs: int, batch: int = 32,
                  drop: float = 0.2, log: Callable[[str], None] | None = None) -> Language:
    """A blank English pipeline with one exclusive ``textcat`` trained on ``data``'s marked sentences."""
    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    textcat = cast(TextCategorizer, nlp.add_pipe("textcat", config={"model": ARCHITECTURES[arch]}))
    labels = sorted({c.instance.label for c in data})
    for label in labels:
        textcat.add_label(label)
    examples = [Example.from_dict(to_doc(nlp, c.marked),
                                  {"cats": {lb: float(lb == c.instance.label) for lb in labels}})
                for c in data]
    optimizer = nlp.initialize(get_examples=lambda: examples[:500])
    rng = random.Random(SEED)
    began = time.perf_counter()
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for part in minibatch(examples, size=batch):
            nlp.update(list(part), sgd=optimizer, drop=drop, losses=losses)
        if log:
            log(f"  {arch} epoch {epoch + 1}/{epochs}: loss {losses.get('textcat', 0.0):.2f}, "
                f"{time.perf_counter() - began:.0f}s")
    return nlp


def textcat_predict(nlp: Language, marked: Sequence[Marked], batch: int = 256) -> list[str]:
    textcat = cast(TextCategorizer, nlp.get_pipe("textcat"))
    docs = (to_doc(nlp, m) for m in marked)
    return [max(doc.cats, key=lambda k: doc.cats[k]) for doc in textcat.pipe(docs, batch_size=batch)]


# --- measuring ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    family: str
    train_seconds: float
    size_bytes: int
    ms_per_1000: float  # model step: candidates and features (A) or marked docs (B), and predicting
    parse_ms_per_1000: float  # a bare nlp.pipe over the same sentences, in the same run
    scores: dict[str, ModelScore]


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def timed(step: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        step()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


@dataclass(frozen=True)
class Data:
    train: list[Cand]
    dev: dict[str, list[Cand]]
    dev_items: list[Labelled]
    parse_seconds: float
    note: str


def valid_examples(files: Sequence[Path], ontology: Any) -> tuple[list[CorpusExample], int]:
    """The examples of ``files`` that pass the corpus check, and how many lines were left out."""
    checker, seen = Checker(ontology), set()
    out, skipped = [], 0
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                except json.JSONDecodeError:
                    skipped += 1
                    continue
                if checker.problems(raw) or raw["id"] in seen:
                    skipped += 1
                    continue
                seen.add(raw["id"])
                fields = {k: v for k, v in raw.items() if k in CorpusExample.__slots__}
                out.append(CorpusExample(**fields, source_file=path.name))
    return out, skipped


def load_data(session: Session, corpus: Path, dev: Sequence[Path], cache: Path | None) -> Data:
    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            data: Data = pickle.load(handle)
        return data
    files = corpus_files(corpus)
    examples, skipped = valid_examples(files, session.coder.ontology)
    began = time.perf_counter()
    train, _ = build(session, list(from_examples(examples)))
    parse_seconds = time.perf_counter() - began
    dev_sets, dev_items = {}, []
    for path in dev:
        gold = list(from_gold(path))
        dev_sets[path.name], _ = build(session, gold)
        dev_items += gold
    note = (f"{len(examples)} corpus examples from {len(files)} files under {corpus} "
            f"({skipped} lines failing the corpus check left out), sha256 {corpus_hash(files)[:12]}")
    data = Data(train, dev_sets, dev_items, parse_seconds, note)
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump(data, handle)
    return data


@dataclass(frozen=True)
class Trained:
    """A fitted family: training time, size on disk, and how it labels candidates."""

    seconds: float
    size: int
    predict: Callable[[Sequence[Cand]], list[str]]
    step: Callable[[], object]  # the timed model step over the parsed dev texts


def train_family(family: str, data: Data, docs: Sequence[Doc], session: Session,
                 log: Callable[[str], None]) -> Trained:
    res = session.coder.resources
    labels, verbs = load_labels(), (res.reporting_verbs, res.linking_verbs)
    pairs = list(zip(data.dev_items, docs, strict=True))
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        if family == "lr":
            fitted = fit([c.instance for c in data.train], C=float(DEFAULTS["C"]),
                         min_count=int(DEFAULTS["min_count"]), max_iter=int(DEFAULTS["max_iter"]))
            seconds = time.perf_counter() - began
            model = as_model(fitted)
            save(model, fitted.features, Path(tmp))

            def predict_lr(cands: Sequence[Cand]) -> list[str]:
                return predict(model, [c.instance for c in cands])

            def step_lr() -> object:
                feats = [Instance(_features(doc[h], s, e, m), label, item.id) for item, doc in pairs
                         for h, s, e, m, label in walk(item, doc, res.lexicon, res.people, labels, *verbs)]
                return predict(model, feats)

            return Trained(seconds, dir_size(Path(tmp)), predict_lr, step_lr)
        nlp = train_textcat(data.train, family, EPOCHS[family], log=log)
        seconds = time.perf_counter() - began
        nlp.to_disk(tmp)

        def predict_textcat(cands: Sequence[Cand]) -> list[str]:
            return textcat_predict(nlp, [c.marked for c in cands])

        def step_textcat() -> object:
            marked = [mark(doc, h, s, e) for item, doc in pairs
                      for h, s, e, _, _ in walk(item, doc, res.lexicon, res.people, labels, *verbs)]
            return textcat_predict(nlp, marked)

        return Trained(seconds, dir_size(Path(tmp)), predict_textcat, step_textcat)


def run(corpus: Path, dev: Sequence[Path], families: Sequence[str], cache: Path | None = None,
        log: Callable[[str], None] = lambda s: None) -> tuple[Data, list[Row]]:
    session = Session.load()
    data = load_data(session, corpus, dev, cache)
    log(data.note)
    log(f"corpus candidates {len(data.train)}; dev " +
        ", ".join(f"{k} {len(v)}" for k, v in data.dev.items()) + f"; parse {data.parse_seconds:.0f}s")
    docs = parse(session, data.dev_items)
    every = [c for cands in data.dev.values() for c in cands]
    sentences = [c.sentence for c in every]
    per_1000 = 1000 / len(every)

    def bare_parse() -> None:
        for _ in session.coder.nlp.pipe(sentences, batch_size=64):
            pass

    rows = []
    for family in families:
        log(f"{NAMES[family]} ...")
        trained = train_family(family, data, docs, session, log)
        scores = {name: score([c.instance.label for c in cands], trained.predict(cands))
                  for name, cands in data.dev.items()}
        model_seconds = timed(trained.step)
        parse_seconds = timed(bare_parse)
        rows.append(Row(family, trained.seconds, trained.size, 1000 * model_seconds * per_1000,
                        1000 * parse_seconds * per_1000, scores))
        log(f"  trained in {trained.seconds:.0f}s; " + "; ".join(
            f"{k} acc {s.accuracy:.3f} macro {s.macro_f1:.3f}" for k, s in scores.items()))
    return data, rows


def table(rows: Sequence[Row]) -> str:
    head = ("| family | dev | n | accuracy | weighted F1 | macro F1 | detect P | detect R | type acc |\n"
            "|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
    body = ""
    for row in rows:
        for name, s in row.scores.items():
            body += (f"| {NAMES[row.family]} | {name} | {s.n} | {s.accuracy:.3f} | {s.weighted_f1:.3f} | "
                     f"{s.macro_f1:.3f} | {s.detect_precision:.3f} | {s.detect_recall:.3f} | "
                     f"{s.type_accuracy:.3f} |\n")
    cost = ("\n| family | training s | predict ms / 1,000 cands | bare nlp.pipe ms / 1,000 | ratio | "
            "size on disk |\n|---|---:|---:|---:|---:|---:|\n")
    for row in rows:
        cost += (f"| {NAMES[row.family]} | {row.train_seconds:.0f} | {row.ms_per_1000:.0f} | "
                 f"{row.parse_ms_per_1000:.0f} | {row.ms_per_1000 / row.parse_ms_per_1000:.2f} | "
                 f"{row.size_bytes / 1e6:.2f} MB |\n")
    return head + body + cost


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.learn.compare")
    parser.add_argument("--corpus", type=Path, default=Path("corpus/written"))
    parser.add_argument("--dev", type=Path, nargs="+", default=list(DEV))
    parser.add_argument("--families", nargs="+", default=["lr", *ARCHITECTURES],
                        choices=["lr", *ARCHITECTURES])
    parser.add_argument("--cache", type=Path, default=None,
                        help="pickle of the parsed candidates, written once and reused")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()

    data, rows = run(args.corpus, args.dev, args.families, args.cache, log)
    sys.stdout.write(data.note + "\n")
    sys.stdout.write(f"corpus candidates: {len(data.train)}; dev candidates: " +
                     ", ".join(f"{k} {len(v)}" for k, v in data.dev.items()) + "\n\n")
    sys.stdout.write(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
