"""Figures views: each claimant's (or each side's) latest figure on each track.

`figures_table` is the "Per claimant" table; `figures_by_side` the table Wikipedia keeps by
hand, "Per Armenia: … / Per Azerbaijan: … / Per others: …", one figure per side and track (the
side's latest word, and who said it), every other claimant listed under "others".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from claimledger.names.aliases import alias_table, key_of
from claimledger.reconcile.sides import OTHERS, PartyTable, bundled_party_table
from claimledger.reconcile.taxonomy import bundled_taxonomy
from claimledger.reconcile.track_keys import FOREIGN

if TYPE_CHECKING:
    from claimledger.reconcile.tracks import Track, TrackPoint

__all__ = [
    "FigureRow",
    "SideRow",
    "day_text",
    "figures_by_side",
    "figures_table",
    "fmt_number",
    "format_row",
    "format_side_rows",
    "is_headline_track",
    "print_side_rows",
]


def fmt_number(x: float) -> str:
    """1,234 or 12.50: thousands separated, decimals only when there are some."""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def day_text(d: date | None) -> str:
    """ISO date, or "undated"."""
    return d.isoformat() if d else "undated"


def side_of_state(state: str) -> str | None:
    table = bundled_party_table()
    party = table.by_affiliation.get(state)
    return table.side_of(party) if party is not None else None


@dataclass(frozen=True)
class TrackFigure:
    """A claimant's figure on a track, with the claim and sentence it comes from: what every
    row of the figures views shows."""

    track_id: str
    label: str
    claimant: str
    stated_on: date | None
    text: str
    value: float | None
    low: float | None
    high: float | None
    claim_id: str
    sentence: str


# TrackFigure's fields in order, for a row's constructor.
_FigureFields = tuple[
    str, str, str, date | None, str, float | None, float | None, float | None, str, str
]


def _figure_of(track: Track, p: TrackPoint) -> _FigureFields:
    """The TrackFigure fields of point `p` on `track`."""
    return (
        track.track_id,
        track.label,
        p.claimant,
        p.stated_on,
        p.text,
        p.value,
        p.low,
        p.high,
        p.claim_id,
        p.sentence,
    )


@dataclass(frozen=True)
class FigureRow(TrackFigure):
    """One line of the figures view: per claimant, its latest figure on a track."""

    implied: float | None = None


def _about(track: Track, about: str) -> bool:
    """Does the track concern `about`: a state, a word of its label, or a claimant?"""
    needle = about.strip().lower()
    if needle in track.label.lower():
        return True
    state = alias_table().country_words.get(key_of(about))
    if state is not None:
        if state == track.key.group or side_of_state(state) == track.key.group:
            return True
        # Foreign fighters from Syria: the origin is named in the figures' sentences.
        if track.key.group == FOREIGN and any(
            needle in p.sentence.lower() for points in track.points.values() for p in points
        ):
            return True
    return any(needle in c.lower() for c in track.points)


def is_headline_track(track: Track) -> bool:
    """A track an analyst follows: people counted (soldiers, civilians, fighters…) or an event.

    Figures of bare things with nothing happening to them ("12 systems", "140 names") are kept
    in the ledger but left out of the default figures view.
    """
    return track.key.counted in bundled_taxonomy().counted or track.key.event is not None


def _ranked(tracks: Iterable[Track], about: str | None, everything: bool) -> list[Track]:
    """Tracks most-contested first (most claimants, then most points), filtered."""
    ranked = sorted(
        tracks, key=lambda t: (-len(t.points), -sum(len(v) for v in t.points.values()), t.label)
    )
    return [
        t
        for t in ranked
        if (not about or _about(t, about)) and (everything or is_headline_track(t))
    ]


def figures_table(
    tracks: Iterable[Track], about: str | None = None, *, everything: bool = False
) -> list[FigureRow]:
    """The latest figure of every claimant on every track (optionally only tracks `about` X).

    Tracks come most-contested first (most claimants, then most points), claimants in order of
    their latest statement; `everything` keeps tracks `is_headline_track` would leave out.
    Render rows with `format_row`: "Per Armenia: 158 soldiers killed (2020-10-02)".
    """
    rows: list[FigureRow] = []
    for track in _ranked(tracks, about, everything):
        latest = sorted(track.latest.values(), key=lambda p: (p.stated_on or date.max, p.claimant))
        for p in latest:
            rows.append(FigureRow(*_figure_of(track, p), track.implied.get(p.claimant)))
    return rows


def format_row(row: FigureRow) -> str:
    """ "Per Armenia: 158 soldiers killed (2020-10-02)"."""
    label = row.label
    implied = ""
    if row.implied is not None:
        implied = f"; {fmt_number(row.implied)} with later increments"
    return f"Per {row.claimant}: {row.text} {label} ({day_text(row.stated_on)}){implied}"


@dataclass(frozen=True)
class SideRow(TrackFigure):
    """One figure of the side table: a side's (or another claimant's) latest word on a track."""

    side: str  # "Armenia", or "others"
    share: bool = False


def _latest(points: list[TrackPoint]) -> TrackPoint:
    """The latest statement: the last dated one, an undated one only if none is dated."""
    return max(points, key=lambda p: (p.stated_on is not None, p.stated_on or date.min))


def figures_by_side(
    tracks: Iterable[Track],
    about: str | None = None,
    *,
    table: PartyTable | None = None,
    everything: bool = False,
) -> list[SideRow]:
    """Each side's latest figure on each track, who said it; others per claimant.

    A side at war (parties.yaml `belligerent`) gets one figure per track: the latest statement
    of any of its claimants. Claimants of other sides (mediators, monitors, media) and those
    the table cannot place come under "others", one figure per claimant. Rows come by side
    (belligerents in order of how many tracks they speak on, "others" last), then by track in
    the order of `figures_table`.
    """
    parties = table or bundled_party_table()
    rows: list[SideRow] = []
    for row_track in _ranked(tracks, about, everything):
        by_side: dict[str, list[TrackPoint]] = {}
        for p in row_track.latest.values():
            shown = parties.shown_as(p.side)
            key = p.claimant if shown == OTHERS else shown
            by_side.setdefault(f"{shown}\0{key}", []).append(p)
        for grouping, points in by_side.items():
            p = _latest(points)
            rows.append(
                SideRow(*_figure_of(row_track, p), side=grouping.split("\0")[0], share=p.share)
            )
    order: dict[str, int] = {}
    for r in rows:
        if r.side != OTHERS:
            order[r.side] = order.get(r.side, 0) + 1
    rank = {side: i for i, side in enumerate(sorted(order, key=lambda s: (-order[s], s)))}
    position = {id(r): i for i, r in enumerate(rows)}
    rows.sort(key=lambda r: (rank.get(r.side, len(rank)), position[id(r)]))
    return rows


def _plain(text: str) -> str:
    """Document text made inert for a terminal: control characters (escape codes) shown as
    "?", whitespace runs as one space."""
    return "".join(c if c.isprintable() else "?" for c in " ".join(text.split()))


def format_side_rows(rows: list[SideRow]) -> list[str]:
    """Text lines: "Per Armenia:" headings, then "  158 Armenian soldiers killed — Armenia
    (2020-10-02) [track e8247b2d]"."""
    lines: list[str] = []
    current = None
    for r in rows:
        if r.side != current:
            current = r.side
            lines.append(f"Per {r.side}:")
        share = " (share)" if r.share else ""
        lines.append(
            f"  {_plain(r.text)} {r.label}{share} — {_plain(r.claimant)} "
            f"({day_text(r.stated_on)}) [track {r.track_id[:8]}]"
        )
    return lines


def print_side_rows(
    tracks: Iterable[Track],
    about: str | None,
    *,
    everything: bool,
    as_json: bool,
    table: PartyTable | None = None,
) -> None:
    """`claimledger figures --by side`: the side table as text lines, or JSON."""
    import json
    from dataclasses import asdict

    import typer

    rows = figures_by_side(tracks, about, everything=everything, table=table)
    if as_json:
        # The side first, as the table reads ("Per Armenia: ..."), then the figure.
        side_first = [{"side": r.side, **asdict(r)} for r in rows]
        typer.echo(json.dumps(side_first, ensure_ascii=False, default=str))
    elif not rows:
        typer.echo("No figures in the ledger yet.")
    else:
        for line in format_side_rows(rows):
            typer.echo(line)
