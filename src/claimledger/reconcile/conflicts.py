"""Contradictions: figures that cannot both hold, and denials linked to what they deny.

Two kinds are found. *Figure* conflicts sit inside one track, grouped per day or window
(`figure_conflicts`): the sides give totals for the same thing whose ranges do not overlap,
e.g. Armenia's own count of its dead against Azerbaijan's count of them; one group holds every
claimant of the bucket, with the range and the claimants of each side. Claimants of one side
(Armenia's ministry and the Karabakh authorities; Baku and its prosecutor's office) do not
contradict each other.

*Denial* links join a deny-stance claim (or an assertion that is a denial in substance:
"... is absolutely untrue") to the assertions it answers, from another side, stated before it
in the window. A denial pointing back ("dismissed the report", "called it disinformation",
"This is fake news") answers one claim just before it in its article: the one its own words
and its side's words around it are about, else the one naming the denier, else the nearest;
the same proposition asserted elsewhere by others is linked too. Any other denial is matched by
topic (content words folded as tracks fold them, states named): at least two shared terms, one
of them specific, and who is counted when it names it; only the best match per claimant, and
only matches nearly as good as the best one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from claimledger.models import Claim
from claimledger.names.claimants import refine_claimants
from claimledger.reconcile.bulk import gc_paused
from claimledger.reconcile.figure_conflicts import Conflict, figure_conflicts
from claimledger.reconcile.sides import UNKNOWN, bundled_party_table, party_of
from claimledger.reconcile.topics import GENERIC, TopicIndex, claim_terms, state_terms
from claimledger.reconcile.tracks import EVENT_WORDS, SUBJECT_NOUNS, Track

__all__ = ["Conflict", "contradicted_by", "find_conflicts"]

# How far back in its own article a topic-less denial looks for what it answers (characters).
_REACH = 800
# What naming the denier is worth when choosing the claim a denial points back at, in idf
# units (about two shared specific words): "Azerbaijan calls it disinformation" answers the
# claim about Azerbaijani troops rather than a mediator's words sharing "truce".
_NAMES_DENIER = 3.0
# How many of a denial's best topic matches across the ledger are looked at.
_CANDIDATES = 40


@gc_paused
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
        Figure conflict groups (biggest disagreement first, `figure_conflicts`) then denial
        links (claim order).
    """
    claim_list = refine_claimants(list(claims))
    track_list = list(tracks)
    conflicts = figure_conflicts(track_list, window_days)
    conflicts.extend(_denials(claim_list, denial_window_days, max_links, _track_ids(track_list)))
    return conflicts


def contradicted_by(conflicts: Iterable[Conflict]) -> dict[str, list[tuple[str, Conflict]]]:
    """For each claim, the claims that contradict or deny it, with the conflict saying so.

    A denial's target is answered by the denial (and the denial contradicts the target); in a
    figure group each claim is contradicted by the other sides' figures it clashes with.
    """
    out: dict[str, list[tuple[str, Conflict]]] = defaultdict(list)
    for c in conflicts:
        if c.kind == "denial":
            deny, target = c.claim_ids
            out[target].append((deny, c))
            out[deny].append((target, c))
            continue
        for claim_id, others in c.against:
            out[claim_id].extend((o, c) for o in others)
    return out


def _track_ids(tracks: list[Track]) -> dict[str, str]:
    """claim_id -> the track of its first figure, exactly as the tracks were built."""
    out: dict[str, str] = {}
    for t in tracks:
        for points in t.points.values():
            for p in points:
                out.setdefault(p.claim_id, t.track_id)
                for other in p.also:
                    out.setdefault(other, t.track_id)
    return out


def _sides_differ(a: Claim, b: Claim) -> bool:
    """A denial answers the other side: one claimant, one known side (Armenia and the
    Karabakh authorities) or one known affiliation (Baku and its ministries) is no clash."""
    if a.claimant == b.claimant:
        return False
    voice_a = _voice(a.claimant, a.claimant_mention, a.claimant_type)
    if voice_a is not None and voice_a == _voice(b.claimant, b.claimant_mention, b.claimant_type):
        return False
    return a.affiliation is None or a.affiliation != b.affiliation


@lru_cache(maxsize=65536)
def _voice(claimant: str, mention: str | None, claimant_type: str) -> str | None:
    """The side at war a claimant speaks for, else None (outlets and agencies speak alone)."""
    table = bundled_party_table()
    side = table.side_of(party_of(claimant, mention, table=table, claimant_type=claimant_type))
    return side if side != UNKNOWN and table.is_belligerent(side) else None


# Assertions that are denials in substance: "Armenia's claim ... is absolutely untrue".
_DENIAL_WORDS = re.compile(
    r"\b(?:untrue|not true|baseless|groundless|fake news|disinformation|lies|a lie|false|"
    r"fabricated|fabrication|slander)\b",
    re.IGNORECASE,
)


