"""Figures: the "Per claimant" table of each track, and each claimant's figures over time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine

from claimledger.ledger import dashboard
from claimledger.web.charts import chart_for
from claimledger.web.deps import Blank, EngineDep, PageDep, TemplatesDep
from claimledger.web.schemas import ERROR_RESPONSES, Envelope, page_meta

api = APIRouter(prefix="/api", tags=["figures"], responses=ERROR_RESPONSES)
pages = APIRouter(include_in_schema=False)

AboutQ = Annotated[
    str | None,
    Query(max_length=200, description="only tracks naming this (a state, a word, a claimant)"),
    Blank,
]
AllQ = Annotated[
    bool | None, Query(alias="all", description="also tracks of bare things with no event"), Blank
]
SeriesQ = Annotated[
    bool | None, Query(description="include every point of every claimant, and the notes"), Blank
]
SideQ = Annotated[
    str | None, Query(max_length=200, description="only tracks of this side (a state)"), Blank
]
EventQ = Annotated[
    str | None,
    Query(max_length=200, description="only tracks of this event (killed, injured)"),
    Blank,
]
CardsQ = Annotated[
    int | None, Query(ge=0, le=100_000_000, description="one-figure tracks to skip"), Blank
]


@dataclass(frozen=True)
class TrackQuery:
    """Which tracks to list: the filters /figures, /api/figures and its download share."""

    about: str | None
    everything: bool
    side: str | None
    event: str | None

    def tracks(self, engine: Engine) -> list[dashboard.Track]:
        """The matching tracks, ranked, through the one read path (`dashboard.tracks`)."""
        return dashboard.tracks(
            engine, about=self.about, everything=self.everything, side=self.side, event=self.event
        )


def track_query(
    about: AboutQ = None, everything: AllQ = None, side: SideQ = None, event: EventQ = None
) -> TrackQuery:
    return TrackQuery(about, bool(everything), side, event)


TrackQueryDep = Annotated[TrackQuery, Depends(track_query)]
PAGE_TRACKS = 10  # charts per page on /figures
PAGE_CARDS = 48  # one-figure tracks per page, as compact cards


@api.get("/figures")
def list_figures(
    engine: EngineDep,
    page: PageDep,
    about: AboutQ = None,
    everything: AllQ = None,
    series: SeriesQ = None,
    side: SideQ = None,
    event: EventQ = None,
) -> Envelope[list[dashboard.Track]]:
    """The "Per claimant" table: each track (most contested first) with each claimant's latest
    figure; `series=true` adds every point and the consistency notes (as /api/tracks/{id})."""
    # The filters one by one, not through TrackQueryDep: the API lists `series` among them.
    query = track_query(about, everything, side, event)
    found = query.tracks(engine)
    items = found[page.offset : page.offset + page.limit]
    if series:
        items = dashboard.full_tracks(engine, items)
    else:
        items = [dashboard.without_series(t) for t in items]
    given = {
        "about": query.about,
        "all": query.everything or None,
        "series": series,
        "side": query.side,
        "event": query.event,
    }
    filters = {k: v for k, v in given.items() if v}
    return Envelope(data=items, meta=page_meta(len(found), page.limit, page.offset, filters))


@api.get("/tracks/{track_id}")
def get_track(engine: EngineDep, track_id: str) -> Envelope[dashboard.Track]:
    """One track by id (as listed by /api/figures), with every claimant's points."""
    track = dashboard.get_track(engine, track_id)
    if track is None:
        raise HTTPException(404, f"no track with id {track_id!r}")
    return Envelope(data=track)


@pages.get("/figures", response_class=HTMLResponse)
def figures_page(
    request: Request,
    engine: EngineDep,
    templates: TemplatesDep,
    page: PageDep,
    query: TrackQueryDep,
    cards: CardsQ = None,
) -> HTMLResponse:
    """The figures dashboard, ranked and paged: per track with two figures or more a step chart
    and the "Per claimant" table; tracks of one figure as compact cards after them."""
    found = query.tracks(engine)
    charted = [t for t in found if t.n_points > 1]
    singles = [t for t in found if t.n_points <= 1]
    limit = min(page.limit, PAGE_TRACKS)
    shown = dashboard.full_tracks(engine, charted[page.offset : page.offset + limit], charted=True)
    first_card = cards or 0
    return templates.TemplateResponse(
        request,
        "figures.html",
        {
            "nav": "figures",
            "tracks": [(t, chart_for(t)) for t in shown],
            "cards": singles[first_card : first_card + PAGE_CARDS],
            "cards_meta": page_meta(len(singles), PAGE_CARDS, first_card),
            "n_tracks": len(found),
            "about": query.about,
            "side": query.side,
            "event": query.event,
            "everything": query.everything,
            "facets": dashboard.track_facets(engine),
            "meta": page_meta(len(charted), limit, page.offset),
        },
    )


@pages.get("/tracks/{track_id}", response_class=HTMLResponse)
def track_page(
    request: Request, engine: EngineDep, templates: TemplatesDep, track_id: str
) -> HTMLResponse:
    """One track: its chart, the "Per claimant" table and every figure each claimant gave."""
    track = dashboard.get_track(engine, track_id)
    if track is None:
        raise HTTPException(404, f"no track with id {track_id!r}")
    return templates.TemplateResponse(
        request,
        "track.html",
        {"nav": "figures", "t": track, "chart": chart_for(track)},
    )
