"""The one boundary where exceptions become HTTP answers: every error is JSON
``{"error": {"code", "message", "status"}}`` with a catalogue code, 4xx for the caller's
mistakes, and a 500 only for a fault of sitrep's own (logged, never with a traceback shown)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import E, SitrepError

log = logging.getLogger("sitrep.web")

# Catalogue codes caused by what the caller sent, and the status each answers with. Any other
# SitrepError (a missing data file, a store that cannot be opened) is the server's: 500.
STATUS: dict[str, int] = {
    "E002": 400, "E003": 400, "E004": 413, "E011": 400, "E012": 400,
    "E400": 400, "E401": 413, "E402": 400, "E403": 400, "E404": 400, "E405": 400, "E406": 400,
    "E407": 400, "E408": 400, "E409": 502, "E412": 400, "E416": 400, "E418": 413, "E420": 400,
    "E700": 413, "E701": 401, "E702": 403, "E703": 404, "E704": 503, "E705": 422, "E706": 406,
    "E708": 404, "E709": 405,
}


def status_of(error: SitrepError) -> int:
    return STATUS.get(error.code, 500)


def error_body(error: SitrepError, status: int) -> dict[str, Any]:
    message = str(error).removeprefix(f"[{error.code}] ")
    return {"error": {"code": error.code, "message": message, "status": status}}


def error_response(error: SitrepError, headers: dict[str, str] | None = None) -> JSONResponse:
    status = status_of(error)
    if error.code == "E701":
        headers = {"WWW-Authenticate": "Bearer", **(headers or {})}
    return JSONResponse(error_body(error, status), status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into a catalogued JSON error."""
    app.add_exception_handler(SitrepError, _on_sitrep_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _on_http)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _on_unexpected)


async def _on_sitrep_error(request: Request, exc: SitrepError) -> JSONResponse:
    if status_of(exc) >= 500:
        log.error("%s %s failed: %s", request.method, request.url.path, exc)
    return error_response(exc)


async def _on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
        problems.append(f"{where}: {err.get('msg', 'invalid')}")
    return error_response(SitrepError(E.E705, cause="; ".join(problems) or "invalid input"))


async def _on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    if exc.status_code == 404:
        error = SitrepError(E.E708, method=request.method, path=request.url.path)
    elif exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "another method")
        error = SitrepError(E.E709, method=request.method, path=request.url.path, allowed=allowed)
    else:
        error = SitrepError(E.E705, cause=str(exc.detail))
        return JSONResponse(error_body(error, exc.status_code), status_code=exc.status_code)
    return error_response(error)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s failed", request.method, request.url.path)
    error = SitrepError(E.E799, method=request.method, path=request.url.path,
                        cause=type(exc).__name__)
    return JSONResponse(error_body(error, 500), status_code=500)
