"""Load test of ``sitrep serve`` on loopback: a store of N events (default 100,000: the bundled
samples coded once, then copied with shifted dates and places), a real uvicorn server in its own
process, and R requests (default 5,000) from C concurrent clients (default 16) mixing
``/v1/events`` queries (filters, sorts, pages), ``/v1/map``, ``/v1/stats``, one-event views and
``/v1/code`` calls. Reports p50/p99 latency per kind of request, errors (any non-2xx answer or
failed connection), and the server's resident memory after the warm-up quarter and at the end.
Writes bench/serve_results.md. Usage::

    python bench/bench_serve.py [--events 100000] [--requests 5000] [--clients 16]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

from sitrep.ingest import ingest
from sitrep.pipeline import Coder
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.web.server import running_server  # noqa: E402

COUNTRIES = ["IRQ", "NGA", "UKR", "KEN", "USA", None, None]
TYPES = ["Battles", "Explosions/Remote violence", "Protests", "Riots", None, None]
SORTS = ["-date", "date", "-fatalities"]
CODE_TEXTS = [
    "Gunmen killed 12 villagers in an attack on Tuesday in Zamfara state, police said.",
    "Thousands of protesters marched through Nairobi on Thursday against the finance bill.",
    "A drone strike hit an apartment block in Kharkiv overnight, wounding five people.",
]


def build_store(path: Path, events: int) -> int:
    """The samples coded into ``path``, then their events copied until ``events`` are stored."""
    with Store(path) as store:
        ingest([str(ROOT / "samples" / "*.txt")], store, Coder.load())
        con = store.cursor()
        base = int(con.execute("SELECT count(*) FROM events").fetchone()[0])  # type: ignore[index]
        copies = max(events // base, 1)
        con.execute("CREATE TEMP TABLE k AS SELECT range AS k FROM range(1, ?)", [copies])
        con.execute("""INSERT INTO events SELECT e.* REPLACE (id || '~' || k AS id,
            event_date + (k % 720)::INTEGER AS event_date,
            date_earliest + (k % 720)::INTEGER AS date_earliest,
            date_latest + (k % 720)::INTEGER AS date_latest,
            false AS main) FROM events e, k WHERE NOT contains(id, '~')""")
        con.execute("""INSERT INTO event_places SELECT p.* REPLACE (event_id || '~' || k AS event_id,
            lat + ((hash(event_id || k) % 2000)::DOUBLE / 1000 - 1) * 2 AS lat,
            lon + ((hash(k || event_id) % 2000)::DOUBLE / 1000 - 1) * 2 AS lon)
            FROM event_places p, k WHERE NOT contains(event_id, '~')""")
        for table in ("event_actors", "event_mentions"):
            con.execute(f"""INSERT INTO {table} SELECT t.* REPLACE (event_id || '~' || k AS event_id)
                FROM {table} t, k WHERE NOT contains(event_id, '~')""")
        total = int(con.execute("SELECT count(*) FROM events").fetchone()[0])  # type: ignore[index]
        con.close()
    return total


def plan(n: int, ids: list[str], seed: int = 7) -> list[tuple[str, str, dict[str, Any]]]:
    """``n`` requests: (kind, path, params or JSON body)."""
    rng = random.Random(seed)
    out: list[tuple[str, str, dict[str, Any]]] = []
    for _ in range(n):
        roll = rng.random()
        filters = {k: v for k, v in (("country", rng.choice(COUNTRIES)),
                                     ("type", rng.choice(TYPES))) if v}
        if roll < 0.55:
            filters |= {"sort": rng.choice(SORTS), "offset": rng.randrange(0, 500),
                        "limit": 50}
            out.append(("events", "/v1/events", filters))
        elif roll < 0.70:
            out.append(("map", "/v1/map", filters | {"zoom": rng.randrange(1, 9)}))
        elif roll < 0.82:
            out.append(("stats", "/v1/stats", filters | {"period": rng.choice(["day", "week"])}))
        elif roll < 0.92:
            out.append(("event", f"/v1/events/{rng.choice(ids)}", {}))
        else:
            out.append(("code", "/v1/code", {"text": rng.choice(CODE_TEXTS),
                                             "published": "2024-05-01"}))
    return out


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def run_load(url: str, requests: list[tuple[str, str, dict[str, Any]]], clients: int,
                   pid: int) -> tuple[dict[str, list[float]], dict[str, int], list[float]]:
    queue: asyncio.Queue[tuple[int, tuple[str, str, dict[str, Any]]]] = asyncio.Queue()
    for item in enumerate(requests):
        queue.put_nowait(item)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    memory: list[float] = []
    marks = {len(requests) * q // 4 for q in (1, 2, 3)}  # memory read at each quarter

    async def client(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            index, (kind, path, params) = queue.get_nowait()
            started = time.perf_counter()
            try:
                if kind == "code":
                    answer = await http.post(url + path, json=params)
                else:
                    answer = await http.get(url + path, params=params)
                ok = answer.status_code < 300
            except httpx.HTTPError:
                ok = False
            latencies[kind].append(time.perf_counter() - started)
            if not ok:
                errors[kind] += 1
            if index in marks:
                memory.append(rss_mb(pid))

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(timeout=120, limits=limits) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    memory.append(rss_mb(pid))
    return latencies, errors, memory


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def report(args: argparse.Namespace, total: int, latencies: dict[str, list[float]],
           errors: dict[str, int], memory: list[float], elapsed: float) -> str:
    every = [x for v in latencies.values() for x in v]
    lines = [f"# `sitrep serve` load test ({time.strftime('%Y-%m-%d')})", "",
             f"{len(every):,} requests from {args.clients} concurrent clients on loopback, "
             f"store of {total:,} events; {len(every) / elapsed:.0f} requests/s overall, "
             f"{sum(errors.values())} errors.", "",
             "| kind | requests | p50 ms | p99 ms | errors |", "|---|---|---|---|---|"]
    for kind in sorted(latencies):
        v = latencies[kind]
        lines.append(f"| {kind} | {len(v)} | {pct(v, .5):.1f} | {pct(v, .99):.1f} | "
                     f"{errors.get(kind, 0)} |")
    lines.append(f"| all | {len(every)} | {pct(every, .5):.1f} | {pct(every, .99):.1f} | "
                 f"{sum(errors.values())} |")
    lines += ["", "Server resident memory after each quarter of the requests: "
              + ", ".join(f"{m:.0f}" for m in memory) + " MB; over the second half "
              f"{memory[-1] - memory[len(memory) // 2 - 1]:+.0f} MB.",
              "Median of the per-kind p50s: "
              f"{statistics.median(pct(v, .5) for v in latencies.values()):.1f} ms."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "serve_results.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.duckdb"
        total = build_store(db, args.events)
        with Store(db, read_only=True) as store:
            ids = [e.id for e in store.events(limit=2000, sort="-date")]
        with running_server(db, token="bench-token") as server:
            httpx.post(f"{server.url}/v1/code", json={"text": CODE_TEXTS[0]}, timeout=120)
            started = time.perf_counter()
            lat, err, mem = asyncio.run(run_load(server.url, plan(args.requests, ids),
                                                 args.clients, server.pid))
            elapsed = time.perf_counter() - started
    text = report(args, total, lat, err, mem, elapsed)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
