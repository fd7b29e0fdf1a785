"""`Annotated` dependencies shared by the routes: the database engine, pagination, claim filters.

Blank form fields (`?since=&stance=`) mean "no filter", so the HTML form can submit every field;
anything else that does not parse is a 422 in the error shape. In every `Annotated[...]` below the
`Query(...)` or `Field(...)` (with its constraints) comes before `Blank`: pydantic then turns ""
into None first and checks the constraints on strings only (the other order raised a TypeError,
a 500).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, BeforeValidator, Field, ValidationError
from sqlalchemy import Engine

from claimledger.ledger.claim_filter import MAX_TEXT, ClaimFilter, Mode, Stance
from claimledger.ledger.claim_reads import Order, SortKey

MAX_LIMIT = 500
DEFAULT_LIMIT = 50


def _blank_to_none(value: Any) -> Any:
    """An empty or whitespace-only query value is the same as leaving it out."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


Blank = BeforeValidator(_blank_to_none)
StanceName = Stance
ModeName = Mode


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
    limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description="page size"), Blank] = None,
    offset: Annotated[
        int | None, Query(ge=0, le=100_000_000, description="rows to skip"), Blank
    ] = None,
) -> Pagination:
    """Read limit and offset from the query string (blank: the default)."""
    return Pagination(limit=limit or DEFAULT_LIMIT, offset=offset or 0)


PageDep = Annotated[Pagination, Depends(pagination)]


def text_field(description: str, max_length: int = MAX_TEXT) -> Any:
    """A free-text filter: constrained, then blank -> None (order matters, see top)."""
    return Field(max_length=max_length, description=description)


class ClaimQuery(BaseModel):
    """The claim filters as the query string gives them (a FastAPI query-parameter model: each
    field is one parameter); `claim_filter` turns them into the one `ClaimFilter`."""

    claimant: Annotated[
        str | None, text_field("name or alias, partial, any case (Macron, SOHR)"), Blank
    ] = None
    stance: Annotated[StanceName | None, Blank] = None
    mode: Annotated[ModeName | None, Field(description="how it was reported"), Blank] = None
    counted: Annotated[
        str | None,
        text_field("what a figure counts; word forms fold (troops = soldiers = soldier)"),
        Blank,
    ] = None
    event: Annotated[
        str | None,
        text_field("what happened to it; word forms fold (deaths = killed = kill)"),
        Blank,
    ] = None
    outlet: Annotated[str | None, text_field("the document's outlet, any case"), Blank] = None
    doc_id: Annotated[
        str | None, Field(max_length=64, description="claims of one document"), Blank
    ] = None
    since: Annotated[date | None, Field(description="stated on or after"), Blank] = None
    until: Annotated[date | None, Field(description="stated on or before"), Blank] = None
    q: Annotated[
        str | None, text_field("words that must all appear in sentence or claimant"), Blank
    ] = None
    copies: Annotated[
        bool | None,
        Field(description="list a claim once per syndicated copy (default: once, with carriers)"),
        Blank,
    ] = None


def claim_filter(query: Annotated[ClaimQuery, Query()]) -> ClaimFilter:
    """Claim filters from the query string; every one is optional (see `ClaimFilter`)."""
    try:
        return ClaimFilter(**{**query.model_dump(), "copies": bool(query.copies)})
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("query", *e.get("loc", ()))} for e in exc.errors()]
        ) from exc


FilterDep = Annotated[ClaimFilter, Depends(claim_filter)]


@dataclass(frozen=True)
class Sorting:
    """A whitelisted sort key and direction."""

    sort: SortKey
    order: Order


def sorting(
    sort: Annotated[SortKey | None, Query(description="sort key"), Blank] = None,
    order: Annotated[Order | None, Query(), Blank] = None,
) -> Sorting:
    """Read sort and order (blank: date, newest first); outside the whitelist is a 422."""
    return Sorting(sort=sort or "date", order=order or "desc")


SortDep = Annotated[Sorting, Depends(sorting)]
