"""Conflicts: contradictory figures (kind `figure`) and denials, side by side."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.ledger import dashboard
from claimledger.web.deps import Blank, EngineDep, PageDep, TemplatesDep
from claimledger.web.schemas import ERROR_RESPONSES, Envelope, page_meta

api = APIRouter(prefix="/api", tags=["conflicts"], responses=ERROR_RESPONSES)
pages = APIRouter(include_in_schema=False)

KindQ = Annotated[Literal["figure", "denial"] | None, Query(), Blank]


@api.get("/conflicts")
def list_conflicts(
    engine: EngineDep, page: PageDep, kind: KindQ = None
) -> Envelope[list[dashboard.Conflict]]:
    """Pairs of claims that disagree, newest first."""
    view = dashboard.conflict_view(engine)
    filters = {"kind": kind} if kind else {}
    return Envelope(
        data=dashboard.resolve_conflicts(engine, view.page(kind, page.offset, page.limit)),
        meta=page_meta(view.count(kind), page.limit, page.offset, filters),
    )


@pages.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(
    request: Request, engine: EngineDep, templates: TemplatesDep, page: PageDep, kind: KindQ = None
) -> HTMLResponse:
    """Contradictions and denials, each pair side by side."""
    view = dashboard.conflict_view(engine)
    counts = {
        "all": view.count(None),
        "figure": view.count("figure"),
        "denial": view.count("denial"),
    }
    return templates.TemplateResponse(
        request,
        "conflicts.html",
        {
            "nav": "conflicts",
            "counts": counts,
            "items": dashboard.resolve_conflicts(engine, view.page(kind, page.offset, page.limit)),
            "kind": kind,
            "meta": page_meta(view.count(kind), page.limit, page.offset),
        },
    )
