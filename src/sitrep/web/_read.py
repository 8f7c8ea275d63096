"""Read routes: events (a page, or a file in any export format), one event with its source
text and spans, documents, filtered statistics and the map's grid cells."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query
from fastapi.responses import StreamingResponse

from .. import __version__
from ..errors import E, SitrepError
from ..incidents import query as incident_query
from ..records import Event
from ..store import aggregate, query
from ..store.export import LAYOUTS
from . import _formats
from ._deps import Filters, filters, page_size, service
from ._service import Service
from ._spans import event_spans

router = APIRouter(prefix="/v1")
Svc = Annotated[Service, Depends(service)]
Flt = Annotated[Filters, Depends(filters)]


@router.get("/health", summary="Whether the server is up, and what it serves")
def health(svc: Svc) -> dict[str, Any]:
    with svc.reader() as con:
        row = con.execute("SELECT count(*) FROM events").fetchone()
    return {"status": "ok", "version": __version__, "events": int(row[0]) if row else 0,
            "read_only": svc.settings.read_only}


@router.get("/events", summary="Events matching the filters: a page of records, or a file")
def events(svc: Svc, flt: Flt,
           limit: Annotated[int | None, Query(ge=0, description="page size")] = None,
           offset: Annotated[int, Query(ge=0)] = 0,
           sort: Annotated[str, Query(description="date, -date, fatalities, -fatalities")] = "-date",
           format: Annotated[str | None, Query(description="json, jsonl, csv, tsv, geojson, "
                                                         "parquet (else the Accept header)")] = None,
           layout: Annotated[str, Query(description="native, acled, gdelt, gdelt_mentions")] = "native",
           accept: Annotated[str | None, Header()] = None) -> Any:
    fmt = _formats.negotiate(format, accept)
    if layout not in LAYOUTS:
        raise SitrepError(E.E412, name="layout", value=layout, choices=", ".join(LAYOUTS))
    if fmt == "json":
        return _page(svc, flt, limit, offset, sort)
    return _file(svc, flt, limit, offset, sort, fmt, layout)


def _page(svc: Service, flt: Filters, limit: int | None, offset: int, sort: str) -> dict[str, Any]:
    size = page_size(svc, limit)
    sel = query.EventFilter.build(limit=size, offset=offset, sort=sort, **flt.given())
    with svc.reader() as con:
        found = query.load_events(con, sel)
        total = query.count(con, sel)
    return {"total": total, "limit": size, "offset": offset, "sort": sort,
            "events": [e.to_dict() for e in found]}


def _file(svc: Service, flt: Filters, limit: int | None, offset: int, sort: str, fmt: str,
          layout: str) -> StreamingResponse:
    """Every matching event (or the page asked for) as a file, written as it is read."""
    sel = query.EventFilter.build(limit=limit, offset=offset, sort=sort, **flt.given())
    with svc.reader() as con:
        fh = _formats.write_file(con, query.iter_events(con, sel), fmt, layout)
    ext = {"jsonl": "jsonl", "geojson": "geojson"}.get(fmt, fmt)
    return StreamingResponse(_formats.stream(fh), media_type=_formats.MEDIA[fmt], headers={
        "Content-Disposition": f'attachment; filename="sitrep-events-{layout}.{ext}"'})


@router.get("/events/{event_id}", summary="One event, its document text and every field's span")
def event(svc: Svc, event_id: str) -> dict[str, Any]:
    with svc.reader() as con:
        found = query.load_by_ids(con, [event_id])
        if not found:
            raise SitrepError(E.E703, kind="event", ident=event_id)
        record = found[0]
        doc = query.document(con, record.doc_id)
        incident = incident_query.incident_of(con, event_id)
        reports = incident_query.load(con, [incident])[0].reports if incident else []
        links = _links(con, record)
    text = doc.text if doc else ""
    return {"event": record.to_dict(), "document": _doc_dict(doc),
            "spans": [s.to_dict() for s in event_spans(record, text)],
            "incident_id": incident,
            "reports": [r.to_dict() for r in reports if r.event_id != event_id],
            "links": links}


def _links(con: Any, record: Event) -> list[dict[str, Any]]:
    """The events this one is linked to, each with its relation, direction and evidence."""
    found = incident_query.links(con, [record.id])
    others = {e.id: e for e in query.load_by_ids(
        con, [k.to_id if k.from_id == record.id else k.from_id for k in found])}
    out = []
    for k in found:
        later = k.from_id == record.id  # this event is the later one: it answers or follows
        other = others.get(k.to_id if later else k.from_id)
        if other is None:
            continue
        out.append({"relation": k.relation, "direction": "earlier" if later else "later",
                    "event_id": other.id, "evidence": k.evidence,
                    "event_date": other.event_date.isoformat() if other.event_date else None,
                    "trigger": other.trigger.text, "acled_event_type": other.acled_event_type,
                    "sentence": other.sentence})
    return out


def _doc_dict(doc: Any) -> dict[str, Any] | None:
    if doc is None:
        return None
    return {"id": doc.id, "title": doc.title, "url": doc.url, "source": doc.source,
            "published": doc.published.isoformat() if doc.published else None, "text": doc.text}


@router.get("/documents/{doc_id}", summary="One stored document, with its events")
def document(svc: Svc, doc_id: str) -> dict[str, Any]:
    with svc.reader() as con:
        doc = query.document(con, doc_id)
        if doc is None:
            raise SitrepError(E.E703, kind="document", ident=doc_id)
        ids = [r[0] for r in con.execute(
            "SELECT id FROM events WHERE doc_id = ? ORDER BY trigger_start, id", [doc_id]).fetchall()]
        found = query.load_by_ids(con, ids)
    return (_doc_dict(doc) or {}) | {"events": [e.to_dict() for e in found]}


@router.get("/stats", summary="Events and fatalities by period, country and type, filtered")
def stats(svc: Svc, flt: Flt,
          period: Annotated[str, Query(description="day, week or month")] = "day") -> dict[str, Any]:
    sel = query.EventFilter.build(**flt.given())
    with svc.reader() as con:
        found = aggregate.summary(con, sel, period).to_dict()
    names = svc.country_names()
    found["country_names"] = {c: names[c] for c, _, _ in found["by_country"] if c in names}
    return found


@router.get("/map", summary="Events grouped into map grid cells sized for a zoom level")
def map_cells(svc: Svc, flt: Flt,
              zoom: Annotated[int, Query(ge=0, le=aggregate.MAX_ZOOM)] = 2) -> dict[str, Any]:
    sel = query.EventFilter.build(**flt.given())
    with svc.reader() as con:
        return aggregate.grid(con, sel, zoom).to_dict()


@router.get("/types", summary="The names the type filter accepts")
def types() -> dict[str, Any]:
    return {"types": query.event_types()}
