"""Building the derived views from claims: figure tracks and conflicts, through reconcile.

Pure functions over loaded claims (plus `resolve_conflicts`, which reads a page of conflicts'
claims back); `dashboard` caches what they build and `stored_views` stores it at ingest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import Engine

from claimledger.ledger.claim_reads import claims_by_id
from claimledger.ledger.read_models import (
    ClaimantFigures,
    Conflict,
    ConflictRef,
    FigurePoint,
    LedgerClaim,
    Track,
)
from claimledger.names.aliases import alias_table, key_of
from claimledger.reconcile import conflicts as rconflicts
from claimledger.reconcile import tracks as rtracks
from claimledger.reconcile.figures import side_of_state
from claimledger.reconcile.track_keys import FOREIGN


def find_conflicts(all_claims: list[LedgerClaim]) -> list[rconflicts.Conflict]:
    """reconcile's conflicts over original claims: the CLI, the API and the web all call this."""
    with_figures = [c for c in all_claims if c.quantities]
    return rconflicts.find_conflicts(all_claims, rtracks.build_tracks(with_figures))


def mentions(
    about: str | None,
    title: str,
    group: str | None,
    names: dict[str, str | None],
    sentences: Iterable[str] = (),
) -> bool:
    """Is a track about `about`? The one rule behind `figures --about` and `/figures?about=`.

    Case-insensitive: a word of the track's title or group, a state named by one of its words
    ("Baku" -> Azerbaijan, through the alias table) that is the track's group or a claimant's
    affiliation (or its side), foreign fighters whose sentences name the state, a phrase of
    several words the figures' sentences are written with ("Syrian fighters"), or part of a
    claimant's name or affiliation. `names`: claimant -> affiliation; `sentences`: the figures'
    sentences. The same rule as reconcile.figures' `--about` matching.
    """
    if not about or not about.strip():
        return True
    needle = about.strip().casefold()
    if needle in title.casefold() or needle in (group or "").casefold():
        return True
    state = alias_table().country_words.get(key_of(about))
    if state is not None and (
        state == group or state in names.values() or side_of_state(state) == group
    ):
        return True
    texts = [t.casefold() for t in sentences]
    if state is not None and group == FOREIGN and any(needle in t for t in texts):
        return True  # foreign fighters from Syria: the origin is named in the figures' sentences
    if " " in needle and any(needle in t for t in texts):
        return True  # a phrase its figures are written with: "Syrian fighters"
    return any(needle in n.casefold() or needle in (a or "").casefold() for n, a in names.items())


# A chart draws at most this many points per claimant: one per day and kind, the latest.
CHART_POINTS = 300


def chart_points(track: Track) -> Track:
    """The track with, per claimant, the points a chart draws: dated ones with a value, one per
    day and kind (the day's last word), the latest CHART_POINTS; counts and latest unchanged."""
    rows = []
    for row in track.claimants:
        by_day: dict[tuple[date, bool], FigurePoint] = {}
        for p in row.points:  # oldest first: a later statement the same day replaces one
            if p.date is not None and p.value is not None:
                by_day[(p.date, p.kind == "incremental")] = p
        kept = sorted(by_day.values(), key=lambda p: p.date or date.min)[-CHART_POINTS:]
        rows.append(row.model_copy(update={"points": kept}))
    return track.model_copy(update={"claimants": rows, "notes": []})


# -- building: through reconcile --------------------------------------------------------------


def _point(p: rtracks.TrackPoint, by_id: dict[str, LedgerClaim]) -> FigurePoint:
    claim = by_id[p.claim_id]
    return FigurePoint(
        date=p.stated_on,
        value=p.best,
        low=p.low,
        high=p.high,
        kind=p.kind,
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
                implied=track.implied.get(name),
                n_points=len(points),
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
        headline=rtracks.is_headline_track(track),
        n_points=sum(r.n_points for r in rows),
        notes=list(track.notes),
        n_notes=len(track.notes),
        n_inconsistent=sum(n.startswith("INCONSISTENT") for n in track.notes),
        claimants=rows,
    )


def build_tracks(all_claims: list[LedgerClaim]) -> list[Track]:
    """reconcile.build_tracks over the claims; most contested first, as `figures_table` ranks."""
    by_id = {c.claim_id: c for c in all_claims}
    out = [_convert(t, by_id) for t in rtracks.build_tracks(all_claims)]
    out.sort(key=lambda t: (-len(t.claimants), -t.n_points, t.title))
    return out


def build_conflicts(all_claims: list[LedgerClaim]) -> list[ConflictRef]:
    """reconcile.find_conflicts over every original claim, newest first."""
    by_id = {c.claim_id: c for c in all_claims}
    out = []
    for c in find_conflicts(all_claims):
        members = [by_id[i] for i in c.claim_ids if i in by_id]
        if len(members) < 2:
            continue
        dates = [m.stated_on for m in members if m.stated_on is not None]
        out.append(
            ConflictRef(
                conflict_id="-".join(c.claim_ids),
                kind=c.kind,
                explanation=c.explanation,
                track_id=c.track_id,
                claimants=list(c.claimants),
                claim_ids=[m.claim_id for m in members],
                latest=max(dates) if dates else None,
            )
        )
    out.sort(key=lambda c: c.latest or date.min, reverse=True)
    return out


def resolve_conflicts(engine: Engine, refs: Sequence[ConflictRef]) -> list[Conflict]:
    """Conflicts with their claims read back (one query per few hundred claims)."""
    by_id = {c.claim_id: c for c in claims_by_id(engine, [i for r in refs for i in r.claim_ids])}
    return [
        Conflict(
            conflict_id=r.conflict_id,
            kind=r.kind,
            explanation=r.explanation,
            track_id=r.track_id,
            claimants=r.claimants,
            claims=[by_id[i] for i in r.claim_ids if i in by_id],
        )
        for r in refs
    ]
