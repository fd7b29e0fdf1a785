"""Claimants: who speaks in the ledger, how often, and how often they deny."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.ledger import dashboard, queries
from claimledger.ledger.profiles import ClaimantProfile, claimant_profile
from claimledger.web.charts import profile_chart
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


def _profile(engine: EngineDep, name: str) -> ClaimantProfile:
    found = claimant_profile(engine, name)
    if found is None:
        raise HTTPException(404, f"no claimant named {name!r}")
    return found


@api.get("/claimants/{name:path}")
def get_claimant(engine: EngineDep, name: str) -> Envelope[ClaimantProfile]:
    """One claimant: figures per track, denials and calls, conflicts and opponents, aliases."""
    return Envelope(data=_profile(engine, name))


@pages.get("/claimants/{name:path}", response_class=HTMLResponse)
def claimant_page(
    request: Request, engine: EngineDep, templates: TemplatesDep, name: str
) -> HTMLResponse:
    """A claimant's page: all their figures on one timeline, who contradicts them, their words."""
    profile = _profile(engine, name)
    return templates.TemplateResponse(
        request,
        "claimant.html",
        {"nav": "claimants", "p": profile, "chart": profile_chart(profile)},
    )
