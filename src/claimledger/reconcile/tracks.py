"""Tracks: every figure about the same thing, per claimant, in the order it was stated.

"158 soldiers killed" from Armenia on 2 October and "54 more of its soldiers" from Stepanakert
belong to tracks keyed by what is counted and what happened to them ("Armenian soldiers
killed"). Within a track each claimant's figures are ordered by `stated_on`; running totals
(`cumulative`) and increments (`incremental`) are kept apart and checked against each other,
and the latest total from a claimant supersedes its earlier ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from claimledger.models import Claim, Kind
from claimledger.names.claimants import refine_claimants
from claimledger.reconcile.bulk import gc_paused
from claimledger.reconcile.figures import (
    FigureRow,
    day_text,
    figures_by_side,
    figures_table,
    fmt_number,
    format_row,
    is_headline_track,
)
from claimledger.reconcile.placing import place_officials
from claimledger.reconcile.sides import PartyTable, bundled_party_table
from claimledger.reconcile.taxonomy import Taxonomy, bundled_taxonomy
from claimledger.reconcile.theatres import DocTheatres
from claimledger.reconcile.track_keys import (
    FOREIGN,
    TrackKey,
    claimant_side,
    incident_scope,
    is_increment,
    is_share,
    track_key,
)

__all__ = [
    "EVENT_WORDS",
    "SUBJECT_NOUNS",
    "FigureRow",
    "Track",
    "TrackKey",
    "TrackPoint",
    "build_tracks",
    "figures_by_side",
    "figures_table",
    "fold_word",
    "format_row",
    "incident_scope",
    "is_headline_track",
    "track_key",
]

# Who is counted, in the sense that makes two statements about the same people ("people" is
# too generic for that); what happened to them: shared alone ("sent") it makes no one topic.
SUBJECT_NOUNS = frozenset(
    c.name for c in bundled_taxonomy().counted.values() if c.family == "people"
) - {"people"}
EVENT_WORDS = frozenset(bundled_taxonomy().events)


def fold_word(word: str) -> str:
    """One form for a counted noun or event word: militants -> fighters, deaths -> killed."""
    return bundled_taxonomy().fold_word(word)


@dataclass(frozen=True)
class TrackPoint:
    """One figure from one claimant on one date."""

    claimant: str
    stated_on: date | None
    value: float | None
    low: float | None
    high: float | None
    kind: Kind | None
    claim_id: str
    sentence: str
    text: str
    approximate: bool = False
    # Other claims stating the very same figure (independent reports of one statement).
    also: tuple[str, ...] = ()
    # The state or body the claimant speaks for: figures from one side do not contradict.
    affiliation: str | None = None
    # A share of the group ("50 percent of the mercenaries"), not a count: never a total.
    share: bool = False
    # The side the claimant speaks for (parties.yaml): "Armenia" for the Karabakh ministry.
    side: str = "unknown"

    @property
    def best(self) -> float | None:
        """The number to add up: the point value, else the stated bound."""
        if self.value is not None:
            return self.value
        return self.low if self.low is not None else self.high


@dataclass
class Track:
    """All figures about one thing, per claimant, with what the figures imply."""

    track_id: str
    key: TrackKey
    points: dict[str, list[TrackPoint]] = field(default_factory=dict)
    # Latest running total per claimant (a later total supersedes an earlier one).
    latest: dict[str, TrackPoint] = field(default_factory=dict)
    # Latest total plus the increments stated after it, when there are any.
    implied: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Readable name of what is counted."""
        return self.key.label


def _claim_keys(
    claim: Claim, taxonomy: Taxonomy | None, parties: PartyTable | None, theatre: str | None
) -> list[TrackKey | None]:
    """The track of each figure of a claim; a figure saying only what it counts takes what
    happened from a sibling ("11 more servicemen had been killed, taking its toll to 220")."""
    keys = [
        track_key(q, claim, taxonomy=taxonomy, parties=parties, theatre=theatre)
        for q in claim.quantities
    ]
    if len(keys) < 2:
        return keys
    for k, key in enumerate(keys):
        if key is None or key.event is not None:
            continue
        sibling = next(
            (o for o in keys if o is not None and o.event and o.counted == key.counted), None
        )
        if sibling is not None:
            group = key.group or sibling.group
            keys[k] = TrackKey(group, key.counted, sibling.event, key.unit, key.scope, key.theatre)
    return keys


