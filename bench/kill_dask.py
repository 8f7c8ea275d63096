"""Trials: SIGKILL a Dask worker in the middle of a distributed ingest; count lost and
duplicated rows against a single-process run of the same inputs.

Each trial starts a ``LocalCluster`` of two worker processes, ingests the test corpus of
``tests/distributed/helpers.py`` (N articles plus failing and repeated inputs) with the slowed
fake coder, and SIGKILLs one worker a random time (0-1 s) after the first batch file appears;
the nanny starts a new worker and Dask gives the lost batch to a live one. The finished store is
compared with the single-process store table by table. Usage::

    python bench/kill_dask.py [--trials 10] [--n 300]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from distributed import Client, LocalCluster

from sitrep.distributed import batch_files
from sitrep.distributed.run import ingest_distributed
from sitrep.ingest import ingest
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.distributed.helpers import corpus, slow_coder, snapshot  # noqa: E402
from tests.store.fake_coder import FakeCoder  # noqa: E402


def kill_later(out: Path, pid: int, delay: float, killed: list[int]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if out.is_dir() and batch_files(out):
            time.sleep(delay)
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
            return
        time.sleep(0.005)


def difference(expected: dict, got: dict) -> tuple[int, int]:
    """(lost, duplicated) rows over all tables."""
    lost = dup = 0
    for table, rows in expected.items():
        want, have = Counter(map(repr, rows)), Counter(map(repr, got[table]))
        lost += sum((want - have).values())
        dup += sum((have - want).values())
    return lost, dup


def trial(inputs: list[str], expected: dict, tmp: Path, rng: random.Random) -> str:
    out, killed = tmp / "out", []
    delay = rng.uniform(0.0, 1.0)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0", host="127.0.0.1") as cluster, \
            Client(cluster) as client:
        pid = rng.choice(list(client.run(os.getpid).values()))
        killer = threading.Thread(target=kill_later, args=(out, pid, delay, killed))
        killer.start()
        started = time.perf_counter()
        with Store(tmp / "d.duckdb") as store:
            ingest_distributed(inputs, store, client, slow_coder, out, batch_size=16)
        seconds = time.perf_counter() - started
        killer.join()
    lost, dup = difference(expected, snapshot(tmp / "d.duckdb"))
    ok = "ok" if killed and not lost and not dup else "FAIL"
    return (f"{ok}: killed={'yes' if killed else 'no (run ended first)'} delay={delay:.2f}s "
            f"run={seconds:.1f}s lost={lost} duplicated={dup}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args(argv)
    rng = random.Random(13)
    failures = 0
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        inputs = corpus(tmp, args.n)
        with Store(tmp / "clean.duckdb") as store:
            ingest(inputs, store, FakeCoder())
        expected = snapshot(tmp / "clean.duckdb")
        for i in range(args.trials):
            here = tmp / f"trial{i}"
            here.mkdir()
            line = trial(inputs, expected, here, rng)
            failures += not line.startswith("ok")
            print(f"trial {i + 1}: {line}", flush=True)
    print(f"{args.trials - failures} of {args.trials} trials: 0 lost, 0 duplicated rows")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
