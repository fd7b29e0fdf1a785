"""Tracks: every figure about the same thing, per claimant, in the order it was stated.

"158 soldiers killed" from Armenia on 2 October and "54 more of its soldiers" from Stepanakert
belong to tracks keyed by what is counted and what happened to them ("Armenian soldiers
killed"). Within a track each claimant's figures are ordered by `stated_on`; running totals
(`cumulative`) and increments (`incremental`) are kept apart and checked against each other,
and the latest total from a claimant supersedes its earlier ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from claimledger.lexicon import shipped_lexicon
from claimledger.models import Claim, Kind, Quantity, content_hash
from claimledger.names.aliases import alias_table, key_of, word_set
from claimledger.names.claimants import refine_claimants
from claimledger.reconcile.bulk import gc_paused

__all__ = [
    "EVENT_WORDS",
    "SUBJECT_NOUNS",
    "FigureRow",
    "Track",
    "TrackKey",
    "TrackPoint",
    "build_tracks",
    "figures_table",
    "fold_word",
    "format_row",
    "incident_scope",
    "is_headline_track",
    "track_key",
]

# Written forms -> one noun. Fighters: every word the press uses for the foreign irregulars.
_COUNTED = {
    "fighters": "militants mercenaries fighters jihadists jihadis terrorists islamists "
    "militant mercenary fighter jihadist terrorist islamist",
    "soldiers": "soldiers servicemen troops servicemembers personnel soldier serviceman troop",
    "civilians": "civilians civilian residents inhabitants",
    "people": "people persons individuals",
    "prisoners": "prisoners pows captives prisoner pow captive",
}
_EVENTS = {
    event: " ".join(forms) for event, forms in shipped_lexicon().mapping("track_events").items()
}
# Who is counted, in the sense that makes two statements about the same people ("people" is
# too generic for that).
SUBJECT_NOUNS = frozenset(_COUNTED) - {"people"}
# What happened to them, folded: shared alone ("sent", "killed") it does not make one topic.
EVENT_WORDS = frozenset(_EVENTS)
_COUNTED_INDEX = {w: canon for canon, ws in _COUNTED.items() for w in ws.split()}
_EVENT_INDEX = {w: canon for canon, ws in _EVENTS.items() for w in ws.split()}
_FOREIGN = word_set("foreign middle east eastern jihadist islamist terrorist")
_OWN = word_set("its our their own")
# A figure about one strike ("a missile hit Ganja, killing 13") is not the running toll: it is
# kept on a track of its own, scoped by the place that was hit. Running-total wording wins.
_INCIDENT = re.compile(
    r"\b(?:strikes?|struck|attacks?|attacked|rockets?|missiles?|shelled|shelling|bombs?|bombed|"
    r"bombing|blasts?|explosions?|hit|raids?|airstrikes?|drone strikes?)\b",
    re.IGNORECASE,
)
_TOTAL = shipped_lexicon().pattern("track_total_words", re.IGNORECASE)
_PLACE = re.compile(
    r"\b(?:in|on|at|near|hit|struck|of)\s+(?:the\s+)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w-]+)?)"
)
_NOT_PLACES = word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december sept oct nov dec jan feb aug "
    "the a an its their his her"
)


@dataclass(frozen=True)
class TrackKey:
    """What a figure is about: whose (a state or "foreign"), what is counted, what happened."""

    group: str | None
    counted: str
    event: str | None
    unit: str | None = None
    # The place of a single incident ("Barda") when the figure counts one strike, not a toll.
    scope: str | None = None

    @property
    def track_id(self) -> str:
        """Stable id: the same key gives the same id in every run."""
        parts = [self.group or "", self.counted, self.event or "", self.unit or ""]
        if self.scope:  # unscoped tracks keep the ids they always had
            parts.append(self.scope)
        return content_hash(*parts)

    @cached_property
    def label(self) -> str:
        """Readable name: "Azerbaijani civilians killed", "people killed at Barda"."""
        t = alias_table()
        who = t.demonym.get(self.group, self.group) if self.group else None
        parts = [
            who,
            self.counted,
            self.event,
            f"at {self.scope}" if self.scope else None,
            f"({self.unit})" if self.unit else None,
        ]
        return " ".join(p for p in parts if p)


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


def fold_word(word: str) -> str:
    """One form for a counted noun or event word: militants -> fighters, deaths -> killed."""
    w = word.lower()
    return _COUNTED_INDEX.get(w) or _EVENT_INDEX.get(w) or w


def _norm(word: str | None, index: dict[str, str]) -> str | None:
    if not word:
        return None
    words = word.lower().replace("-", " ").split()
    if not words:
        return None
    if index is _COUNTED_INDEX:
        # A counted noun's head comes last and alone decides: "Syrian fighters" are fighters,
        # "personnel carriers" are carriers (not personnel).
        return index.get(words[-1], words[-1])
    for w in reversed(words):  # an event phrase: "shot down" is shot
        if w in index:
            return index[w]
    return words[-1]


def _group_of(group: str | None, counted_words: str | None, side: str, counted: str) -> str | None:
    """Whose people: a state from the group words, "foreign", or the claimant's own side."""
    t = alias_table()
    text = " ".join(p for p in (group, counted_words) if p)
    key = key_of(text)
    for size in (3, 2, 1):
        for i in range(len(key) - size + 1):
            gram = key[i : i + size]
            state = t.country_words.get(gram) or (t.peoples[gram][1] if gram in t.peoples else None)
            if state:
                return state
    words = set(key)
    if counted == "fighters" and (words & _FOREIGN or "mercenaries" in words):
        return "foreign"
    if words & _OWN:
        return side
    return None


