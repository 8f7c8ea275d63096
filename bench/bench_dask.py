"""Benchmark: distributed ingest on a local Dask cluster against the single-process path.

Writes N articles (as ``bench_ingest.py`` does) to a JSONL file and, in each round, ingests
them into a fresh store three ways, in turn: ``sitrep.ingest.ingest`` in this process (the
coder loaded once beforehand), and ``ingest_distributed`` on a ``LocalCluster`` of 1 and of 2
worker processes (each worker's coder loaded once beforehand; cluster start and coder loading
are timed apart, not in the run). Prints, as medians over the rounds:

* articles/s of each path and the speed-up of 1 and 2 workers over one process;
* the overhead per batch: wall time of a 1-worker run minus the coding time its worker
  reported, divided by the batches (reading, hashing, scheduling, Parquet write, merge), and
  its share of the coding time; the Parquet write and DuckDB merge shares on their own; the
  round trip of an empty task through the scheduler;
* resident memory per worker process after the runs, and of this (client) process.

Usage::

    python bench/bench_dask.py [--n 800] [--batch 200] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dask
import psutil
from distributed import Client, LocalCluster

from sitrep.distributed._cluster import WORKER_CONFIG
from sitrep.distributed.run import ClusterStats, ingest_distributed, load_coder
from sitrep.ingest import ingest
from sitrep.pipeline import Coder
from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import write_corpus  # noqa: E402


def load() -> Coder:
    return Coder.load()


def rss_mb() -> float:
    return psutil.Process(os.getpid()).memory_info().rss / 1e6


def timed(job: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = job()
    return time.perf_counter() - start, result


def cpu_seconds() -> float:
    times = psutil.Process(os.getpid()).cpu_times()
    return float(times.user + times.system)


def single(coder: Coder, corpus: Path, tmp: Path, batch: int, extra: dict[str, Any]) -> float:
    load, cpu = os.getloadavg()[0], cpu_seconds()
    with Store(tmp / "single.duckdb") as store:
        seconds, _ = timed(lambda: ingest([corpus], store, coder, commit_every=batch))
    extra["runs"].append(("single", seconds, cpu_seconds() - cpu, load, os.getloadavg()[0]))
    return seconds


def distributed_run(client: Client, corpus: Path, tmp: Path, batch: int
                    ) -> tuple[float, ClusterStats]:
    stats = ClusterStats()
    with Store(tmp / "dask.duckdb") as store:
        seconds, _ = timed(lambda: ingest_distributed([corpus], store, client, load, tmp / "out",
                                                      batch_size=batch, stats=stats))
    return seconds, stats


def scheduler_round_trip(client: Client, n: int = 50) -> float:
    """Median seconds for an empty task to go to a worker and back."""
    times = []
    for i in range(n):
        started = time.perf_counter()
        client.submit(int, i, pure=False).result()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=800, help="number of articles")
    parser.add_argument("--batch", type=int, default=200, help="articles per batch")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    results: dict[str, list[float]] = {"single": [], "dask1": [], "dask2": []}
    extra: dict[str, Any] = {"stats": [], "memory": {}, "startup": {}, "runs": []}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus.jsonl"
        write_corpus(args.n, corpus)
        warm = tmp / "warm.jsonl"
        write_corpus(4, warm)
        coder = load()
        single(coder, warm, tmp, args.batch, {"runs": []})  # first use: not timed
        for r in range(args.rounds):
            here = tmp / f"single-{r}"
            here.mkdir()
            results["single"].append(single(coder, corpus, here, args.batch, extra))
            print(f"round {r + 1} single: {results['single'][-1]:.1f} s", flush=True)
            for w in (1, 2):  # one cluster at a time: idle Dask processes take CPU too
                here = tmp / f"dask{w}-{r}"
                here.mkdir()
                results[f"dask{w}"].append(on_cluster(w, warm, corpus, here, args, extra))
                print(f"round {r + 1} dask{w}: {results[f'dask{w}'][-1]:.1f} s", flush=True)
    extra["client_mb"] = rss_mb()
    report(args, results, extra)
    return 0


def on_cluster(workers: int, warm: Path, corpus: Path, tmp: Path, args: argparse.Namespace,
               extra: dict[str, Any]) -> float:
    """Start a cluster, load the coder, warm up (not timed); time one distributed ingest."""
    started = time.perf_counter()
    with dask.config.set(WORKER_CONFIG), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         dashboard_address=":0", host="127.0.0.1") as cluster, \
            Client(cluster) as client:
        up = time.perf_counter()
        load_coder(client, load)
        extra["startup"][workers] = (up - started, time.perf_counter() - up)
        (tmp / "warm").mkdir()
        distributed_run(client, warm, tmp / "warm", 1)
        before, cpu = os.getloadavg()[0], cpu_seconds() + sum(client.run(cpu_seconds).values())
        seconds, stats = distributed_run(client, corpus, tmp, args.batch)
        cpu = cpu_seconds() + sum(client.run(cpu_seconds).values()) - cpu
        extra["runs"].append((f"dask{workers}", seconds, cpu, before, os.getloadavg()[0]))
        extra["stats"].append((workers, seconds, stats))
        extra["memory"][workers] = sorted(client.run(rss_mb).values())
        if workers == 1:
            extra["round_trip"] = scheduler_round_trip(client)
    return seconds


def report(args: argparse.Namespace, results: dict[str, list[float]],
           extra: dict[str, Any]) -> None:
    n = args.n
    med = {k: statistics.median(v) for k, v in results.items()}
    print(f"\narticles: {n}, batch {args.batch}, median of {args.rounds} rounds, "
          f"{os.cpu_count()} cores")
    for name, label in (("single", "single process"), ("dask1", "dask, 1 worker"),
                        ("dask2", "dask, 2 workers")):
        print(f"{label:16}: {med[name]:7.1f} s  {n / med[name]:6.2f} articles/s  "
              f"x{med['single'] / med[name]:.2f}   runs {', '.join(f'{t:.1f}' for t in results[name])}")
    one = [(s, st) for w, s, st in extra["stats"] if w == 1]
    overhead = statistics.median((s - st.code_seconds) / max(st.batches, 1) for s, st in one)
    share = statistics.median((s - st.code_seconds) / st.code_seconds for s, st in one)
    write = statistics.median(st.write_seconds / st.code_seconds for _, st in one)
    merge = statistics.median(st.merge.seconds / st.code_seconds for _, st in one if st.merge)
    print(f"1 worker: overhead per batch {overhead:.2f} s = {100 * share:.1f}% of coding time "
          f"(Parquet write {100 * write:.2f}%, merge into DuckDB {100 * merge:.2f}%)")
    two = [(s, st) for w, s, st in extra["stats"] if w == 2]
    busy = statistics.median(st.code_seconds / (2 * s) for s, st in two)
    print(f"2 workers: coding kept the workers busy {100 * busy:.0f}% of the run's wall time")
    print(f"empty task round trip through the scheduler: {1000 * extra['round_trip']:.1f} ms")
    for w, (up, coder) in extra["startup"].items():
        print(f"{w} worker(s): cluster start {up:.1f} s, coder load on workers {coder:.1f} s, "
              f"worker RSS after the runs {', '.join(f'{m:.0f}' for m in extra['memory'][w])} MB")
    print(f"client process RSS {extra['client_mb']:.0f} MB")
    print("runs (the machine's 1-minute load average before -> after; other jobs count too):")
    for name, seconds, cpu, before, after in extra["runs"]:
        print(f"  {name:6} {seconds:6.1f} s  {n / seconds:5.2f} articles/s  CPU {cpu:6.1f} s "
              f"({n / cpu:5.2f} articles per CPU-second)  load {before:.2f} -> {after:.2f}")


if __name__ == "__main__":
    sys.exit(main())
