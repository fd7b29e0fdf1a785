"""Score exported claim records against the real-news figure gold (`../shared/data/realnews`).

The rule is the gold set's own (its README): over every quantity of every exported claim in a
gold document, a gold entry is matched by a quantity when

1. the claimant matches: one of the entry's substrings appears (case-insensitively) in the
   record's `claimant` or `claimant_mention`; `"OUTLET"` is matched by an unattributed record or
   one whose claimant is the outlet itself;
2. the value intervals overlap (two single points must be equal);
3. one of the entry's `counted`/`event` stems appears in the quantity's `counted`, `event`,
   `group` or `text`.

Each quantity matches at most one entry: required entries first, then optional ones, greedily
in gold order (a quantity from the entry's own sentence, then one written with the entry's own
digits, is preferred when several could match).
Matching an optional entry is neither a hit nor a false positive: it adds nothing to recall
and counts as a correct figure for precision (precision = figures that matched any entry / all).

This module holds only the matching and the counts; `realnews_errors.py` explains each error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimledger.eval.rates import F1, Rate

Record = Mapping[str, Any]
GoldEntry = Mapping[str, Any]

OUTLET = "OUTLET"
INFINITY = float("inf")


@dataclass(frozen=True)
class Figure:
    """One exported quantity with the claim it sits in (what the scorer compares)."""

    doc: str
    index: int  # position among the document's figures, stable for one export
    record: Record
    quantity: Mapping[str, Any]

    @property
    def words(self) -> str:
        """The quantity's own words the stems are looked for in."""
        parts = [self.quantity.get(k) for k in ("counted", "event", "group", "text")]
        return " ".join(p for p in parts if isinstance(p, str)).lower()

    @property
    def interval(self) -> tuple[float, float]:
        """The value as an interval; an open bound is infinite."""
        return quantity_interval(self.quantity)


def quantity_interval(quantity: Mapping[str, Any]) -> tuple[float, float]:
    """`more than 200` -> (200, inf); `almost 200` -> (-inf, 200); `300` -> (300, 300)."""
    low, high, value = quantity.get("low"), quantity.get("high"), quantity.get("value")
    if low is None and high is None and value is not None:
        return float(value), float(value)
    lo = float(low) if low is not None else -INFINITY
    hi = float(high) if high is not None else INFINITY
    return lo, hi


def gold_interval(entry: GoldEntry) -> tuple[float, float]:
    """The gold interval: a missing bound is open."""
    lo = float(entry["low"]) if entry.get("low") is not None else -INFINITY
    hi = float(entry["high"]) if entry.get("high") is not None else INFINITY
    return lo, hi


def values_agree(entry: GoldEntry, figure: Figure) -> bool:
    """Rule 2: the intervals overlap (for two points: they are equal)."""
    glo, ghi = gold_interval(entry)
    plo, phi = figure.interval
    if plo == -INFINITY and phi == INFINITY:
        return False
    return max(glo, plo) <= min(ghi, phi)


def words_agree(entry: GoldEntry, figure: Figure) -> bool:
    """Rule 3: a counted or event stem of the entry appears in the quantity's words."""
    words = figure.words
    stems = [*(entry.get("counted") or []), *(entry.get("event") or [])]
    return any(stem.lower() in words for stem in stems)


def is_outlet_record(record: Record) -> bool:
    """The record speaks on the outlet's own authority."""
    if record.get("mode") == "unattributed":
        return True
    claimant = (record.get("claimant") or "").strip().lower()
    outlet = (record.get("outlet") or "").strip().lower()
    return bool(claimant) and claimant == outlet


def claimant_agrees(entry: GoldEntry, record: Record) -> bool:
    """Rule 1: one of the entry's claimant substrings names the record's claimant."""
    names = entry.get("claimant") or []
    said_by = " | ".join(str(record.get(k) or "") for k in ("claimant", "claimant_mention")).lower()
    for name in names:
        if name == OUTLET:
            if is_outlet_record(record):
                return True
        elif name.lower() in said_by:
            return True
    return False


def matches(entry: GoldEntry, figure: Figure) -> bool:
    """All three rules."""
    return (
        claimant_agrees(entry, figure.record)
        and values_agree(entry, figure)
        and words_agree(entry, figure)
    )


def _same_number(entry: GoldEntry, figure: Figure) -> bool:
    """The figure is written with the entry's own digits (`at least 30` for gold `at least 30`),
    so an open interval does not take a larger figure of the same sentence first."""
    gold = re.sub(r"\D", "", str(entry.get("text") or ""))
    return bool(gold) and gold == re.sub(r"\D", "", str(figure.quantity.get("text") or ""))


