"""The application: the API routers, the web app's static files, the limits and the error
boundary, over one ``Service`` (the store and coder) for the process's lifetime."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import Store
from . import _errors, _incidents, _read, _write
from ._limits import Limits
from ._service import Service
from .settings import Settings

# Everything the pages load comes from this server: nothing from a CDN, a tile or font server.
CSP = ("default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self' 'unsafe-inline'; connect-src 'self'; font-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def static_dir() -> Path:
    return Path(str(files("sitrep.web").joinpath("static")))


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The FastAPI app for ``settings`` (the store at ``settings.db``, or ``store`` when given:
    tests pass an open one)."""
    settings = settings or Settings()
    service = Service(settings, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if store is None:  # a store the app opened is closed with it
            service.close()

    app = FastAPI(title="sitrep", version=__version__, lifespan=lifespan, docs_url=None,
                  redoc_url=None, description="Conflict events coded from news reports; every "
                  "field points at the words it came from. See docs/serve.md.")
    app.state.service = service
    _errors.install(app)
    for router in (_read.router, _incidents.router, _write.router):
        app.include_router(router)
    _pages(app)
    app.add_middleware(Limits, max_body_bytes=settings.max_body_bytes, timeout=settings.timeout)

    @app.middleware("http")
    async def security_headers(request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app


def _pages(app: FastAPI) -> None:
    root = static_dir()
    app.mount("/static", StaticFiles(directory=root), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(root / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="sitrep API",
            swagger_js_url="/static/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/swagger-ui/favicon-32x32.png")
