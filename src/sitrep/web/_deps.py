"""What routes share: the service of the running app, and the event filters every list route
takes (validated by the store's ``EventFilter``, so a bad value is a 400 with E416)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated, Any

from fastapi import Query, Request

from ..errors import E, SitrepError
from ._service import Service


def page_size(svc: Service, limit: int | None) -> int:
    """The page a request asks for: ``limit``, else the server's default; never over its
    maximum (E416: page with offset, or ask for a file)."""
    size = svc.settings.default_limit if limit is None else limit
    if size > svc.settings.max_limit:
        raise SitrepError(E.E416, name="limit", value=size,
                          cause=f"at most {svc.settings.max_limit} per page; page with offset, "
                                "or ask for a file (format=csv, parquet, ...)")
    return size


def service(request: Request) -> Service:
    return request.app.state.service


@dataclass(frozen=True, slots=True)
class Filters:
    """The event filters of ``sitrep events``, as query parameters."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    type: str | None = None
    actor: str | None = None
    text: str | None = None
    bbox: str | None = None

    def given(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


def filters(
    since: Annotated[str | None, Query(description="events on or after this day, YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="events on or before this day, YYYY-MM-DD")] = None,
    country: Annotated[str | None, Query(description="ISO3, ISO2 or English name")] = None,
    admin1: Annotated[str | None, Query(description="first-level region, e.g. Baghdad")] = None,
    type: Annotated[str | None, Query(description="CAMEO prefix, PLOVER, ACLED (sub-)type")] = None,
    actor: Annotated[str | None, Query(description="part of an actor's name or text, or a "
                                                   "CAMEO actor code")] = None,
    text: Annotated[str | None, Query(description="part of the sentence or title")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
) -> Filters:
    return Filters(since, until, country, admin1, type, actor, text, bbox)
