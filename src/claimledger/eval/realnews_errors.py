"""Why each real-news error happened: one cause per unmatched figure and per missed gold entry.

Causes, checked in this order (the first that holds names the error):

- `same figure in two claims`: the figure fits an entry another figure already matched;
- `wrong side`: the figure fits an entry but is credited to a claimant of another party;
- `wrong source`: it fits an entry but is credited to another claimant of the same or no party;
- `junk figure`: a time, date, year, age, rate or page furniture read as a figure;
- `wrong counted/event`: right claimant and value, wrong words;
- `wrong bounds`: right claimant and words, the number right but its interval not;
- `not in gold`: any other figure the gold does not list;
- `missed`: a required entry no figure came near;
- `wrong date`: a matched entry whose `stated_on` differs from the gold day (not a scoring error).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from claimledger.eval.realnews import (
    OUTLET,
    DocResult,
    Figure,
    GoldEntry,
    Record,
    claimant_agrees,
    is_outlet_record,
    misattributed,
    values_agree,
    words_agree,
)

CAUSES: tuple[str, ...] = (
    "wrong source",
    "wrong side",
    "same figure in two claims",
    "junk figure",
    "wrong bounds",
    "wrong counted/event",
    "wrong date",
    "not in gold",
    "missed",
)

# Shapes of numbers that are never a ledger's figure: clock times, years, dates, ages, rates.
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:a\.m\.|p\.m\.|am|pm|gmt|utc)\b", re.I)
_YEAR = re.compile(r"^(?:in |since |of )?(?:1[89]\d\d|20\d\d)s?$")
_AGE = re.compile(r"\b(?:aged?|years? old|-year-old)\b", re.I)
_RATE = re.compile(r"\b(?:usd|eur|rub|azn|amd|dollar|euro|rouble|ruble|manat|dram)\b", re.I)
_MONTHS = frozenset(
    {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
    | {"january", "february", "march", "april", "june", "july", "august", "september"}
    | {"october", "november", "december"}
)


@dataclass(frozen=True)
class Error:
    """One error: its cause, the document, what was written, and its sentence."""

    cause: str
    doc: str
    text: str
    claimant: str
    sentence: str


def looks_like_junk(figure: Figure) -> bool:
    """A clock time, a year, a date, an age or a rate read as a figure."""
    text = str(figure.quantity.get("text") or "").strip().lower()
    sentence = str(figure.record.get("sentence") or "")
    if _CLOCK.search(text) or _YEAR.match(text):
        return True
    near = _context(sentence, text)
    if any(month in near.split() for month in _MONTHS) and not figure.quantity.get("counted"):
        return True
    return bool(_AGE.search(near) or _RATE.search(near))


def _context(sentence: str, text: str) -> str:
    at = sentence.lower().find(text)
    if at < 0:
        return ""
    return sentence[max(0, at - 25) : at + len(text) + 25].lower()


def party_guesser(gold: Sequence[GoldEntry]) -> dict[str, str]:
    """Each gold claimant substring -> its party, to judge a prediction's side by its name."""
    votes: dict[str, Counter[str]] = {}
    for entry in gold:
        party = entry.get("party")
        if not party:
            continue
        for name in entry.get("claimant") or []:
            if name != OUTLET and len(name) > 3:
                votes.setdefault(name.lower(), Counter())[party] += 1
    return {name: c.most_common(1)[0][0] for name, c in votes.items()}


def party_of_record(record: Record, guesses: Mapping[str, str]) -> str | None:
    """The record's own `party` when exported, else the party its name has in the gold."""
    party = record.get("party")
    if isinstance(party, str) and party and party != "unknown":
        return party
    if is_outlet_record(record):
        return "media"
    claimant = str(record.get("claimant") or "").lower()
    best = max((n for n in guesses if n in claimant), key=len, default=None)
    return guesses[best] if best else None


def explain(
    result: DocResult, guesses: Mapping[str, str], strict_sides: Iterable[str] = ()
) -> list[Error]:
    """Every error of one document, one cause each."""
    errors: list[Error] = []
    figure_entry = result.figure_entry()
    matched_entries = set(result.matched)
    for figure in result.figures:
        if figure.index in figure_entry:
            continue
        errors.append(_error(_figure_cause(result, figure, matched_entries, guesses), figure))
    for ei in result.required:
        if ei in result.matched:
            continue
        errors.append(_missed(result, result.entries[ei]))
    for ei, fi in result.matched.items():
        entry, figure = result.entries[ei], result.figures[fi]
        stated = entry.get("stated")
        if stated and figure.record.get("stated_on") != stated:
            errors.append(_error("wrong date", figure))
    return errors


def _figure_cause(
    result: DocResult, figure: Figure, matched_entries: set[int], guesses: Mapping[str, str]
) -> str:
    for ei in matched_entries:
        taken = result.entries[ei]
        if values_agree(taken, figure) and words_agree(taken, figure):
            return "same figure in two claims"
    fits = misattributed(result, figure)
    if fits is not None:
        side = party_of_record(figure.record, guesses)
        gold_side = fits.get("party")
        # The other side of a conflict: two parties, neither the press. An outlet's own figure
        # credited to a party (or a party's to the outlet) is a wrong source, not a side.
        if side and gold_side and side != gold_side and "media" not in (side, gold_side):
            return "wrong side"
        return "wrong source"
    if looks_like_junk(figure):
        return "junk figure"
    for entry in result.entries:
        if not claimant_agrees(entry, figure.record):
            continue
        if values_agree(entry, figure):
            return "wrong counted/event"
        if words_agree(entry, figure) and _same_digits(entry, figure):
            return "wrong bounds"
    return "not in gold"


def _same_digits(entry: GoldEntry, figure: Figure) -> bool:
    def digits(s: str) -> str:
        return re.sub(r"\D", "", s)

    gold = digits(str(entry.get("text") or ""))
    return bool(gold) and gold == digits(str(figure.quantity.get("text") or ""))


def _missed(result: DocResult, entry: GoldEntry) -> Error:
    cause = "missed"
    for figure in result.figures:
        said = claimant_agrees(entry, figure.record)
        if said and words_agree(entry, figure) and _same_digits(entry, figure):
            cause = "wrong bounds"
            break
        if said and values_agree(entry, figure):
            cause = "wrong counted/event"
            break
    if cause == "missed" and any(
        values_agree(entry, f) and words_agree(entry, f) for f in result.figures
    ):
        # Its figure was found under another claimant: counted there as a wrong source.
        cause = "wrong source"
    return Error(
        cause=f"{cause} (gold)" if cause != "missed" else cause,
        doc=result.doc,
        text=str(entry.get("text") or ""),
        claimant=str((entry.get("claimant") or ["?"])[0]),
        sentence=str(entry.get("sentence") or ""),
    )


def _error(cause: str, figure: Figure) -> Error:
    return Error(
        cause=cause,
        doc=figure.doc,
        text=str(figure.quantity.get("text") or ""),
        claimant=str(figure.record.get("claimant") or ""),
        sentence=str(figure.record.get("sentence") or "").replace("\n", " ")[:160],
    )
