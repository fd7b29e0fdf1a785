"""Attributions being assembled (`Draft`) and the character helpers every rule shares.

Token ranges become character spans here, without the edge punctuation PolNeAR's scorer and the
ledger both ignore.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from claimledger.models import Mode, Stance
from claimledger.models import Span as CharSpan

EDGE_PUNCT = frozenset(",;:-–—")
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "«", "»"})


@dataclass
class Draft:
    """An attribution being assembled: token-level parts before resolution."""

    content: list[CharSpan]
    cue: list[CharSpan] = field(default_factory=list)
    source: Span | None = None
    mode: Mode = "indirect"
    stance: Stance = "assert"
    cue_lemma: str = ""
    verb: int | None = None
    # The name of the rule that found it (see `cascade.RULES`); kept when others extend it.
    rule: str = ""


def char_range(doc: Doc, first: int, last: int) -> CharSpan | None:
    """Characters of tokens first..last inclusive, without edge punctuation; None if empty."""
    while first <= last and (doc[first].text in EDGE_PUNCT or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].text in EDGE_PUNCT or doc[last].is_space):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def strip_final(doc: Doc, first: int, last: int) -> int:
    """Drop a sentence-final full stop from a content range."""
    while last > first and doc[last].is_punct and doc[last].text in ".!?":
        last -= 1
    return last


def covered(pos: int, drafts: list[Draft]) -> bool:
    return any(s <= pos < e for d in drafts for s, e in d.content)


def token_at(starts: list[int], pos: int) -> int:
    """Index of the token holding (or starting right after) character `pos`."""
    return max(bisect_right(starts, pos) - 1, 0)
