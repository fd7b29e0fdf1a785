"""`Annotated` dependencies shared by the routes: the database engine, pagination, claim filters.

Blank form fields (`?since=&stance=`) mean "no filter", so the HTML form can submit every field;
anything else that does not parse is a 422 in the error shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request
from fastapi.templating import Jinja2Templates
from pydantic import BeforeValidator
from sqlalchemy import Engine

from claimledger.ledger.queries import ClaimFilter, Order, SortKey

MAX_LIMIT = 500
DEFAULT_LIMIT = 50


def _blank_to_none(value: Any) -> Any:
    """An empty or whitespace-only query value is the same as leaving it out."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


Blank = BeforeValidator(_blank_to_none)
StanceName = Literal["assert", "deny", "call", "estimate"]
ModeName = Literal["direct", "indirect", "according_to", "unattributed"]


def get_engine(request: Request) -> Engine:
    """The read engine opened by `create_app`."""
    engine: Engine = request.app.state.engine
    return engine


def get_templates(request: Request) -> Jinja2Templates:
    """The Jinja2 environment (autoescape on for .html)."""
    templates: Jinja2Templates = request.app.state.templates
    return templates


EngineDep = Annotated[Engine, Depends(get_engine)]
TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]


@dataclass(frozen=True)
class Pagination:
    """limit/offset with a hard maximum so no request can ask for the whole ledger at once."""

    limit: int
    offset: int


def pagination(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=100_000_000, description="rows to skip")] = 0,
) -> Pagination:
    """Read limit and offset from the query string."""
    return Pagination(limit=limit, offset=offset)


PageDep = Annotated[Pagination, Depends(pagination)]


def _text(description: str) -> Any:
    return Query(max_length=300, description=description)


def claim_filter(
    claimant: Annotated[str | None, Blank, _text("canonical claimant name, exact")] = None,
    stance: Annotated[StanceName | None, Blank, Query()] = None,
    mode: Annotated[ModeName | None, Blank, Query(description="how it was reported")] = None,
    counted: Annotated[
        str | None, Blank, _text("what a figure counts; word forms fold (troops = soldiers)")
    ] = None,
    event: Annotated[
        str | None, Blank, _text("what happened to it; word forms fold (deaths = killed)")
    ] = None,
    outlet: Annotated[str | None, Blank, _text("the document's outlet, exact")] = None,
    doc_id: Annotated[
        str | None, Blank, Query(max_length=64, description="claims of one document")
    ] = None,
    since: Annotated[date | None, Blank, Query(description="stated on or after")] = None,
    until: Annotated[date | None, Blank, Query(description="stated on or before")] = None,
    q: Annotated[
        str | None,
        Blank,
        Query(max_length=200, description="words that must all appear in sentence or claimant"),
    ] = None,
    copies: Annotated[
        bool,
        Query(description="list a claim once per syndicated copy (default: once, with carriers)"),
    ] = False,
) -> ClaimFilter:
    """Claim filters from the query string; every one is optional."""
    return ClaimFilter(
        claimant=claimant,
        stance=stance,
        mode=mode,
        counted=counted,
        event=event,
        outlet=outlet,
        doc_id=doc_id,
        since=since,
        until=until,
        q=q,
        copies=copies,
    )


FilterDep = Annotated[ClaimFilter, Depends(claim_filter)]


@dataclass(frozen=True)
class Sorting:
    """A whitelisted sort key and direction."""

    sort: SortKey
    order: Order


def sorting(
    sort: Annotated[SortKey, Query(description="sort key")] = "date",
    order: Annotated[Order, Query()] = "desc",
) -> Sorting:
    """Read sort and order; anything outside the whitelist is a 422."""
    return Sorting(sort=sort, order=order)


SortDep = Annotated[Sorting, Depends(sorting)]
