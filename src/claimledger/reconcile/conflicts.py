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

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from claimledger.models import Claim
from claimledger.reconcile.aliases import alias_table, word_set
from claimledger.reconcile.tracks import Track, TrackPoint, fold_word, track_key

__all__ = ["Conflict", "claim_terms", "find_conflicts"]

ConflictKind = Literal["figure", "denial"]

_WORD = re.compile(r"[^\W\d_][\w\-]*", re.UNICODE)
# Function words and the vocabulary of denying itself: they say nothing about the topic.
_STOP = word_set(
    """a an the and or but of in on at to for from by with as is are was were be been being
    has have had do does did not no nor never any some this that these those there here it
    its they them their he she his her we our you i which who what when where how than then
    so such only also just very more most less all both each other into over about after
    before against between during since until up down out off again further once will
    would can could should may might must said says say told according claim claims claimed
    report reports reported evidence single fake news false lie lies baseless allegation
    allegations alleged deny denies denied rejected reject rejects untrue true information
    statement statements present presented provided
    """
)


@dataclass(frozen=True)
class Conflict:
    """Claims that contradict each other, and why."""

    kind: ConflictKind
    claim_ids: tuple[str, ...]
    claimants: tuple[str, ...]
    track_id: str | None
    explanation: str


def _stem(word: str) -> str:
    """Fold plural and synonym forms: militants -> fighters, deaths -> killed."""
    folded = fold_word(word)
    if folded != word:
        return folded
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def claim_terms(claim: Claim) -> frozenset[str]:
    """Topic terms of a claim: content words (folded), states named, and its tracks."""
    t = alias_table()
    terms: set[str] = set()
    words = [w.lower() for w in _WORD.findall(claim.content.replace("’", "'"))]
    i = 0
    while i < len(words):
        # States first, longest phrase wins: "Nagorno-Karabakh", "White House", "Syrian".
        for size in (3, 2, 1):
            state = t.country_words.get(tuple(words[i : i + size]))
            if state is not None:
                terms.add(state.lower())
                i += size
                break
        else:
            w = words[i].removesuffix("'s")
            if w not in _STOP and len(w) > 2:
                terms.add(_stem(w))
            i += 1
    for q in claim.quantities:
        key = track_key(q, claim)
        if key is not None:
            terms.add(key.counted)
            if key.group:
                terms.add(key.group.lower())
    return frozenset(terms)


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


def _previous_in_document(claims: list[Claim], deny: Claim, reach: int = 800) -> list[Claim]:
    """Claims just before a denial in its own article, by other claimants: what it answers."""
    return [
        c
        for c in claims
        if c.doc_id == deny.doc_id
        and c.claimant != deny.claimant
        and c.stance in ("assert", "estimate")
        and deny.start - reach <= c.start < deny.start
    ]


def _sides_differ(a: Claim, b: Claim) -> bool:
    """A denial answers the other side: same claimant or same known affiliation is not a clash."""
    if a.claimant == b.claimant:
        return False
    return a.affiliation is None or b.affiliation is None or a.affiliation != b.affiliation


def _denials(claims: list[Claim], window_days: int, max_links: int) -> list[Conflict]:
    denials = [c for c in claims if c.stance == "deny"]
    if not denials:
        return []
    asserts = [c for c in claims if c.stance in ("assert", "estimate")]
    terms = [claim_terms(c) for c in asserts]
    terms_of = {c.claim_id: ts for c, ts in zip(asserts, terms, strict=True)}
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in asserts:
        by_doc[c.doc_id].append(c)
    # Postings per term, sorted by date, so a denial only looks at its time window.
    dated: dict[str, list[tuple[int, int]]] = defaultdict(list)
    undated: dict[str, list[int]] = defaultdict(list)
    for idx, (c, ts) in enumerate(zip(asserts, terms, strict=True)):
        for term in ts:
            if c.stated_on is None:
                undated[term].append(idx)
            else:
                dated[term].append((c.stated_on.toordinal(), idx))
    for postings in dated.values():
        postings.sort()
    n = len(asserts)
    idf = {
        term: math.log(1 + n / (len(dated.get(term, ())) + len(undated.get(term, ()))))
        for term in {*dated, *undated}
    }
    out: list[Conflict] = []
    for deny in denials:
        own = claim_terms(deny)
        before = _previous_in_document(by_doc.get(deny.doc_id, []), deny)
        topic = set(own)
        if len(own) < 2:  # "This is fake news": the topic is what came just before
            for c in before:
                topic |= terms_of[c.claim_id]
        scores = _score(deny, topic, dated, undated, idf, window_days)
        ranked = sorted(
            ((s, idx) for idx, (s, shared) in scores.items() if shared >= 2),
            key=lambda x: (-x[0], x[1]),
        )
        linked = [asserts[idx] for _, idx in ranked if _sides_differ(deny, asserts[idx])]
        if len(own) < 2:
            linked = [*(c for c in before if _sides_differ(deny, c)), *linked]
        unique = list({c.claim_id: c for c in linked}.values())  # first mention order
        for target in unique[:max_links]:
            out.append(_denial_conflict(deny, target, topic & terms_of[target.claim_id]))
    return out


def _score(
    deny: Claim,
    topic: set[str],
    dated: dict[str, list[tuple[int, int]]],
    undated: dict[str, list[int]],
    idf: dict[str, float],
    window_days: int,
    per_term: int = 400,
) -> dict[int, tuple[float, int]]:
    """idx -> (summed idf of shared terms, number shared) for assertions in the window."""
    scores: dict[int, tuple[float, int]] = {}

    def add(idx: int, weight: float) -> None:
        s, k = scores.get(idx, (0.0, 0))
        scores[idx] = (s + weight, k + 1)

    for term in topic:
        weight = idf.get(term)
        if weight is None:
            continue
        postings = dated.get(term, [])
        if deny.stated_on is None:
            window = postings[-per_term:]
        else:
            # Claims up to the denial's next day (dates are approximate), nearest first.
            hi_day = deny.stated_on.toordinal() + 1
            lo = bisect_left(postings, (hi_day - 1 - window_days, -1))
            hi = bisect_right(postings, (hi_day, math.inf))
            window = postings[max(lo, hi - per_term) : hi]
        for _, idx in window:
            add(idx, weight)
        for idx in undated.get(term, [])[-per_term:]:
            add(idx, weight)
    return scores


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