def track_key(q: Quantity, claim: Claim, *, scoped: bool = True) -> TrackKey | None:
    """The track a figure belongs to, or None when it says nothing countable.

    `scoped=False` leaves out the incident scope (what is counted is all a topic needs).
    """
    key = _track_key(q.counted, q.event, q.group, q.unit, claim.affiliation or claim.claimant)
    if key is not None and key.counted == "fighters" and key.group in (None, "foreign"):
        # "300 fighters have left Syria", "Islamist militants ... brought from northern Syria":
        # fighters from Syria are Syrian fighters, however the figure itself is worded.
        origin = _origin(claim.content)
        if origin is not None:
            key = TrackKey(origin, key.counted, key.event, key.unit)
    if key is None or q.kind == "cumulative" or not scoped:
        return key
    scope = incident_scope(claim.sentence)
    if scope is None:
        return key
    return TrackKey(key.group, key.counted, key.event, key.unit, scope)


_ORIGIN = re.compile(
    r"\b(?:from|left|leaving|out of)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|"
    r"war-torn|neighbouring|neighboring)\s+)?([A-Z][\w-]+)"
)


@lru_cache(maxsize=65536)
def _origin(content: str) -> str | None:
    """The one state fighters are said to come from ("left Syria", "from northern Syria")."""
    t = alias_table()
    found = {t.country_words.get(key_of(m.group(1))) for m in _ORIGIN.finditer(content)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=65536)
def incident_scope(sentence: str) -> str | None:
    """The place of the one incident a sentence counts the toll of, or None for a running toll.

    "A missile hit a residential street in Ganja before dawn on Saturday, killing 13 people"
    -> "Ganja"; "the strike raised the number of civilians killed since Sept. 27 to 90" -> None
    (a running total); sentences naming no strike, or no place, -> None.
    """
    if not _INCIDENT.search(sentence) or _TOTAL.search(sentence):
        return None
    t = alias_table()
    for m in _PLACE.finditer(sentence):
        words = m.group(1).split()
        # "in Azerbaijan's Tartar district": a state is not the place that was hit.
        while words and (
            key_of(words[0]) in t.country_words
            or key_of(words[0]) in t.entities
            or words[0].lower() in _NOT_PLACES
        ):
            words.pop(0)
        if words and key_of(" ".join(words)) not in t.entities:
            place = words[0].rstrip("'’s") if words[0].endswith(("'s", "’s")) else words[0]
            if key_of(place) not in t.country_words and place.lower() not in _NOT_PLACES:
                return place
    return None


@lru_cache(maxsize=65536)
def _track_key(
    counted_words: str | None,
    event: str | None,
    group_words: str | None,
    unit: str | None,
    side: str,
) -> TrackKey | None:
    # Cached: a ledger repeats the same few (counted, event, group) triples endlessly.
    counted = _norm(counted_words, _COUNTED_INDEX)
    if counted is None:
        return None
    group = _group_of(group_words, counted_words, side, counted)
    return TrackKey(group, counted, _norm(event, _EVENT_INDEX), unit)


