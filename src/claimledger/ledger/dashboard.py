"""Derived read views for the dashboard: per-claimant figure tracks and conflicts.

Both come from `reconcile` (pure functions over claims); this module only loads the claims that
can take part (those with figures, and denials), converts the results into JSON-ready records and
caches them per data version, so a page view on a large ledger does not recompute them.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Engine, select

from claimledger.ledger import stored_views
from claimledger.ledger.claim_filter import matching_claimants, same_word
from claimledger.ledger.claim_reads import load_claims
from claimledger.ledger.conflict_views import ConflictView, MemoryConflicts
from claimledger.ledger.doc_reads import facet_values, list_claimants
from claimledger.ledger.doc_reads import overview as overview_query
from claimledger.ledger.read_models import (
    ClaimantFigures,
    ClaimantPage,
    ClaimantSummary,
    Conflict,
    ConflictRef,
    FigurePoint,
    LedgerClaim,
    Overview,
    Track,
)
from claimledger.ledger.read_state import claimant_aliases, data_version, remembered
from claimledger.ledger.schema import claims, quantities
from claimledger.ledger.view_builds import (
    build_conflicts,
    build_tracks,
    chart_points,
    mentions,
    resolve_conflicts,
)

__all__ = [
    "ClaimantFigures",
    "Conflict",
    "ConflictRef",
    "FigurePoint",
    "Track",
    "build_conflicts",
    "build_tracks",
    "chart_points",
    "claimant_table",
    "claimants",
    "conflict_view",
    "facets",
    "full_tracks",
    "get_track",
    "overview",
    "resolve_conflicts",
    "tracks",
    "warm",
    "without_series",
]

_T = TypeVar("_T")
# How long a request waits for a rebuild before it is answered from the previous version.
STALE_WAIT = 2.0


@dataclass
class _Slot:
    """One cached view of one engine: the value, the ledger version it was built for, a build."""

    cond: threading.Condition = field(default_factory=threading.Condition)
    version: Any = None
    value: Any = None
    ready: bool = False
    building: bool = False
    error: BaseException | None = None


_slots_lock = threading.Lock()
# Weak per engine: a disposed engine takes its cache along, and no later engine reuses it.
_slots: weakref.WeakKeyDictionary[Engine, dict[str, _Slot]] = weakref.WeakKeyDictionary()


def _slot(engine: Engine, name: str) -> _Slot:
    with _slots_lock:
        return _slots.setdefault(engine, {}).setdefault(name, _Slot())


def cached(engine: Engine, name: str, build: Callable[[], _T]) -> _T:
    """The view for the ledger's current version, built once per version in the background.

    A request waits for the build, but when an older version is at hand it waits at most
    `STALE_WAIT` seconds and is then answered from that: during a long ingest the dashboard stays
    responsive and catches up when the build lands. One build runs at a time per view.
    """
    version = data_version(engine)
    slot = _slot(engine, name)
    deadline = time.monotonic() + STALE_WAIT
    with slot.cond:
        while not (slot.ready and slot.version == version):
            if not slot.building:
                slot.building, slot.error = True, None
                threading.Thread(
                    target=_build, args=(slot, version, build), name=f"build-{name}", daemon=True
                ).start()
            if slot.ready:
                left = deadline - time.monotonic()
                if left <= 0 or not slot.cond.wait(timeout=left):
                    break  # answer from the previous version; the build carries on
            else:
                slot.cond.wait()
                if slot.error is not None and not slot.building:
                    raise slot.error
        value: _T = slot.value
        return value


def _build(slot: _Slot, version: Any, build: Callable[[], Any]) -> None:
    """Run one build and publish it (or its error) to the waiting requests."""
    try:
        value = build()
    except BaseException as exc:  # handed to the waiting requests, which raise it
        with slot.cond:
            slot.building, slot.error = False, exc
            slot.cond.notify_all()
        return
    with slot.cond:
        slot.value, slot.version, slot.ready, slot.building = value, version, True, False
        slot.cond.notify_all()


def warm(engine: Engine) -> None:
    """Start building every cached view, so the first page view does not wait for it."""
    views: list[Callable[[Engine], object]] = [
        overview,
        tracks,
        conflict_view,
        facets,
        claimant_table,
    ]
    for view in views:
        threading.Thread(target=view, args=(engine,), daemon=True).start()


def figure_claims(engine: Engine) -> list[LedgerClaim]:
    """Original claims (copies merged away) carrying at least one figure of something counted."""
    # Uncorrelated (computed once), and aliased so load_claims' own join stays separate.
    q = quantities.alias("q_fig")
    has_figure = claims.c.claim_id.in_(select(q.c.claim_id).where(q.c.counted.is_not(None)))
    return load_claims(engine, [has_figure, claims.c.copy_of.is_(None)])


def original_claims(engine: Engine) -> list[LedgerClaim]:
    """Every original claim: denials are matched to assertions on any topic."""
    return load_claims(engine, [claims.c.copy_of.is_(None)])


def tracks(
    engine: Engine,
    *,
    about: str | None = None,
    everything: bool = False,
    side: str | None = None,
    event: str | None = None,
) -> list[Track]:
    """Figure tracks, most contested first, as in `claimledger figures` (built once, cached).

    Args:
        engine: the ledger.
        about: only tracks `mentions` finds about this (case-insensitive).
        everything: also tracks of bare things with no event ("12 systems").
        side: only tracks of this side: whose counted group is it, or with a claimant of it.
        event: only tracks of this event, word forms folded (kill = killed = deaths).

    Later track facets (place, event type) are one more keyword and one more test here.
    """
    found = _tracks_view(engine).listing
    if not everything:
        found = [t for t in found if t.headline]
    if about and about.strip():
        found = [t for t in found if _mentions(t, about)]
    if side and side.strip():
        found = [t for t in found if side.strip().casefold() in track_sides(t)]
    if event and event.strip():
        found = [t for t in found if t.event and same_word(t.event, event.strip())]
    return found


def track_sides(track: Track) -> set[str]:
    """The sides a track concerns, case-folded: its counted group and its claimants' sides."""
    sides = {r.affiliation.casefold() for r in track.claimants if r.affiliation}
    return sides | ({track.group.casefold()} if track.group else set())


