"""Run ``sitrep serve`` in a subprocess on a free loopback port (for real-uvicorn tests, the
browser tests and the load bench)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx


@dataclass(frozen=True, slots=True)
class Served:
    """A running server: its base URL and process id."""

    url: str
    pid: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(db: str | Path, *extra: str, token: str | None = None,
                   wait: float = 120.0) -> Iterator[Served]:
    """A ``sitrep serve`` process on ``db`` (its URL and pid), stopped (SIGINT) afterwards."""
    port = free_port()
    env = dict(os.environ)
    env.pop("SITREP_TOKEN", None)
    if token:
        env["SITREP_TOKEN"] = token
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115  # closed below; a file, not a pipe
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port), *extra],
        env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(proc, url, wait, log)
        yield Served(url, proc.pid)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()


def _wait_until_up(proc: subprocess.Popen[str], url: str, wait: float, log: IO[str]) -> None:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"sitrep serve exited with {proc.returncode}: {log.read()}")
        try:
            if httpx.get(f"{url}/v1/health", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"sitrep serve did not answer at {url} within {wait} s")
