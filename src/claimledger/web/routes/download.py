"""Downloads of each view as CSV or JSON: the same filters and order as the page, every page.

/api/download/claims.csv?claimant=Macron&counted=soldier
/api/download/figures.json?about=Baku
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from fastapi.responses import StreamingResponse

from claimledger.ledger import dashboard
from claimledger.ledger.claim_reads import list_claims
from claimledger.ledger.conflict_views import iter_all
from claimledger.ledger.doc_reads import list_documents
from claimledger.web import downloads as dl
from claimledger.web.deps import EngineDep, FilterDep, SortDep
from claimledger.web.routes.claimants import NameQ
from claimledger.web.routes.conflicts import KindQ
from claimledger.web.routes.documents import OutletQ, TitleQ
from claimledger.web.routes.figures import TrackQueryDep
from claimledger.web.schemas import ERROR_RESPONSES

api = APIRouter(prefix="/api/download", tags=["downloads"], responses=ERROR_RESPONSES)
pages = APIRouter(include_in_schema=False)

Fmt = Literal["csv", "json"]
_PAGE = 500


def _send(
    name: str, fmt: Fmt, columns: tuple[str, ...], rows: Iterable[dict[str, Any]]
) -> StreamingResponse:
    """A streamed attachment; rows are produced as the client reads them."""
    if fmt == "csv":
        body = dl.csv_chunks(columns, rows)
        media = "text/csv; charset=utf-8"
    else:
        body = dl.json_chunks(rows)
        media = "application/json"
    return StreamingResponse(
        body,
        media_type=media,
        headers={"content-disposition": f'attachment; filename="claimledger-{name}.{fmt}"'},
    )


@api.get("/claims.{fmt}")
def download_claims(
    engine: EngineDep, flt: FilterDep, sorting: SortDep, fmt: Fmt
) -> StreamingResponse:
    """Every claim the Claims view lists for these filters, in its order (up to 100,000)."""

    def rows() -> Iterator[dict[str, Any]]:
        for offset in range(0, dl.MAX_ROWS, _PAGE):
            page = list_claims(
                engine, flt, sort=sorting.sort, order=sorting.order, limit=_PAGE, offset=offset
            )
            yield from (dl.claim_row(c) for c in page.items)
            if offset + _PAGE >= page.total:
                return

    return _send("claims", fmt, dl.CLAIM_COLUMNS, rows())


@api.get("/figures.{fmt}")
def download_figures(engine: EngineDep, fmt: Fmt, query: TrackQueryDep) -> StreamingResponse:
    """The "Per claimant" table of every track the Figures view lists (charts and cards)."""
    return _send("figures", fmt, dl.FIGURE_COLUMNS, dl.figure_rows(query.tracks(engine)))


@api.get("/tracks/{track_id}.{fmt}")
def download_track(engine: EngineDep, track_id: str, fmt: Fmt) -> StreamingResponse:
    """Every figure of one track, per claimant, oldest first."""
    track = dashboard.get_track(engine, track_id)
    if track is None:
        raise HTTPException(404, f"no track with id {track_id!r}")
    return _send(f"track-{track_id}", fmt, dl.FIGURE_COLUMNS, dl.track_point_rows(track))


@api.get("/conflicts.{fmt}")
def download_conflicts(engine: EngineDep, fmt: Fmt, kind: KindQ = None) -> StreamingResponse:
    """Every conflict the Conflicts view lists, one row per claim on either side."""
    view = dashboard.conflict_view(engine)

    def rows() -> Iterator[dict[str, Any]]:
        for refs in iter_all(view, kind, dl.MAX_ROWS):
            yield from dl.conflict_rows(dashboard.resolve_conflicts(engine, refs))

    return _send("conflicts", fmt, dl.CONFLICT_COLUMNS, rows())


@api.get("/claimants.{fmt}")
def download_claimants(engine: EngineDep, fmt: Fmt, q: NameQ = None) -> StreamingResponse:
    """Every claimant the Claimants view lists."""
    found = dashboard.claimants(engine, q=q, limit=dl.MAX_ROWS, offset=0).items
    return _send("claimants", fmt, dl.CLAIMANT_COLUMNS, (dl.claimant_row(c) for c in found))


@api.get("/documents.{fmt}")
def download_documents(
    engine: EngineDep, fmt: Fmt, outlet: OutletQ = None, q: TitleQ = None
) -> StreamingResponse:
    """Every document the Documents view lists, newest first."""

    def rows() -> Iterator[dict[str, Any]]:
        for offset in range(0, dl.MAX_ROWS, _PAGE):
            page = list_documents(engine, outlet=outlet, q=q, limit=_PAGE, offset=offset)
            yield from (dl.document_row(d) for d in page.items)
            if offset + _PAGE >= page.total:
                return

    return _send("documents", fmt, dl.DOCUMENT_COLUMNS, rows())