def track_facets(engine: Engine) -> dict[str, list[str]]:
    """The sides and events the figures filter offers (headline tracks; cached)."""

    def build() -> dict[str, list[str]]:
        every = tracks(engine, everything=True)
        sides = {r.affiliation for t in every for r in t.claimants if r.affiliation}
        sides |= {t.group for t in every if t.group}
        return {"side": sorted(sides), "event": sorted({t.event for t in every if t.event})}

    return cached(engine, "track_facets", build)


@dataclass(frozen=True)
class _TracksView:
    """The ranked listing, and the tracks with every point when they are in memory."""

    listing: list[Track]
    full: dict[str, Track] | None  # None: read from the stored rows by id


def _tracks_view(engine: Engine) -> _TracksView:
    """The listing as stored at the last ingest (points left in their rows), or built now."""

    def load() -> _TracksView:
        stored = stored_views.load(engine, "tracks")
        if stored is not None:
            return _TracksView(stored, None)
        built = build_tracks(figure_claims(engine))
        return _TracksView(built, {t.track_id: t for t in built})

    return cached(engine, "tracks", load)


def full_tracks(engine: Engine, listed: list[Track], *, charted: bool = False) -> list[Track]:
    """`listed` tracks with every point and note (from memory or their stored rows); with
    `charted`, only the points a chart draws (`chart_points`): far less to read."""
    view = _tracks_view(engine)
    ids = [t.track_id for t in listed]
    if view.full is None:
        # Remembered per ledger version: the same objects again, so their charts stay cached.
        full = remembered(
            engine,
            ("full_tracks", charted, tuple(ids)),
            lambda: stored_views.full_tracks(engine, ids, charted=charted),
        )
        return [full[i] for i in ids if i in full]
    found = [view.full[i] for i in ids if i in view.full]
    return [chart_points(t) for t in found] if charted else found


def _mentions(track: Track, about: str) -> bool:
    names = {r.claimant: r.affiliation for r in track.claimants}
    sentences = (p.sentence for r in track.claimants for p in r.points)
    return mentions(about, track.title, track.group, names, sentences)


def get_track(engine: Engine, track_id: str) -> Track | None:
    """One track by id, with every point, or None."""
    listed = next((t for t in _tracks_view(engine).listing if t.track_id == track_id), None)
    found = full_tracks(engine, [listed]) if listed is not None else []
    return found[0] if found else None


def without_series(track: Track) -> Track:
    """The track's "Per claimant" table only: latest figures and counts, no points or notes."""
    rows = [r.model_copy(update={"points": []}) for r in track.claimants]
    return track.model_copy(update={"claimants": rows, "notes": []})


def conflict_view(engine: Engine) -> ConflictView:
    """Contradictions and denials, newest first: the rows stored at the last ingest when they
    are current, else built here once per ledger version. `resolve_conflicts` adds the claims."""
    return cached(
        engine,
        "conflicts",
        lambda: (
            stored_views.stored_conflicts(engine)
            or MemoryConflicts(build_conflicts(original_claims(engine)))
        ),
    )


def overview(engine: Engine) -> Overview:
    """Headline counts of the ledger and its latest ingests (cached per ledger version)."""
    return cached(engine, "overview", lambda: overview_query(engine))


# -- small aggregates shown on every page, cached the same way ----------------------------------


def facets(engine: Engine) -> dict[str, list[str]]:
    """Distinct outlets, stances, counted nouns and events for the claim filter form (cached)."""
    return cached(engine, "facets", lambda: facet_values(engine))


def claimant_table(engine: Engine) -> list[ClaimantSummary]:
    """Every claimant with counts, most claims first (cached; a GROUP BY over all claims)."""
    return cached(
        engine,
        "claimants",
        lambda: stored_views.load_or_build(
            engine, "claimants", lambda: list_claimants(engine, limit=1_000_000).items
        ),
    )


def claimants(engine: Engine, *, q: str | None, limit: int, offset: int) -> ClaimantPage:
    """A page of `claimant_table`, optionally only those the claim filter's `claimant=q` picks
    (a name or alias, partial, any case)."""
    rows = claimant_table(engine)
    if q and q.strip():
        wanted = set(matching_claimants(q.strip(), claimant_aliases(engine)))
        rows = [r for r in rows if r.name in wanted]
    return ClaimantPage(total=len(rows), items=rows[offset : offset + limit])
