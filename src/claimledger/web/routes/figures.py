"""Figures: per-claimant tables and step charts for each figure track."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from claimledger.ledger import dashboard
from claimledger.web.charts import build_chart
from claimledger.web.deps import EngineDep, PageDep, TemplatesDep
from claimledger.web.schemas import ERROR_RESPONSES, Envelope, page_meta

api = APIRouter(prefix="/api", tags=["figures"], responses=ERROR_RESPONSES)
pages = APIRouter(include_in_schema=False)


@api.get("/figures")
def list_figures(engine: EngineDep, page: PageDep) -> Envelope[list[dashboard.Track]]:
    """Every track (what is counted) with each claimant's figures, most reported first."""
    all_tracks = dashboard.tracks(engine)
    items = all_tracks[page.offset : page.offset + page.limit]
    return Envelope(data=items, meta=page_meta(len(all_tracks), page.limit, page.offset))


@api.get("/tracks/{track_id}")
def get_track(engine: EngineDep, track_id: str) -> Envelope[dashboard.Track]:
    """One track by id (as listed by /api/figures)."""
    track = dashboard.get_track(engine, track_id)
    if track is None:
        raise HTTPException(404, f"no track with id {track_id!r}")
    return Envelope(data=track)


@pages.get("/figures", response_class=HTMLResponse)
def figures_page(
    request: Request, engine: EngineDep, templates: TemplatesDep, page: PageDep
) -> HTMLResponse:
    """The figures dashboard: one table and one chart per track."""
    all_tracks = dashboard.tracks(engine)
    shown = all_tracks[page.offset : page.offset + min(page.limit, 20)]
    return templates.TemplateResponse(
        request,
        "figures.html",
        {
            "nav": "figures",
            "tracks": [(t, build_chart(t)) for t in shown],
            "meta": page_meta(len(all_tracks), min(page.limit, 20), page.offset),
        },
    )