# A denial pointing back at what was just said: "called it disinformation", "recruiting them".
_REFERS_BACK = re.compile(_DENIAL_WORDS.pattern + r"|\b(?:this|them|these|those)\b", re.I)


def _is_denial(c: Claim) -> bool:
    # Only a quotation is taken at its word: in reported speech the denial word may belong to
    # someone else ("Armenia says a Turkish F-16 shot down its jet; Ankara calls it untrue").
    return c.stance == "deny" or (
        c.stance == "assert" and c.mode == "direct" and bool(_DENIAL_WORDS.search(c.content))
    )


@dataclass
class _Pool:
    """The assertions a denial may answer, indexed by topic and by document."""

    claims: list[Claim]
    index: TopicIndex
    by_doc: dict[str, list[int]]


def _denials(
    claims: list[Claim], window_days: int, max_links: int, track_ids: dict[str, str]
) -> list[Conflict]:
    denying = [_is_denial(c) for c in claims]
    denials = _distinct_denials([c for c, d in zip(claims, denying, strict=True) if d])
    if not denials:
        return []
    # Only attributed statements can be answered: the outlet's own narration is nobody's claim.
    asserts = [
        c
        for c, d in zip(claims, denying, strict=True)
        if not d and c.stance in ("assert", "estimate") and c.mode != "unattributed"
    ]
    by_doc: dict[str, list[int]] = defaultdict(list)
    for idx, c in enumerate(asserts):
        by_doc[c.doc_id].append(idx)
    pool = _Pool(asserts, TopicIndex(asserts), by_doc)
    doc_claims: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        doc_claims[c.doc_id].append(c)
    out: list[Conflict] = []
    for deny in denials:
        picked = _answered(deny, pool, doc_claims[deny.doc_id], window_days, max_links)
        for i, shared in picked:
            track = _track_of(asserts[i], doc_claims[deny.doc_id], track_ids)
            out.append(_denial_conflict(deny, asserts[i], shared, track))
    return out


def _distinct_denials(denials: list[Claim]) -> list[Claim]:
    """One sentence read twice ("Stepanyan said ... and described the accusation as
    groundless") gives two denials; the one with an unknown claimant adds nothing."""
    named = {(c.doc_id, c.start) for c in denials if c.claimant != "unknown"}
    return [c for c in denials if c.claimant != "unknown" or (c.doc_id, c.start) not in named]


def _side_context(deny: Claim, same_doc: list[Claim]) -> set[str]:
    """Terms of what the denier's side says around the denial in its own article.

    "Turkey rejected the account within hours. 'Armenia's claim that a Turkish F-16 shot down
    an Armenian SU-25 is absolutely untrue,' said Fahrettin Altun": the side's next words name
    what "the account" was.
    """
    terms: set[str] = set()
    for c in same_doc:
        if c.claim_id == deny.claim_id or abs(c.start - deny.start) > _REACH:
            continue
        if c.mode != "unattributed" and (
            not _sides_differ(c, deny) or (_is_denial(c) and c.start > deny.start)
        ):
            terms |= claim_terms(c)
    return terms - GENERIC


def _answered(
    deny: Claim, pool: _Pool, same_doc: list[Claim], window_days: int, max_links: int
) -> list[tuple[int, frozenset[str]]]:
    """The assertions `deny` answers, best first: (index in pool, shared topic terms)."""
    asserts, index = pool.claims, pool.index
    own = set(claim_terms(deny))
    side = (deny.affiliation or "").lower()
    idf = index.idf
    # Other-side assertions just before it in its own article.
    before = [
        i
        for i in pool.by_doc.get(deny.doc_id, [])
        if deny.start - _REACH <= asserts[i].start < deny.start and _sides_differ(deny, asserts[i])
    ]
    topicless = not own - GENERIC - state_terms()
    if own & SUBJECT_NOUNS:  # "reports of recruited militants": about fighters, or nothing here
        before = [i for i in before if own & SUBJECT_NOUNS & index.terms[i]]
    if before and (topicless or _REFERS_BACK.search(deny.content)):
        # "This is fake news", "dismissed the report", "called the report disinformation":
        # it answers one claim just before it, the one its own words and its side's words
        # around it are about, else the one naming the denier, else the nearest.
        context = (_side_context(deny, same_doc) | own) - GENERIC

        def fit(i: int) -> tuple[float, int]:
            terms = index.terms[i]
            overlap = sum(idf.get(t, 0.0) for t in context & terms)
            if side and side in terms:  # an accusation names the accused
                overlap += _NAMES_DENIER
            return (overlap, asserts[i].start)

        best = max(before, key=fit)
        topic = set(index.terms[best])
        picked = [(best, frozenset(context & topic))]
        # The same proposition asserted elsewhere (Macron's 300 fighters and Armenia's 4,000).
        others = _related(deny, topic, pool, window_days, exclude={best})
        # ... naming what it names: who is counted, or the places and people it names.
        key = (topic & SUBJECT_NOUNS) or _names(asserts[best])
        strong = [
            (i, sh)
            for i, sh, score in others
            if score >= 0.4 * _weight(topic, idf) and (not key or key & sh)
        ]
        return _one_per_claimant(picked + strong, asserts, max_links)
    if topicless:
        return []
    topic = own | ({side} if side else set())
    ranked = _related(deny, topic, pool, window_days, exclude=set(), same_doc_first=before)
    if not ranked:
        return []
    best_score = ranked[0][2]
    good = [(i, sh) for i, sh, score in ranked if score >= 0.8 * best_score]
    return _one_per_claimant(good, asserts, max_links)


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z][\w-]+")


