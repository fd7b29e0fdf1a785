"""Documents: the listing, and one article with every claim highlighted in place."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.ledger import dashboard, queries
from claimledger.web.deps import Blank, EngineDep, PageDep, TemplatesDep
from claimledger.web.highlight import highlight
from claimledger.web.schemas import ERROR_RESPONSES, Envelope, page_meta

api = APIRouter(prefix="/api", tags=["documents"], responses=ERROR_RESPONSES)
pages = APIRouter(include_in_schema=False)

OutletQ = Annotated[str | None, Query(max_length=300, description="the outlet, any case"), Blank]
TitleQ = Annotated[str | None, Query(max_length=200, description="words in the title"), Blank]


@api.get("/documents")
def list_documents(
    engine: EngineDep, page: PageDep, outlet: OutletQ = None, q: TitleQ = None
) -> Envelope[list[queries.DocumentSummary]]:
    """Documents, newest first, without their text."""
    result = queries.list_documents(
        engine, outlet=outlet, q=q, limit=page.limit, offset=page.offset
    )
    filters = {k: v for k, v in {"outlet": outlet, "q": q}.items() if v}
    return Envelope(
        data=result.items, meta=page_meta(result.total, page.limit, page.offset, filters)
    )


def _document(engine: EngineDep, doc_id: str) -> queries.DocumentDetail:
    doc = queries.get_document(engine, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return doc


@api.get("/documents/{doc_id}")
def get_document(engine: EngineDep, doc_id: str) -> Envelope[queries.DocumentDetail]:
    """One document: cleaned text, claims in order, and its copies in other outlets."""
    return Envelope(data=_document(engine, doc_id))


@pages.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    engine: EngineDep,
    templates: TemplatesDep,
    page: PageDep,
    outlet: OutletQ = None,
    q: TitleQ = None,
) -> HTMLResponse:
    """Every document, newest first."""
    result = queries.list_documents(
        engine, outlet=outlet, q=q, limit=page.limit, offset=page.offset
    )
    return templates.TemplateResponse(
        request,
        "documents.html",
        {
            "nav": "documents",
            "result": result,
            "outlet": outlet,
            "q": q,
            "outlets": dashboard.facets(engine)["outlet"],
            "meta": page_meta(result.total, page.limit, page.offset),
        },
    )


@pages.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request, engine: EngineDep, templates: TemplatesDep, doc_id: str
) -> HTMLResponse:
    """The article with claimant, cue, content and figures marked; anchors per claim."""
    doc = _document(engine, doc_id)
    return templates.TemplateResponse(
        request,
        "document.html",
        {"nav": "documents", "doc": doc, "body": highlight(doc.text, doc.claims)},
    )
