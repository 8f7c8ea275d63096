"""``sitrep serve``: the HTTP API and web app over a store (FastAPI under uvicorn)."""

from __future__ import annotations

import argparse
import errno
import os
import socket
from typing import Any

from ..errors import E, SitrepError
from ..store import DEFAULT_PATH
from ._safe import plain

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="serve the store: HTTP API and offline web app",
                       description="Serve a store over HTTP: a JSON API (OpenAPI at /docs) and a "
                       "web app (map, timeline, filters, events with their source text) at /. "
                       "Read-only unless a token is given (--token or SITREP_TOKEN); writes "
                       "then need 'Authorization: Bearer TOKEN'. Needs sitrep[web].")
    p.add_argument("--db", default=DEFAULT_PATH, metavar="PATH",
                   help=f"store file (default ./{DEFAULT_PATH})")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", default=None,
                   help="bearer token that allows writes (default: $SITREP_TOKEN; none: read-only)")
    p.add_argument("--max-body-bytes", type=int, default=None, metavar="N",
                   help="largest request body accepted (default 4,000,000)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="longest a request may run (default 60)")
    p.add_argument("--default-limit", type=int, default=None, metavar="N",
                   help="events per page when a request gives no limit (default 50)")
    p.add_argument("--max-limit", type=int, default=None, metavar="N",
                   help="largest page a request may ask for (default 1000)")
    p.add_argument("--max-chars", type=int, default=None, metavar="N",
                   help="longest text /v1/code and /v1/documents take (default 200,000)")
    p.add_argument("--model", help="spaCy pipeline for coding (default: the English model)")
    p.add_argument("--kb", action="append", default=None, metavar="FILE",
                   help="extra knowledge-base file for coding (repeatable)")
    p.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..web import Settings, create_app
    except ImportError as exc:
        raise SitrepError(E.E413, feature="sitrep serve", package=exc.name or "fastapi") from exc
    settings = Settings.from_env(os.environ, db=args.db, host=args.host, port=args.port,
                                 token=args.token, max_body_bytes=args.max_body_bytes,
                                 timeout=args.timeout, default_limit=args.default_limit,
                                 max_limit=args.max_limit, max_chars=args.max_chars,
                                 model=args.model, kb=args.kb)
    if settings.read_only and not os.path.exists(settings.db):
        raise SitrepError(E.E410, path=settings.db, cause="no such file; fill one with "
                          "`sitrep ingest`, or pass --token to serve a new, writable store")
    _check_port(settings.host, settings.port)
    app = create_app(settings)
    _announce(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning",
                access_log=False, timeout_graceful_shutdown=5)
    return 0


def _check_port(host: str, port: int) -> None:
    """E707 before anything loads when the address cannot be bound (in use, not ours)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            cause = "the port is in use" if exc.errno == errno.EADDRINUSE else exc.strerror
            raise SitrepError(E.E707, host=host, port=port, cause=cause or exc) from exc


def _announce(settings: Any) -> None:
    where = f"http://{settings.host}:{settings.port}/"
    mode = "read-only" if settings.read_only else "writes need the bearer token"
    print(f"sitrep: serving {plain(settings.db)} at {where} ({mode}); API docs at {where}docs; "
          "Ctrl+C stops", flush=True)
    if settings.host not in _LOOPBACK:
        print(f"sitrep: note: listening on {settings.host}, reachable from other machines",
              flush=True)
