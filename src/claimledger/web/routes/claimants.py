"""Claimants: who speaks in the ledger, how often, and how often they deny."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.ledger import dashboard, queries
from claimledger.web.deps import Blank, EngineDep, PageDep, TemplatesDep
from claimledger.web.schemas import ERROR_RESPONSES, Envelope, page_meta

api = APIRouter(prefix="/api", tags=["claimants"], responses=ERROR_RESPONSES)
pages = APIRouter(include_in_schema=False)

NameQ = Annotated[
    str | None, Query(max_length=200, description="name or alias, partial, any case"), Blank
]


@api.get("/claimants")
def list_claimants(
    engine: EngineDep, page: PageDep, q: NameQ = None
) -> Envelope[list[queries.ClaimantSummary]]:
    """Claimants by number of claims."""
    result = dashboard.claimants(engine, q=q, limit=page.limit, offset=page.offset)
    filters = {"q": q} if q else {}
    return Envelope(
        data=result.items, meta=page_meta(result.total, page.limit, page.offset, filters)
    )


@pages.get("/claimants", response_class=HTMLResponse)
def claimants_page(
    request: Request, engine: EngineDep, templates: TemplatesDep, page: PageDep, q: NameQ = None
) -> HTMLResponse:
    """Every claimant with links to their claims."""
    result = dashboard.claimants(engine, q=q, limit=page.limit, offset=page.offset)
    return templates.TemplateResponse(
        request,
        "claimants.html",
        {
            "nav": "claimants",
            "result": result,
            "q": q,
            "meta": page_meta(result.total, page.limit, page.offset),
        },
    )