def _names(claim: Claim) -> set[str]:
    """Topic terms of the proper names in a claim's content (places, people), states aside."""
    found = {m.group(0).lower() for m in _NAME.finditer(claim.content)}
    return (found & claim_terms(claim)) - state_terms()


def _weight(terms: Iterable[str], idf: dict[str, float]) -> float:
    return sum(idf.get(t, 0.0) for t in terms)


def _related(
    deny: Claim,
    topic: set[str],
    pool: _Pool,
    window_days: int,
    exclude: set[int],
    same_doc_first: Iterable[int] = (),
) -> list[tuple[int, frozenset[str], float]]:
    """Plausible answers to `deny` about `topic`, best first: (index, shared terms, score).

    Plausible: another side; stated in the window before the denial (an undated claim only
    from the denial's own article); sharing who is counted when the topic names it; and
    sharing at least two terms, one of them specific (not a state, "forces", "fighting").
    """
    asserts, index = pool.claims, pool.index
    day = deny.stated_on.toordinal() if deny.stated_on else None
    subjects = topic & SUBJECT_NOUNS
    states = state_terms()
    side = (deny.affiliation or "").lower()
    candidates: list[int] = list(same_doc_first)
    if day is not None:
        # Best first by shared topic: the plausible answers are among the first few dozen.
        candidates += index.related(topic, day, window_days)[:_CANDIDATES]
    scored: list[tuple[float, int, frozenset[str]]] = []
    seen: set[int] = set(exclude)
    local = set(same_doc_first)
    for i in candidates:
        if i in seen:
            continue
        seen.add(i)
        c = asserts[i]
        if not _sides_differ(deny, c):
            continue
        if c.doc_id != deny.doc_id and (c.stated_on is None or day is None):
            continue
        terms = index.terms[i]
        shared = frozenset(topic & terms)
        specific = shared - GENERIC - states - EVENT_WORDS
        if len(shared) < 2 or not specific or (subjects and not subjects & terms):
            continue
        score = _weight(shared, index.idf)
        if side and side in terms:  # a claim about the denier is what it most likely answers
            score *= 1.25
        if i in local:  # the article itself sets the denial against it
            score *= 1.25
        scored.append((-score, i, shared))
    scored.sort(key=lambda x: (x[0], x[1]))
    return [(i, shared, -neg) for neg, i, shared in scored]


def _one_per_claimant(
    picked: list[tuple[int, frozenset[str]]], asserts: list[Claim], max_links: int
) -> list[tuple[int, frozenset[str]]]:
    """The best answer per claimant (one person's repeated claim is one claim), at most N."""
    seen: set[str] = set()
    out: list[tuple[int, frozenset[str]]] = []
    for i, shared in picked:
        who = asserts[i].claimant
        if who in seen:
            continue
        seen.add(who)
        out.append((i, shared))
        if len(out) >= max_links:
            break
    return out


def _denial_conflict(
    deny: Claim, target: Claim, shared: Iterable[str], track_id: str | None
) -> Conflict:
    topic = ", ".join(sorted(shared)) or "the preceding claim in the same article"
    return Conflict(
        "denial",
        (deny.claim_id, target.claim_id),
        (deny.claimant, target.claimant),
        track_id,
        f"{deny.claimant} denies ({deny.content!r}) what {target.claimant} asserted "
        f"({target.content!r}); shared topic: {topic}",
    )


def _track_of(target: Claim, same_doc: list[Claim], track_ids: dict[str, str]) -> str | None:
    """The track a denied claim is about: its own figures' track, else (a claim pointing back,
    "Russia had also spoken of plausible evidence for this") the track of the nearest claim
    with a figure just before it in its article."""
    own = track_ids.get(target.claim_id)
    if own is not None or target.doc_id != (same_doc[0].doc_id if same_doc else None):
        return own
    before = [
        c
        for c in same_doc
        if target.start - _REACH <= c.start < target.start and c.claim_id in track_ids
    ]
    if not before or not _REFERS_BACK.search(target.content):
        return None
    return track_ids[max(before, key=lambda c: c.start).claim_id]
