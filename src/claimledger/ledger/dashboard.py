"""Derived read views for the dashboard: per-claimant figure tracks and conflicts.

Both come from `reconcile` (pure functions over claims); this module only loads the claims that
can take part (those with figures, and denials), converts the results into JSON-ready records and
caches them per data version, so a page view on a large ledger does not recompute them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any, Literal, TypeVar

from pydantic import BaseModel
from sqlalchemy import Engine, select

from claimledger.ledger.queries import (
    ClaimantPage,
    ClaimantSummary,
    LedgerClaim,
    data_version,
    facet_values,
    list_claimants,
    load_claims,
)
from claimledger.ledger.schema import claims, quantities
from claimledger.reconcile import conflicts as rconflicts
from claimledger.reconcile import tracks as rtracks


class FigurePoint(BaseModel):
    """One figure a claimant gave, on one date, in one sentence."""

    date: date | None
    value: float | None
    low: float | None = None
    high: float | None = None
    text: str
    claim_id: str
    doc_id: str
    sentence: str
    outlet: str | None = None


class ClaimantFigures(BaseModel):
    """Every figure one claimant gave for one track, oldest first, and the latest of them."""

    claimant: str
    affiliation: str | None = None
    latest: FigurePoint
    points: list[FigurePoint]


class Track(BaseModel):
    """One thing being counted (e.g. Armenian soldiers killed) and each claimant's figures."""

    track_id: str
    title: str
    counted: str | None = None
    event: str | None = None
    group: str | None = None
    unit: str | None = None
    claimants: list[ClaimantFigures]


class Conflict(BaseModel):
    """Claims that disagree: figures that cannot both hold, or a denial and what it answers."""

    conflict_id: str
    kind: Literal["figure", "denial"]
    explanation: str
    track_id: str | None = None
    claimants: list[str]
    claims: list[LedgerClaim]


_T = TypeVar("_T")
_lock = threading.Lock()
_build_locks: dict[tuple[int, str], threading.Lock] = {}
_cache: dict[tuple[int, str, Any], Any] = {}


def _cached(engine: Engine, name: str, build: Callable[[], _T]) -> _T:
    """Compute once per (engine, view, data version); the version query is a few index reads.

    One build at a time per view: concurrent requests wait for it instead of repeating it.
    """
    key = (id(engine), name, data_version(engine))
    with _lock:
        builder = _build_locks.setdefault(key[:2], threading.Lock())
    with builder:
        with _lock:
            if key in _cache:
                hit: _T = _cache[key]
                return hit
        value = build()
        with _lock:
            for old in [k for k in _cache if k[:2] == key[:2]]:
                del _cache[old]
            _cache[key] = value
    return value


def _figure_claims(engine: Engine) -> list[LedgerClaim]:
    """Original claims (copies merged away) carrying at least one figure of something counted."""
    # Uncorrelated (computed once), and aliased so load_claims' own join stays separate.
    q = quantities.alias("q_fig")
    has_figure = claims.c.claim_id.in_(select(q.c.claim_id).where(q.c.counted.is_not(None)))
    return load_claims(engine, [has_figure, claims.c.copy_of.is_(None)])


def _original_claims(engine: Engine) -> list[LedgerClaim]:
    """Every original claim: denials are matched to assertions on any topic."""
    return load_claims(engine, [claims.c.copy_of.is_(None)])


def tracks(engine: Engine) -> list[Track]:
    """Every figure track with per-claimant points, largest tracks first (cached)."""
    return _cached(engine, "tracks", lambda: _build_tracks(_figure_claims(engine)))


def get_track(engine: Engine, track_id: str) -> Track | None:
    """One track by id, or None."""
    return next((t for t in tracks(engine) if t.track_id == track_id), None)


def conflicts(engine: Engine) -> list[Conflict]:
    """Contradictions and denials, newest first (cached)."""
    return _cached(engine, "conflicts", lambda: _build_conflicts(_original_claims(engine)))


# -- building: through reconcile --------------------------------------------------------------


def _point(p: rtracks.TrackPoint, by_id: dict[str, LedgerClaim]) -> FigurePoint:
    claim = by_id[p.claim_id]
    return FigurePoint(
        date=p.stated_on,
        value=p.best,
        low=p.low,
        high=p.high,
        text=p.text,
        claim_id=p.claim_id,
        doc_id=claim.doc_id,
        sentence=p.sentence,
        outlet=claim.outlet,
    )


def _convert(track: rtracks.Track, by_id: dict[str, LedgerClaim]) -> Track:
    rows = []
    for name, pts in track.points.items():
        if not pts:
            continue
        points = [_point(p, by_id) for p in pts]
        latest_src = track.latest.get(name) or pts[-1]
        first = by_id[pts[0].claim_id]
        rows.append(
            ClaimantFigures(
                claimant=name,
                affiliation=first.affiliation,
                latest=_point(latest_src, by_id),
                points=points,
            )
        )
    # Claimants in order of their latest statement, as in reconcile's figures table.
    rows.sort(key=lambda r: (r.latest.date or date.max, r.claimant))
    return Track(
        track_id=track.track_id,
        title=track.label,
        counted=track.key.counted,
        event=track.key.event,
        group=track.key.group,
        unit=track.key.unit,
        claimants=rows,
    )


def _build_tracks(all_claims: list[LedgerClaim]) -> list[Track]:
    """reconcile.build_tracks over the claims, most reported tracks first."""
    by_id = {c.claim_id: c for c in all_claims}
    out = [_convert(t, by_id) for t in rtracks.build_tracks(all_claims)]
    out.sort(key=lambda t: (-sum(len(r.points) for r in t.claimants), t.title))
    return out


def _build_conflicts(all_claims: list[LedgerClaim]) -> list[Conflict]:
    """reconcile.find_conflicts over every original claim, newest first."""
    by_id = {c.claim_id: c for c in all_claims}
    with_figures = [c for c in all_claims if c.quantities]
    found = rconflicts.find_conflicts(all_claims, rtracks.build_tracks(with_figures))
    out = []
    for c in found:
        members = [by_id[i] for i in c.claim_ids if i in by_id]
        if len(members) < 2:
            continue
        out.append(
            Conflict(
                conflict_id="-".join(c.claim_ids),
                kind=c.kind,
                explanation=c.explanation,
                track_id=c.track_id,
                claimants=list(c.claimants),
                claims=members,
            )
        )
    out.sort(key=lambda c: max(m.stated_on or date.min for m in c.claims), reverse=True)
    return out


# -- small aggregates shown on every page, cached the same way ----------------------------------


def facets(engine: Engine) -> dict[str, list[str]]:
    """Distinct outlets, stances, counted nouns and events for the claim filter form (cached)."""
    return _cached(engine, "facets", lambda: facet_values(engine))


def claimant_table(engine: Engine) -> list[ClaimantSummary]:
    """Every claimant with counts, most claims first (cached; a GROUP BY over all claims)."""
    return _cached(engine, "claimants", lambda: list_claimants(engine, limit=1_000_000).items)


def claimants(engine: Engine, *, q: str | None, limit: int, offset: int) -> ClaimantPage:
    """A page of `claimant_table`, optionally only names containing `q` (case-insensitive)."""
    rows = claimant_table(engine)
    if q and q.strip():
        needle = q.strip().lower()
        rows = [r for r in rows if needle in r.name.lower()]
    return ClaimantPage(total=len(rows), items=rows[offset : offset + limit])
