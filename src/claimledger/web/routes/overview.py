"""Overview: headline counts of the ledger and the latest ingest runs."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from claimledger.ledger import dashboard, queries
from claimledger.web.deps import EngineDep, TemplatesDep
from claimledger.web.schemas import ERROR_RESPONSES, Envelope

api = APIRouter(prefix="/api", tags=["overview"], responses=ERROR_RESPONSES)
pages = APIRouter(include_in_schema=False)


@api.get("/overview")
def get_overview(engine: EngineDep) -> Envelope[queries.Overview]:
    """Documents, outlets, claimants, claims, the date range and the latest ingests."""
    return Envelope(data=dashboard.overview(engine))


@pages.get("/", response_class=HTMLResponse)
def overview_page(request: Request, engine: EngineDep, templates: TemplatesDep) -> HTMLResponse:
    """The dashboard's front page."""
    data = dashboard.overview(engine)
    top = dashboard.claimants(engine, q=None, limit=10, offset=0)
    return templates.TemplateResponse(
        request, "overview.html", {"ov": data, "top": top.items, "nav": "overview"}
    )