def _foreign_in_context(key: TrackKey | None, tax: Taxonomy) -> TrackKey | None:
    """In an article about foreign fighters, "240 militants have been killed" are those
    fighters: a class whose owner is "foreign" takes it when the figure names no owner."""
    if key is None or key.group is not None:
        return key
    cls = tax.counted.get(key.counted)
    if cls is None or cls.owner != "foreign":
        return key
    return TrackKey(FOREIGN, key.counted, key.event, key.unit, key.scope, key.theatre)


def _in_theatre(
    key: TrackKey | None, table: PartyTable, theatres: DocTheatres, doc_id: str
) -> TrackKey | None:
    """The key with its article's theatre, unless whose they are says it (a side at war)."""
    if key is None or (key.group is not None and table.is_belligerent(key.group)):
        return key
    theatre = theatres.of(doc_id)
    if theatre is None:
        return key
    return TrackKey(key.group, key.counted, key.event, key.unit, key.scope, theatre)


def _figures_of(c: Claim) -> frozenset[tuple[float | None, float | None, float | None]]:
    return frozenset((q.value, q.low, q.high) for q in c.quantities)


def _unshadowed(claims: list[Claim]) -> list[Claim]:
    """Claims minus those a more specific claimant makes in the very same sentence.

    "Nagorno-Karabakh reported 54 more deaths, its defence ministry said" is read as a claim
    by Nagorno-Karabakh and one by its defence ministry: one statement, credited to the
    ministry (the state's claim is dropped when the ministry's holds the same figures).
    """
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.quantities:
            by_sentence[(c.doc_id, c.start)].append(c)
    shadowed: set[str] = set()
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        for a in group:
            for b in group:
                if (
                    a is not b
                    and b.affiliation == a.claimant
                    and b.claimant != a.claimant
                    and _figures_of(a) <= _figures_of(b)
                ):
                    shadowed.add(a.claim_id)
    return [c for c in claims if c.claim_id not in shadowed] if shadowed else claims


def _order(p: tuple[TrackPoint, int]) -> tuple[int, date, int]:
    day = p[0].stated_on
    return (0, day, p[1]) if day is not None else (1, date.min, p[1])


