"""The FastAPI app factory behind `claimledger serve`: dashboard pages plus the JSON API.

    >>> from claimledger.web.app import create_app
    >>> app = create_app("claims.db")   # doctest: +SKIP

Pages are server-rendered Jinja2 (autoescape on); `/api/...` answers in one success envelope and
one error envelope (see `schemas.py`); `/openapi.json` documents both.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimledger.ledger import dashboard
from claimledger.ledger.queries import open_reader
from claimledger.web import map_page
from claimledger.web.routes import (
    claimants,
    claims,
    conflicts,
    documents,
    download,
    figures,
    overview,
    reference,
)
from claimledger.web.schemas import ErrorBody, ErrorEnvelope
from claimledger.web.security import LOOPBACK, HeadAsGet, HostCheck, SecurityHeaders
from claimledger.web.views import register_filters

HERE = Path(__file__).resolve().parent


def create_app(
    db: str | None = None, *, warm: bool = True, hosts: Iterable[str] | None = None
) -> FastAPI:
    """Build the app over the ledger at `db` (a path or URL; default as for the CLI).

    With `warm`, the derived views (figures, conflicts, counts) start building in the
    background at once, so the first visitor does not wait for them on a large ledger.
    `hosts`: the Host names answered (default: loopback names only; "*" answers any; see
    `security.allowed_hosts`, which `serve` uses).
    """
    app = FastAPI(
        title="claimledger",
        summary="Who claimed what, when, with which numbers: every claim tied to its sentence.",
        version="1",
        # Swagger UI and ReDoc load from a CDN; /docs is rendered here instead (reference.py).
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = open_reader(db)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True  # every .html page escapes by default; article text too
    register_filters(templates.env)
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for module in (
        overview,
        claims,
        documents,
        figures,
        conflicts,
        claimants,
        download,
        reference,
        map_page,
    ):
        app.include_router(module.api)
        app.include_router(module.pages)
    _install_error_handlers(app)
    # Added innermost first: HostCheck sees a request before anything else does.
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    app.add_middleware(HostCheck, hosts=frozenset(hosts) if hosts is not None else LOOPBACK)
    if warm:
        dashboard.warm(app.state.engine)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error(
    request: Request, status: int, message: str, details: list[Any] | None = None
) -> Response:
    """One error shape for the API; an HTML page with the same facts for browsers."""
    if _is_api(request):
        body = ErrorEnvelope(error=ErrorBody(status=status, message=message, details=details or []))
        return JSONResponse(jsonable_encoder(body), status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "details": details or []},
        status_code=status,
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return _error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        fields = ", ".join(str(d["loc"][-1]) for d in details if d["loc"]) or "request"
        return _error(request, 422, f"invalid parameter: {fields}", details)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        # Never leak a traceback (or article text inside one) to the client.
        return _error(request, 500, f"internal error ({type(exc).__name__})")
