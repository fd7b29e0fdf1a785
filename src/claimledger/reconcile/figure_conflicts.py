"""Figure conflicts, grouped: per track and day (or window), one group with the range and the
claimants of each side, not one row per pair.

At 50,000 claims a pairwise listing gave 252,634 rows: every claim against every other
claimant. Here a track's totals are bucketed by day (or by windows of `window_days`); a bucket
where two sides give figures that cannot both hold is one group, holding every claimant's
latest figure of the bucket. Groups are ranked by the size of the disagreement (how many times
the highest figure is the lowest) and then by the number of independent origins behind them.
Claimants of one side (Armenia's defence ministry and the Nagorno-Karabakh authorities) never
contradict each other; on a track of one place's strikes, figures naming different weekdays
are different strikes.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from claimledger.reconcile.figures import day_text
from claimledger.reconcile.sides import UNKNOWN, bundled_party_table
from claimledger.reconcile.tracks import Track, TrackPoint

__all__ = ["Conflict", "figure_conflicts", "rank_key"]

ConflictKind = Literal["figure", "denial"]
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


@dataclass(frozen=True)
class Conflict:
    """Claims that contradict each other, and why.

    A figure conflict is a group: every claim in `claim_ids` stated a figure on the track in
    the window from `day` to `until`; `low`/`high` is the range they span; `sides` lists the
    claimants on each side. A denial is a pair: (the denial, the claim it answers).
    """

    kind: ConflictKind
    claim_ids: tuple[str, ...]
    claimants: tuple[str, ...]
    track_id: str | None
    explanation: str
    day: date | None = None
    until: date | None = None
    low: float | None = None
    high: float | None = None
    # (side, (claimant, ...)) per side, in order of their figures (lowest first).
    sides: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Independent origins behind the figures: the claims plus the other reports of them.
    origins: int = 0
    # How far apart: the highest figure over the lowest (1.0 for a denial).
    spread: float = 1.0
    # For each claim, the claims in the group that contradict it (other sides, clashing).
    against: tuple[tuple[str, tuple[str, ...]], ...] = field(default=(), compare=False)


def rank_key(c: Conflict) -> tuple[float, int, str]:
    """Biggest disagreement first, then the most independent origins."""
    return (-c.spread, -c.origins, c.explanation)


def _interval(p: TrackPoint) -> tuple[float, float]:
    """The range a figure allows: bounds as stated; about-figures get the usual 10% rounding."""
    if p.value is not None:
        if p.approximate:
            return p.value * 0.9, p.value * 1.1
        return p.value, p.value
    low = p.low if p.low is not None else -math.inf
    high = p.high if p.high is not None else math.inf
    return low, high


def _clash(p: TrackPoint, q: TrackPoint) -> bool:
    """Cannot both hold: disjoint on one day; across days a total may grow, so there one
    figure must be more than double the other."""
    (a_lo, a_hi), (b_lo, b_hi) = _interval(p), _interval(q)
    if p.stated_on == q.stated_on:
        return a_hi < b_lo or b_hi < a_lo
    return a_hi * 2 < b_lo or b_hi * 2 < a_lo


def _side(p: TrackPoint) -> str:
    """The side a figure speaks for: its side when at war, else its affiliation, else itself.

    Two outlets, two monitors or two UN agencies are each their own voice: only a side at war
    (Armenia's ministry and the Karabakh authorities) speaks as one.
    """
    if p.side != UNKNOWN and bundled_party_table().is_belligerent(p.side):
        return p.side
    return p.affiliation or p.claimant


def _other_incident(p: TrackPoint, q: TrackPoint) -> bool:
    """Two strikes on one town: "another strike on Barda on Tuesday" vs "on Wednesday"."""
    a = {d.lower() for d in _WEEKDAY.findall(p.sentence)}
    b = {d.lower() for d in _WEEKDAY.findall(q.sentence)}
    return bool(a and b and not a & b)


def _windows(days: list[date], window_days: int) -> list[tuple[date, date]]:
    """Consecutive windows of at most `window_days` days covering the sorted `days`."""
    out: list[tuple[date, date]] = []
    for d in days:
        if out and (d - out[-1][0]).days <= window_days:
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return out


def figure_conflicts(tracks: Iterable[Track], window_days: int = 0) -> list[Conflict]:
    """One group per track and window where two sides' figures cannot both hold, ranked."""
    out: list[Conflict] = []
    for track in tracks:
        out.extend(_track_groups(track, window_days))
    out.sort(key=rank_key)
    return out


def _track_groups(track: Track, window_days: int) -> list[Conflict]:
    by_day: dict[date, dict[str, TrackPoint]] = defaultdict(dict)
    for claimant, points in track.points.items():
        for p in points:
            if p.kind != "incremental" and not p.share and p.stated_on is not None:
                by_day[p.stated_on][claimant] = p  # a later same-day total supersedes
    if len(by_day) == 0:
        return []
    groups: list[Conflict] = []
    for start, end in _windows(sorted(by_day), window_days):
        latest: dict[str, TrackPoint] = {}
        for day, per in sorted(by_day.items()):
            if start <= day <= end:
                latest.update(per)
        if len(latest) < 2:
            continue
        group = _group(track, start, end, list(latest.values()))
        if group is not None:
            groups.append(group)
    return groups


def _group(track: Track, start: date, end: date, points: list[TrackPoint]) -> Conflict | None:
    against: dict[str, set[str]] = defaultdict(set)
    sides = [_side(p) for p in points]
    for i, p in enumerate(points):
        for j in range(i + 1, len(points)):
            q = points[j]
            if sides[i] == sides[j] or not _clash(p, q):
                continue
            if track.key.scope and _other_incident(p, q):
                continue
            against[p.claim_id].add(q.claim_id)
            against[q.claim_id].add(p.claim_id)
    if not against:
        return None
    members = sorted(
        (p for p in points if p.claim_id in against), key=lambda p: (_interval(p)[0], p.claimant)
    )
    lows = [lo for lo, _ in map(_interval, members) if math.isfinite(lo)]
    highs = [hi for _, hi in map(_interval, members) if math.isfinite(hi)]
    low = min(lows) if lows else None
    high = max(highs or lows) if (highs or lows) else None
    best = [b for p in members if (b := p.best) is not None and b > 0]
    spread = max(best) / min(best) if best else 1.0
    per_side: dict[str, list[str]] = {}
    for p in members:
        per_side.setdefault(_side(p), []).append(p.claimant)
    origins = len({i for p in members for i in (p.claim_id, *p.also)})
    return Conflict(
        "figure",
        tuple(p.claim_id for p in members),
        tuple(p.claimant for p in members),
        track.track_id,
        _explain(track, start, end, members),
        day=start,
        until=end,
        low=low,
        high=high,
        sides=tuple((s, tuple(c)) for s, c in per_side.items()),
        origins=origins,
        spread=spread,
        against=tuple((k, tuple(sorted(v))) for k, v in sorted(against.items())),
    )


def _explain(track: Track, start: date, end: date, members: list[TrackPoint]) -> str:
    when = day_text(start) if start == end else f"{day_text(start)} to {day_text(end)}"
    said = "; ".join(f"{p.claimant} says {p.text} ({day_text(p.stated_on)})" for p in members)
    return f"{track.label}: {said}; the figures cannot all hold ({when})"