def _claim_keys(claim: Claim) -> list[TrackKey | None]:
    """The track of each figure of a claim; a figure saying only what it counts takes what
    happened from a sibling ("11 more servicemen had been killed, taking its toll to 220")."""
    keys = [track_key(q, claim) for q in claim.quantities]
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
            keys[k] = TrackKey(group, key.counted, sibling.event, key.unit, key.scope)
    return keys


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
def build_tracks(claims: Iterable[Claim]) -> list[Track]:
    """Group every figure in `claims` into tracks and check each claimant's series.

    Args:
        claims: claims from any documents; merge copies first (`copies.merge_copies`) so that a
            syndicated figure is one point, not ten.

    Returns:
        Tracks sorted by label. In each, `points[claimant]` is ordered by stated_on (then by
        position in the input); undated points come last.
    """
    raw: dict[TrackKey, dict[str, list[tuple[TrackPoint, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    seq = 0
    for claim in _unshadowed(refine_claimants(list(claims))):
        keys = _claim_keys(claim)
        for q, key in zip(claim.quantities, keys, strict=True):
            if key is None or (q.value is None and q.low is None and q.high is None):
                continue
            point = TrackPoint(
                claim.claimant,
                claim.stated_on,
                q.value,
                q.low,
                q.high,
                q.kind,
                claim.claim_id,
                claim.sentence,
                q.text,
                q.approximate,
                affiliation=claim.affiliation,
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


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def _day(d: date | None) -> str:
    return d.isoformat() if d else "undated"


def _check_series(track: Track, claimant: str, points: list[TrackPoint]) -> None:
    """Walk one claimant's series: totals vs earlier totals plus the increments since.

    A figure without a kind is read as a total (a bare "19 civilians killed" is the count so
    far); increments stated before the next total, same day included, are taken as part of it.
    """
    last: TrackPoint | None = None
    last_dated: TrackPoint | None = None
    added = 0.0
    increments: list[TrackPoint] = []
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
    since = f" + {_fmt(added)} in {len(increments)} increment(s) since" if increments else ""
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
            f"{verdict}: {where} total {p.text} on {_day(p.stated_on)} vs "
            f"{_fmt(last.best)} on {_day(last.stated_on)}{since} = {_fmt(expected)}"
        )
    elif high is not None and high < last.best and last.kind != "incremental":
        track.notes.append(
            f"INCONSISTENT: {where} total fell from {_fmt(last.best)} on "
            f"{_day(last.stated_on)} to {p.text} on {_day(p.stated_on)}"
        )


@dataclass(frozen=True)
class FigureRow:
    """One line of the figures view: per claimant, its latest figure on a track."""

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
    implied: float | None = None


def _about(track: Track, about: str) -> bool:
    """Does the track concern `about`: a state, a word of its label, or a claimant?"""
    needle = about.strip().lower()
    if needle in track.label.lower():
        return True
    state = alias_table().country_words.get(key_of(about))
    if state is not None and state == track.key.group:
        return True
    return any(needle in c.lower() for c in track.points)


def is_headline_track(track: Track) -> bool:
    """A track an analyst follows: people counted (soldiers, civilians, fighters…) or an event.

    Figures of bare things with nothing happening to them ("12 systems", "140 names") are kept
    in the ledger but left out of the default figures view.
    """
    return track.key.counted in _COUNTED or track.key.event is not None


def figures_table(
    tracks: Iterable[Track], about: str | None = None, *, everything: bool = False
) -> list[FigureRow]:
    """The latest figure of every claimant on every track (optionally only tracks `about` X).

    Tracks come most-contested first (most claimants, then most points), claimants in order of
    their latest statement; `everything` keeps tracks `is_headline_track` would leave out.
    Render rows with `format_row`: "Per Armenia: 158 soldiers killed (2020-10-02)".
    """
    rows: list[FigureRow] = []
    ranked = sorted(
        tracks, key=lambda t: (-len(t.points), -sum(len(v) for v in t.points.values()), t.label)
    )
    for track in ranked:
        if about and not _about(track, about):
            continue
        if not everything and not is_headline_track(track):
            continue
        latest = sorted(track.latest.values(), key=lambda p: (p.stated_on or date.max, p.claimant))
        for p in latest:
            rows.append(
                FigureRow(
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
                    track.implied.get(p.claimant),
                )
            )
    return rows


def format_row(row: FigureRow) -> str:
    """ "Per Armenia: 158 soldiers killed (2020-10-02)"."""
    label = row.label
    implied = f"; {_fmt(row.implied)} with later increments" if row.implied is not None else ""
    return f"Per {row.claimant}: {row.text} {label} ({_day(row.stated_on)}){implied}"
