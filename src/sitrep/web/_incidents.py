"""Incident routes: real-world events merged from their reports, and threads of linked
incidents (``sitrep incidents``, ``sitrep chain``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ..errors import E, SitrepError
from ..incidents import query as incident_query
from ..store import query
from ._deps import Filters, filters, page_size, service
from ._service import Service

router = APIRouter(prefix="/v1")
Svc = Annotated[Service, Depends(service)]
Flt = Annotated[Filters, Depends(filters)]


@router.get("/incidents", summary="Incidents with a report matching the filters, by date")
def incidents(svc: Svc, flt: Flt,
              limit: Annotated[int | None, Query(ge=0)] = None,
              offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    size = page_size(svc, limit)
    sel = query.EventFilter.build(**flt.given())
    with svc.reader() as con:
        found = incident_query.incidents_for(con, sel)
    page = found[offset:offset + size]
    return {"total": len(found), "limit": size, "offset": offset,
            "incidents": [i.to_dict() | {"report_ids": [r.event_id for r in i.reports]}
                          for i in page]}


@router.get("/incidents/{ident}", summary="One incident (by its id or a member event's id)")
def incident(svc: Svc, ident: str) -> dict[str, Any]:
    with svc.reader() as con:
        found = incident_query.incident_of(con, ident)
        if found is None:
            raise SitrepError(E.E703, kind="incident", ident=ident)
        item = incident_query.load(con, [found])[0]
    return item.to_dict() | {"reports": [r.to_dict() for r in item.reports]}


@router.get("/chains/{ident}", summary="The thread of linked incidents of an event or incident")
def chain(svc: Svc, ident: str) -> dict[str, Any]:
    with svc.reader() as con:
        thread = incident_query.chain(con, ident)
    if thread is None:
        raise SitrepError(E.E703, kind="incident", ident=ident)
    return thread.to_dict()
