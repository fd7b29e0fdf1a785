"""Claims: the filterable, sortable, paginated ledger, and one claim by id."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from claimledger.ledger import dashboard, queries
from claimledger.ledger.profiles import ClaimDetail, claim_detail
from claimledger.web.deps import EngineDep, FilterDep, PageDep, SortDep, TemplatesDep
from claimledger.web.highlight import highlight_within
from claimledger.web.schemas import ERROR_RESPONSES, Envelope, Meta, page_meta

api = APIRouter(prefix="/api", tags=["claims"], responses=ERROR_RESPONSES)
pages = APIRouter(include_in_schema=False)


@api.get("/claims")
def list_claims(
    engine: EngineDep, flt: FilterDep, page: PageDep, sorting: SortDep
) -> Envelope[list[queries.LedgerClaim]]:
    """Claims matching every given filter, one page at a time."""
    result = queries.list_claims(
        engine, flt, sort=sorting.sort, order=sorting.order, limit=page.limit, offset=page.offset
    )
    filters = {**flt.model_dump(mode="json", exclude_none=True), **sorting.__dict__}
    return Envelope(
        data=result.items, meta=page_meta(result.total, page.limit, page.offset, filters)
    )


@api.get("/facets")
def get_facets(engine: EngineDep) -> Envelope[dict[str, list[str]]]:
    """The values the claim filters offer: outlets, stances, counted nouns and events."""
    return Envelope(data=dashboard.facets(engine))


@api.get("/claims/{claim_id}")
def get_claim(engine: EngineDep, claim_id: str) -> Envelope[queries.LedgerClaim]:
    """One claim with its document's metadata, figures and carriers."""
    claim = queries.get_claim(engine, claim_id)
    if claim is None:
        raise HTTPException(404, f"no claim with id {claim_id!r}")
    return Envelope(data=claim, meta=Meta())


@api.get("/claims/{claim_id}/detail")
def get_claim_detail(engine: EngineDep, claim_id: str) -> Envelope[ClaimDetail]:
    """One claim with its paragraph, the rule that produced it, carriers and conflicts."""
    return Envelope(data=_detail(engine, claim_id))


def _detail(engine: EngineDep, claim_id: str) -> ClaimDetail:
    found = claim_detail(engine, claim_id)
    if found is None:
        raise HTTPException(404, f"no claim with id {claim_id!r}")
    return found


@pages.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(
    request: Request, engine: EngineDep, templates: TemplatesDep, claim_id: str
) -> HTMLResponse:
    """One claim: its sentence in its paragraph, who said it how, carriers and conflicts."""
    d = _detail(engine, claim_id)
    paragraph = highlight_within(d.claim, d.paragraph, d.paragraph_start)
    return templates.TemplateResponse(
        request, "claim.html", {"nav": "claims", "d": d, "c": d.claim, "paragraph": paragraph}
    )


@pages.get("/claims", response_class=HTMLResponse)
def claims_page(
    request: Request,
    engine: EngineDep,
    templates: TemplatesDep,
    flt: FilterDep,
    page: PageDep,
    sorting: SortDep,
) -> HTMLResponse:
    """The claims table with its filter form."""
    result = queries.list_claims(
        engine, flt, sort=sorting.sort, order=sorting.order, limit=page.limit, offset=page.offset
    )
    return templates.TemplateResponse(
        request,
        "claims.html",
        {
            "nav": "claims",
            "result": result,
            "flt": flt,
            "page": page,
            "sorting": sorting,
            "facets": dashboard.facets(engine),
            "claimant_names": [c.name for c in dashboard.claimant_table(engine)[:1000]],
            "meta": page_meta(result.total, page.limit, page.offset),
        },
    )
