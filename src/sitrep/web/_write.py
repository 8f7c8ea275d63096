"""Routes that code text: ``POST /v1/code`` (events of one text, nothing stored) and
``POST /v1/documents`` (ingest texts, URLs or files into the store; needs the bearer token)."""

from __future__ import annotations

import hmac
import json
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ..errors import E, SitrepError
from ..ingest import SourceOptions, ingest
from ..pipeline import make_document
from ._deps import service
from ._service import Service

router = APIRouter(prefix="/v1")
Svc = Annotated[Service, Depends(service)]


class CodeRequest(BaseModel):
    text: str = Field(description="the article text (may start with a front-matter block)")
    published: str | None = Field(None, description="publication date, YYYY-MM-DD")
    title: str | None = None


class DocumentIn(BaseModel):
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


class DocumentsRequest(BaseModel):
    documents: list[DocumentIn] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list, description="http(s) pages or feeds to fetch")


@router.post("/code", summary="Code one text: its events, exactly as sitrep.code returns them")
def code(svc: Svc, body: CodeRequest) -> dict[str, Any]:
    if len(body.text) > svc.settings.max_chars:
        raise SitrepError(E.E004, size=len(body.text), limit=svc.settings.max_chars)
    document = make_document(body.text, body.published)
    if body.title and not document.title:
        document = replace(document, title=body.title)
    with svc.coder() as coder:
        found = coder.code_document(document)
    return {"doc_id": document.id, "events": [e.to_dict() for e in found]}


def require_token(svc: Svc, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writes need ``Authorization: Bearer TOKEN`` matching the server's token (constant-time
    comparison); a server started without a token refuses every write."""
    expected = svc.settings.token
    if not expected:
        raise SitrepError(E.E702, what="writing to the store")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise SitrepError(E.E701, cause="no bearer token was sent")
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise SitrepError(E.E701, cause="the token sent is not the server's")


@router.post("/documents", dependencies=[Depends(require_token)],
             summary="Ingest texts, URLs or uploaded files into the store (bearer token)")
async def add_documents(svc: Svc, request: Request) -> dict[str, Any]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    with tempfile.TemporaryDirectory(prefix="sitrep-upload-") as tmp:
        if kind == "multipart/form-data":
            inputs = await _save_uploads(request, Path(tmp))
        else:
            inputs = _save_json(await request.body(), Path(tmp))
        if not inputs:
            raise SitrepError(E.E705, cause="no documents, urls or files were sent")
        return await run_in_threadpool(_ingest, svc, inputs)


def _save_json(raw: bytes, tmp: Path) -> list[str]:
    try:
        body = DocumentsRequest.model_validate_json(raw or b"{}")
    except ValueError as exc:
        raise SitrepError(E.E705, cause=_first_problem(exc)) from exc
    inputs = list(body.urls)
    if body.documents:
        path = tmp / "documents.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc in body.documents:
                fh.write(json.dumps(doc.model_dump(exclude_none=True), ensure_ascii=False) + "\n")
        inputs.append(str(path))
    return inputs


async def _save_uploads(request: Request, tmp: Path) -> list[str]:
    form = await request.form()
    inputs = []
    for i, (_key, value) in enumerate(form.multi_items()):
        if isinstance(value, str):
            continue
        name = Path(value.filename or f"upload-{i}.txt").name or f"upload-{i}.txt"
        target = tmp / f"{i:04d}-{name}"
        target.write_bytes(await value.read())
        inputs.append(str(target))
    return inputs


def _ingest(svc: Service, inputs: list[str]) -> dict[str, Any]:
    opts = SourceOptions(max_chars=svc.settings.max_chars)
    with svc.write_lock, svc.coder() as coder:
        report = ingest(inputs, svc.store, coder, opts)
    return {"stored": report.coded, "duplicates": report.duplicates, "failed": report.failed,
            "events": report.events,
            "errors": [{"source": Path(e.source).name if e.source else None, "code": e.code,
                        "message": e.message} for e in report.errors]}


def _first_problem(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg"))
    return str(exc)