def _from_its_sentence(entry: GoldEntry, figure: Figure) -> bool:
    prefix = (entry.get("sentence") or "").strip()
    return bool(prefix) and prefix[:40] in (figure.record.get("sentence") or "")


@dataclass
class DocResult:
    """How one document's figures and gold entries paired up."""

    doc: str
    entries: list[GoldEntry]
    figures: list[Figure]
    matched: dict[int, int] = field(default_factory=dict)  # entry index -> figure index

    @property
    def required(self) -> list[int]:
        """Indexes of the entries that count for recall."""
        return [i for i, e in enumerate(self.entries) if not e.get("optional")]

    def figure_entry(self) -> dict[int, int]:
        """Figure index -> the entry it matched."""
        return {f: e for e, f in self.matched.items()}


def match_document(doc: str, entries: Sequence[GoldEntry], figures: Sequence[Figure]) -> DocResult:
    """Pair each gold entry with at most one figure, required entries first."""
    result = DocResult(doc=doc, entries=list(entries), figures=list(figures))
    used: set[int] = set()
    order = result.required + [i for i in range(len(entries)) if i not in set(result.required)]
    for ei in order:
        entry = entries[ei]
        candidates = [f for f in figures if f.index not in used and matches(entry, f)]
        if not candidates:
            continue
        candidates.sort(
            key=lambda f: (not _from_its_sentence(entry, f), not _same_number(entry, f), f.index)
        )
        chosen = candidates[0]
        used.add(chosen.index)
        result.matched[ei] = chosen.index
    return result


@dataclass
class Counts:
    """Recall, precision and misattributions over a set of documents."""

    required: int = 0
    hit: int = 0
    figures: int = 0  # every figure in the gold documents
    correct: int = 0
    misattributed: int = 0

    def add(self, other: Counts) -> None:
        """Sum another set of counts into this one."""
        self.required += other.required
        self.hit += other.hit
        self.figures += other.figures
        self.correct += other.correct
        self.misattributed += other.misattributed

    # Matched required entries over required entries.
    recall = Rate("hit", "required")
    # Figures that matched any entry (optional ones too) over all figures.
    precision = Rate("correct", "figures")
    f1 = F1()


def misattributed(result: DocResult, figure: Figure) -> GoldEntry | None:
    """An unmatched figure whose value and words fit a gold entry but whose claimant does not."""
    if figure.index in result.figure_entry():
        return None
    for entry in result.entries:
        if (
            values_agree(entry, figure)
            and words_agree(entry, figure)
            and not claimant_agrees(entry, figure.record)
        ):
            return entry
    return None


def count(result: DocResult) -> Counts:
    """The document's counts by the README's rule."""
    required = set(result.required)
    return Counts(
        required=len(required),
        hit=sum(1 for e in result.matched if e in required),
        figures=len(result.figures),
        correct=len(result.matched),
        misattributed=sum(1 for f in result.figures if misattributed(result, f) is not None),
    )


def figures_by_doc(records: Iterable[Record], doc_of: Mapping[str, str]) -> dict[str, list[Figure]]:
    """Every quantity of every record, grouped by gold document id (`doc_of`: doc_path -> id)."""
    grouped: dict[str, list[Figure]] = {}
    ordered = sorted(records, key=lambda r: (r.get("start") or 0, r.get("claim_id") or ""))
    for record in ordered:
        doc = doc_of.get(str(record.get("doc_path") or ""))
        if doc is None:
            continue
        figures = grouped.setdefault(doc, [])
        for quantity in record.get("quantities") or []:
            figures.append(Figure(doc=doc, index=len(figures), record=record, quantity=quantity))
    return grouped


def timeline_points(timelines: Sequence[GoldEntry], records: Iterable[Record]) -> tuple[int, int]:
    """Timeline points found (claimant, `stated_on` and value all right) and points in all."""
    records = list(records)
    found = total = 0
    for line in timelines:
        names = [n.lower() for n in line.get("claimant") or []]
        for day, value in line.get("series") or []:
            total += 1
            for record in records:
                if record.get("stated_on") != day:
                    continue
                said_by = f"{record.get('claimant') or ''} | {record.get('claimant_mention') or ''}"
                if not any(n in said_by.lower() for n in names):
                    continue
                if any(
                    quantity_interval(q) == (float(value), float(value))
                    for q in record.get("quantities") or []
                ):
                    found += 1
                    break
    return found, total
