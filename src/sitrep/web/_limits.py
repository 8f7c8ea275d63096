"""Request size and time limits, as ASGI middleware around the whole app: a body over the
limit answers 413 (E700) before the route reads it, a request over the time limit 503 (E704)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import E, SitrepError
from ._errors import error_body, status_of


class Limits:
    """Refuse bodies over ``max_body_bytes`` and abandon requests over ``timeout`` seconds."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, timeout: float) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await _answer(send, SitrepError(E.E700, size=declared, limit=self.max_body_bytes))
            return
        body = await self._read_body(receive)
        if body is None:
            await _answer(send, SitrepError(E.E700, size=f"over {self.max_body_bytes}",
                                            limit=self.max_body_bytes))
            return
        started = False
        replayed = False

        async def replay() -> Message:  # the body read above, then whatever the client sends
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await asyncio.wait_for(self.app(scope, replay, tracked_send), self.timeout)
        except TimeoutError:
            if not started:
                await _answer(send, SitrepError(E.E704, limit=self.timeout))

    async def _read_body(self, receive: Receive) -> bytes | None:
        """The whole request body, or None once it passes the limit (it is not read on)."""
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return None
            parts.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(parts)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _answer(send: Send, error: SitrepError) -> None:
    status = status_of(error)
    body = json.dumps(error_body(error, status)).encode()
    headers: list[Any] = [(b"content-type", b"application/json"),
                          (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