@gc_paused
def build_tracks(
    claims: Iterable[Claim],
    *,
    taxonomy: Taxonomy | None = None,
    parties: PartyTable | None = None,
) -> list[Track]:
    """Group every figure in `claims` into tracks and check each claimant's series.

    Args:
        claims: claims from any documents; merge copies first (`copies.merge_copies`) so that a
            syndicated figure is one point, not ten.
        taxonomy: what is counted and what happened (default: the bundled taxonomy).
        parties: the party table deciding sides (default: the bundled one).

    Returns:
        Tracks sorted by label. In each, `points[claimant]` is ordered by stated_on (then by
        position in the input); undated points come last.
    """
    raw: dict[TrackKey, dict[str, list[tuple[TrackPoint, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    seq = 0
    tax = taxonomy or bundled_taxonomy()
    table = parties or bundled_party_table()
    refined = place_officials(_unshadowed(refine_claimants(list(claims))), table)
    theatres = DocTheatres(refined, parties)
    keyed = [(c, _claim_keys(c, tax, parties, None)) for c in refined]
    foreign_docs = {
        c.doc_id for c, keys in keyed for k in keys if k is not None and k.group == FOREIGN
    }
    for claim, keys in keyed:
        if claim.doc_id in foreign_docs:
            keys = [_foreign_in_context(k, tax) for k in keys]
        keys = [_in_theatre(k, table, theatres, claim.doc_id) for k in keys]
        side = claimant_side(claim, parties)
        for q, key in zip(claim.quantities, keys, strict=True):
            if key is None or (q.value is None and q.low is None and q.high is None):
                continue
            point = TrackPoint(
                claim.claimant,
                claim.stated_on,
                q.value,
                q.low,
                q.high,
                "incremental" if is_increment(q, claim) else q.kind,
                claim.claim_id,
                claim.sentence,
                q.text,
                q.approximate,
                affiliation=claim.affiliation,
                share=is_share(q),
                side=side,
            )
            raw[key][claim.claimant].append((point, seq))
            seq += 1
    tracks = [_track(key, per) for key, per in raw.items()]
    tracks.sort(key=lambda t: (t.label, t.track_id))
    return tracks


def _dedupe(points: list[TrackPoint]) -> list[TrackPoint]:
    """One point per distinct figure; repeated reports of it are kept in `also`."""
    seen: dict[tuple[object, ...], int] = {}
    out: list[TrackPoint] = []
    for p in points:
        k = (p.stated_on, p.value, p.low, p.high, p.kind)
        if k in seen:
            i = seen[k]
            if p.claim_id != out[i].claim_id and p.claim_id not in out[i].also:
                out[i] = _with_also(out[i], p.claim_id)
            continue
        seen[k] = len(out)
        out.append(p)
    return out


def _with_also(p: TrackPoint, claim_id: str) -> TrackPoint:
    return TrackPoint(**{**p.__dict__, "also": (*p.also, claim_id)})


def _track(key: TrackKey, per: dict[str, list[tuple[TrackPoint, int]]]) -> Track:
    track = Track(key.track_id, key)
    for claimant in sorted(per):
        points = _dedupe([p for p, _ in sorted(per[claimant], key=_order)])
        track.points[claimant] = points
        _check_series(track, claimant, points)
    return track


def _check_series(track: Track, claimant: str, points: list[TrackPoint]) -> None:
    """Walk one claimant's series: totals vs earlier totals plus the increments since.

    A figure without a kind is read as a total (a bare "19 civilians killed" is the count so
    far); increments stated before the next total, same day included, are taken as part of it.
    """
    last: TrackPoint | None = None
    last_dated: TrackPoint | None = None
    added = 0.0
    increments: list[TrackPoint] = []
    shares = [p for p in points if p.share]
    points = [p for p in points if not p.share]
    if not points:
        # Only shares ("50 percent eliminated"): the latest is the claimant's latest word.
        if shares:
            track.latest[claimant] = shares[-1]
        return
    for p in points:
        if p.kind == "incremental":
            if p.best is not None:
                added += p.best
                increments.append(p)
            continue
        if last is not None and last.best is not None and p.stated_on is not None:
            _compare(track, claimant, last, increments, added, p)
        last, added, increments = p, 0.0, []
        if p.stated_on is not None:
            last_dated = p
    # An undated total cannot supersede a dated one: we do not know it is later.
    latest = last_dated or last
    if latest is None:
        # Only increments: the latest of them is still this claimant's latest word.
        if increments:
            track.latest[claimant] = increments[-1]
        return
    track.latest[claimant] = latest
    if increments and latest is last and latest.best is not None:
        track.implied[claimant] = latest.best + added


def _compare(
    track: Track,
    claimant: str,
    last: TrackPoint,
    increments: list[TrackPoint],
    added: float,
    p: TrackPoint,
) -> None:
    assert last.best is not None  # checked by the caller
    expected = last.best + added
    low = p.low if p.low is not None else p.value
    high = p.high if p.high is not None else p.value
    if p.approximate and p.value is not None:  # "about 200": allow the usual rounding
        low, high = p.value * 0.9, p.value * 1.1
    since = f" + {fmt_number(added)} in {len(increments)} increment(s) since" if increments else ""
    where = f"{claimant} ({track.label})"
    if increments:
        # Less than the increments add up to cannot be. More can, when days went by after the
        # last reported increment (not every day's increment makes the news): a gap.
        last_inc = increments[-1].stated_on
        unreported = last_inc is None or (
            p.stated_on is not None and (p.stated_on - last_inc).days > 1
        )
        if high is not None and expected > high:
            verdict = "INCONSISTENT"
        elif low is not None and expected < low:
            verdict = "gap" if unreported else "INCONSISTENT"
        else:
            verdict = "consistent"
        track.notes.append(
            f"{verdict}: {where} total {p.text} on {day_text(p.stated_on)} vs "
            f"{fmt_number(last.best)} on {day_text(last.stated_on)}{since} = {fmt_number(expected)}"
        )
    elif high is not None and high < last.best and last.kind != "incremental":
        track.notes.append(
            f"INCONSISTENT: {where} total fell from {fmt_number(last.best)} on "
            f"{day_text(last.stated_on)} to {p.text} on {day_text(p.stated_on)}"
        )
