"""Contradictions: figures that cannot both hold, and denials linked to what they deny.

Two kinds are found. *Figure* conflicts sit inside one track: two claimants give totals for the
same thing on the same day (or within a window) whose ranges do not overlap, e.g. Armenia's
own count of its dead against Azerbaijan's count of them. *Denial* links join a deny-stance
claim to the assertions it answers, by topic overlap (content words folded through the same
synonyms as tracks, shared counted nouns, states named) within a time window; a denial with no
topic words of its own ("This is fake news") takes the topic of the claims just before it in
the same article.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from claimledger.models import Claim
from claimledger.reconcile.topics import TopicIndex, claim_terms
from claimledger.reconcile.tracks import SUBJECT_NOUNS, Track, TrackPoint, track_key

__all__ = ["Conflict", "find_conflicts"]

ConflictKind = Literal["figure", "denial"]
# How far back in its own article a topic-less denial looks for what it answers (characters).
_REACH = 800


@dataclass(frozen=True)
class Conflict:
    """Claims that contradict each other, and why."""

    kind: ConflictKind
    claim_ids: tuple[str, ...]
    claimants: tuple[str, ...]
    track_id: str | None
    explanation: str


def find_conflicts(
    claims: Iterable[Claim],
    tracks: Iterable[Track],
    window_days: int = 0,
    denial_window_days: int = 14,
    max_links: int = 3,
) -> list[Conflict]:
    """Contradictions among `claims`, using the `tracks` built from them.

    Args:
        claims: the claims (copies merged) the tracks were built from.
        tracks: `build_tracks(claims)`.
        window_days: figure conflicts compare totals stated this many days apart at most
            (0: same day). Across different days a total may have grown, so there one figure
            must be more than double the other to count.
        denial_window_days: a denial answers claims stated up to this many days before it.
        max_links: the most assertions one denial is linked to (best topic overlap first).

    Returns:
        Figure conflicts (track order) then denial links (claim order).
    """
    claim_list = list(claims)
    conflicts: list[Conflict] = []
    for track in tracks:
        conflicts.extend(_figure_conflicts(track, window_days))
    conflicts.extend(_denials(claim_list, denial_window_days, max_links))
    return conflicts


def _interval(p: TrackPoint) -> tuple[float, float]:
    """The range a figure allows: bounds as stated; about-figures get the usual 10% rounding."""
    if p.value is not None:
        if p.approximate:
            return p.value * 0.9, p.value * 1.1
        return p.value, p.value
    low = p.low if p.low is not None else -math.inf
    high = p.high if p.high is not None else math.inf
    return low, high


def _clash(p: TrackPoint, q: TrackPoint, same_day: bool) -> bool:
    (a_lo, a_hi), (b_lo, b_hi) = _interval(p), _interval(q)
    if same_day:
        return a_hi < b_lo or b_hi < a_lo
    return a_hi * 2 < b_lo or b_hi * 2 < a_lo


def _figure_conflicts(track: Track, window_days: int) -> list[Conflict]:
    # Per day, each claimant's last total that day (a later same-day total supersedes).
    by_day: dict[date, dict[str, TrackPoint]] = defaultdict(dict)
    for claimant, points in track.points.items():
        for p in points:
            if p.kind != "incremental" and p.stated_on is not None:
                by_day[p.stated_on][claimant] = p
    days = sorted(by_day)
    out: list[Conflict] = []
    seen: set[tuple[str, str, date, date]] = set()
    for i, d2 in enumerate(days):
        j = i
        while j >= 0 and (d2 - days[j]).days <= window_days:
            d1 = days[j]
            for a, p in by_day[d1].items():
                for b, q in by_day[d2].items():
                    pair = (min(a, b), max(a, b), d1, d2)
                    if a == b or pair in seen or not _clash(p, q, d1 == d2):
                        continue
                    seen.add(pair)
                    out.append(_figure_conflict(track, p, q))
            j -= 1
    return out


def _figure_conflict(track: Track, p: TrackPoint, q: TrackPoint) -> Conflict:
    def say(x: TrackPoint) -> str:
        day = x.stated_on.isoformat() if x.stated_on else "undated"
        return f"{x.claimant} says {x.text} ({day})"

    return Conflict(
        "figure",
        (p.claim_id, q.claim_id),
        (p.claimant, q.claimant),
        track.track_id,
        f"{track.label}: {say(p)} but {say(q)}; the figures cannot both hold",
    )


def _sides_differ(a: Claim, b: Claim) -> bool:
    """A denial answers the other side: same claimant or same known affiliation is not a clash."""
    if a.claimant == b.claimant:
        return False
    return a.affiliation is None or b.affiliation is None or a.affiliation != b.affiliation


def _denials(claims: list[Claim], window_days: int, max_links: int) -> list[Conflict]:
    denials = [c for c in claims if c.stance == "deny"]
    if not denials:
        return []
    # Only attributed statements can be answered: the outlet's own narration is nobody's claim.
    asserts = [c for c in claims if c.stance in ("assert", "estimate") and c.mode != "unattributed"]
    index = TopicIndex(asserts)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for idx, c in enumerate(asserts):
        by_doc[c.doc_id].append(idx)
    out: list[Conflict] = []
    for deny in denials:
        own = claim_terms(deny)
        topic = set(own)
        before: list[int] = []
        if len(own) < 2:  # "This is fake news": the topic is what came just before
            before = [
                i
                for i in by_doc.get(deny.doc_id, [])
                if deny.start - _REACH <= asserts[i].start < deny.start
                and _sides_differ(deny, asserts[i])
            ]
            before.sort(key=lambda i: -asserts[i].start)  # nearest first
            for i in before:
                topic |= index.terms[i]
        day = deny.stated_on.toordinal() if deny.stated_on else None
        # When the topic names who is counted (fighters, soldiers...), an answered claim must
        # too: states and generic words alone ("azerbaijan", "fighting") link too freely.
        subjects = topic & SUBJECT_NOUNS
        # A borrowed topic of a word or two is too thin to search the whole ledger with.
        search = len(own) >= 2 or len(topic) >= 3
        ranked = (
            i
            for i in (index.related(topic, day, window_days) if search else [])
            if _sides_differ(deny, asserts[i]) and (not subjects or subjects & index.terms[i])
        )
        # First-come order, duplicates dropped, stop as soon as there are enough.
        for i in itertools.islice(_unique(itertools.chain(before, ranked)), max_links):
            out.append(_denial_conflict(deny, asserts[i], topic & index.terms[i]))
    return out


def _unique(items: Iterable[int]) -> Iterator[int]:
    seen: set[int] = set()
    for i in items:
        if i not in seen:
            seen.add(i)
            yield i


def _denial_conflict(deny: Claim, target: Claim, shared: Iterable[str]) -> Conflict:
    topic = ", ".join(sorted(shared)) or "the preceding claim in the same article"
    return Conflict(
        "denial",
        (deny.claim_id, target.claim_id),
        (deny.claimant, target.claimant),
        _track_of(target),
        f"{deny.claimant} denies ({deny.content!r}) what {target.claimant} asserted "
        f"({target.content!r}); shared topic: {topic}",
    )


def _track_of(claim: Claim) -> str | None:
    for q in claim.quantities:
        key = track_key(q, claim)
        if key is not None:
            return key.track_id
    return None
