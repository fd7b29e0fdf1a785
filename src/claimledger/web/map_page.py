"""The places map: an SVG drawn from the places' own coordinates (no tiles, no network).

`/map` plots every place the claims name (`reconcile.place_store.places_summary`) on an
equirectangular projection of the area they span, a circle per place sized by how many claims
name it, with a graticule for orientation. `/api/places` gives the same data as JSON. Filters
as for claims: `?claimant=&counted=&event=&since=&until=`. Place names come from the gazetteer,
and are escaped all the same.
"""

from __future__ import annotations

import html
import math
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.ledger.store import Store
from claimledger.reconcile.place_store import PlaceCount, places_summary
from claimledger.web.schemas import ERROR_RESPONSES, Envelope

__all__ = ["api", "pages", "render_svg"]

api = APIRouter(prefix="/api", tags=["places"], responses=ERROR_RESPONSES)
pages = APIRouter(include_in_schema=False)

_W, _H, _PAD = 960, 540, 40

Filter = Annotated[str | None, Query()]


def place_filters(
    claimant: Filter = None,
    counted: Filter = None,
    event: Filter = None,
    since: Filter = None,
    until: Filter = None,
) -> dict[str, str | None]:
    """The claim filters the map and /api/places take (the same query parameters)."""
    return dict(claimant=claimant, counted=counted, event=event, since=since, until=until)


PlaceFilters = Annotated[dict[str, str | None], Depends(place_filters)]


def _places(request: Request, filters: dict[str, str | None]) -> list[PlaceCount]:
    store = Store(request.app.state.engine, "web")
    return places_summary(store, **{k: v for k, v in filters.items() if v})


def _frame(places: list[PlaceCount]) -> tuple[float, float, float, float]:
    """lon/lat bounds with a margin, at least 10 degrees wide so one town is not a blot."""
    lons = [p.longitude for p in places] or [0.0]
    lats = [p.latitude for p in places] or [0.0]
    lo_x, hi_x, lo_y, hi_y = min(lons), max(lons), min(lats), max(lats)
    grow_x = max(10.0 - (hi_x - lo_x), 0) / 2 + 1
    grow_y = max(6.0 - (hi_y - lo_y), 0) / 2 + 1
    return (
        max(lo_x - grow_x, -180),
        min(hi_x + grow_x, 180),
        max(lo_y - grow_y, -90),
        min(hi_y + grow_y, 90),
    )


def _grid_line(
    start: tuple[float, float], end: tuple[float, float], at: tuple[float, float], degrees: int
) -> str:
    """One graticule line from `start` to `end`, labelled with its degrees at `at`."""
    return (
        f'<line x1="{start[0]:.1f}" y1="{start[1]:.1f}" x2="{end[0]:.1f}" y2="{end[1]:.1f}" '
        f'stroke="#d5dbe1"/><text x="{at[0]:.1f}" y="{at[1]:.1f}" '
        f'font-size="10" fill="#8a96a3">{degrees}°</text>'
    )


def render_svg(places: list[PlaceCount]) -> str:
    """The map as one SVG element (text escaped)."""
    x0, x1, y0, y1 = _frame(places)
    sx = (_W - 2 * _PAD) / (x1 - x0)
    sy = (_H - 2 * _PAD) / (y1 - y0)
    scale = min(sx, sy)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return _PAD + (lon - x0) * scale, _H - _PAD - (lat - y0) * scale

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" role="img" '
        f'aria-label="Places named in claims">',
        f'<rect width="{_W}" height="{_H}" fill="#f4f6f8"/>',
    ]
    step = 5 if x1 - x0 <= 40 else 10
    for lon in range(math.ceil(x0 / step) * step, int(x1) + 1, step):
        (a, top), (_, bottom) = xy(lon, y1), xy(lon, y0)
        parts.append(_grid_line((a, top), (a, bottom), (a + 2, bottom - 4), lon))
    for lat in range(math.ceil(y0 / step) * step, int(y1) + 1, step):
        (left, b), (right, _) = xy(x0, lat), xy(x1, lat)
        parts.append(_grid_line((left, b), (right, b), (left + 2, b - 2), lat))
    most = max((p.claims for p in places), default=1)
    for p in places:
        cx, cy = xy(p.longitude, p.latitude)
        r = 4 + 14 * math.sqrt(p.claims / most)
        name = html.escape(p.name)
        parts.append(
            f'<g class="place"><circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" '
            f'fill="#c0392b" fill-opacity="0.55" stroke="#7b241c">'
            f"<title>{name} ({html.escape(p.country)}): {p.claims} claims, "
            f"{p.figures} figures</title></circle>"
            f'<text x="{cx + r + 2:.1f}" y="{cy + 4:.1f}" font-size="12">{name}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


@api.get("/places")
def get_places(request: Request, filters: PlaceFilters) -> Envelope[list[PlaceCount]]:
    """Places named in the matching claims, with coordinates and claim / figure counts."""
    # pydantic serves (and documents) the dataclass as it is: one declaration of its fields.
    return Envelope(data=_places(request, filters))


@pages.get("/map", response_class=HTMLResponse)
def map_page(request: Request, filters: PlaceFilters) -> HTMLResponse:
    """The map page."""
    found = _places(request, filters)
    rows = "".join(
        f"<tr><td>{html.escape(p.name)}</td><td>{html.escape(p.country)}</td>"
        f"<td>{p.claims}</td><td>{p.figures}</td></tr>"
        for p in found
    )
    body = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Places · claimledger</title>"
        '<link rel="stylesheet" href="/static/style.css"></head><body>'
        '<p><a href="/">claimledger</a></p><h1>Places named in claims</h1>'
        f"{render_svg(found)}"
        "<table><thead><tr><th>place</th><th>country</th><th>claims</th><th>figures</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></body></html>"
    )
    return HTMLResponse(body)
