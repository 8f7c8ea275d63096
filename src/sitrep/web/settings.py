"""The server's settings, declared as data: every knob ``sitrep serve`` takes, with defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ..errors import E, SitrepError
from ..store.store import DEFAULT_PATH

LOOPBACK = "127.0.0.1"
TOKEN_ENV = "SITREP_TOKEN"


@dataclass(frozen=True, slots=True)
class Settings:
    """How one server runs. ``token`` None means read-only: every write answers 403."""

    db: str = DEFAULT_PATH
    host: str = LOOPBACK
    port: int = 8000
    token: str | None = field(default=None, repr=False)  # never printed
    max_body_bytes: int = 4_000_000  # a request body over this answers 413 (E700)
    timeout: float = 60.0  # seconds; a request running longer answers 503 (E704)
    default_limit: int = 50  # events per page when ``limit`` is not given
    max_limit: int = 1000  # the largest page ``limit`` may ask for
    max_chars: int = 200_000  # the longest text POST /v1/code and POST /v1/documents take
    model: str | None = None  # spaCy pipeline for coding (None: the default English model)
    kb: tuple[str, ...] = ()  # extra knowledge-base files for coding

    def __post_init__(self) -> None:
        checks = (("port", 0 <= self.port <= 65535, "use 0-65535"),
                  ("max_body_bytes", self.max_body_bytes > 0, "use a positive number"),
                  ("timeout", self.timeout > 0, "use a positive number of seconds"),
                  ("max_chars", self.max_chars > 0, "use a positive number"),
                  ("default_limit", 0 < self.default_limit <= self.max_limit,
                   f"use 1 to max_limit ({self.max_limit})"))
        for name, ok, cause in checks:
            if not ok:
                raise SitrepError(E.E710, name=name, value=getattr(self, name), cause=cause)

    @property
    def read_only(self) -> bool:
        return not self.token

    @classmethod
    def from_env(cls, env: Mapping[str, str], **given: Any) -> Settings:
        """Settings from keyword values (None means "not given"), the token from ``env``
        (``SITREP_TOKEN``) when none is given."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(given) - known)
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(unknown)}")
        values = {k: v for k, v in given.items() if v is not None}
        if "token" not in values and env.get(TOKEN_ENV):
            values["token"] = env[TOKEN_ENV]
        if "kb" in values:
            values["kb"] = tuple(values["kb"])
        return replace(cls(), **values)

    def describe(self) -> dict[str, Any]:
        """The settings as a caller may see them (the token never shown)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "token"} | {
            "read_only": self.read_only}
