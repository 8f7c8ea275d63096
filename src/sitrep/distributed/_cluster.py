"""Connecting to a Dask cluster: a scheduler's address, or ``local:N`` for N local workers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import E, SitrepError

_LOCAL = re.compile(r"local(?::(\d+))?$")
# Dask's statistical profiler samples each running task's stack every 10 ms; on spaCy's deep
# stacks that cost about a fifth of the coding time. The nanny's MALLOC_TRIM_THRESHOLD_ (which
# also fixes glibc's mmap threshold) cost about 8% more. Both measured with bench/bench_dask.py.
WORKER_CONFIG = {"distributed.worker.profile.enabled": False,
                 "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


def local_workers(spec: str) -> int | None:
    """N for ``local:N`` (``local`` alone is 2 workers), None for a scheduler address."""
    match = _LOCAL.match(spec.strip())
    if not match:
        return None
    n = int(match.group(1) or 2)
    if n < 1:
        raise SitrepError(E.E422, address=spec, cause="local:N needs N >= 1")
    return n


@contextmanager
def connect(spec: str, timeout: float = 30.0, processes: bool = True) -> Iterator[Any]:
    """A ``distributed.Client`` for ``spec``; a ``local:N`` cluster is closed on exit."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise SitrepError(E.E413, feature="--cluster", package="'sitrep[dask]'") from exc
    n = local_workers(spec)
    if n is not None:
        with dask.config.set(WORKER_CONFIG), \
                LocalCluster(n_workers=n, threads_per_worker=1, processes=processes,
                             dashboard_address=":0", host="127.0.0.1") as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(spec, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SitrepError(E.E422, address=spec, cause=exc) from exc
    with client:
        yield client
