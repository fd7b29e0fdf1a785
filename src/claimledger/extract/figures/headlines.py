"""Headlines and standfirsts: what the lines above the body say, and whose it is.

A headline's figures belong to the source it names at its end ("..., Artsakh says", "...:
Defense Ministry", "... - Moscow"), else to the outlet; a headline or standfirst figure the
body states again is the body's claim, not a second one (the headline only announces it).
"""

from __future__ import annotations

import re

from claimledger.models import Claim, Quantity
from claimledger.names.claimants import canonicalize

# A headline naming its source at its end: "..., Artsakh says", "...: Defense Ministry",
# "... - Moscow", "... – Ukrainian military".
HEADLINE_SOURCE = re.compile(
    r"(?:,\s+(?P<said>[A-Z][\w.'’\- ]{1,60}?)\s+(?:says|said|reports|claims|confirms)"
    r"|:\s+(?P<colon>[A-Z][\w.'’\- ]{1,60}?)"
    r"|\s[-–—]\s+(?P<dash>[A-Z][\w.'’\- ]{1,40}?))\s*$"
)
_HEADLINE_WORDS = 30
_TERMINAL = (".", "!", "?", "”", '"', "’", "'", "»")


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines above the body: unpunctuated short lines (headline, standfirst, section labels)
    before the first line that ends a sentence."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.endswith(_TERMINAL):
            break
        if len(stripped.split()) <= _HEADLINE_WORDS * 2:
            spans.append((start, end))
    return spans


def settle_headlines(ordered: list[Claim], text: str, credit_sources: bool = True) -> None:
    """Headline figures: credited to the source the headline names, and dropped where the body
    states the same figure (the headline only announces the body's claim)."""
    heads = headline_spans(text)
    if not heads:
        return
    top = heads[-1][1]
    body_values = {
        _value(q) for c in ordered if c.start >= top for q in c.quantities if _value(q) is not None
    }
    for claim in ordered:
        line = next(((s, e) for s, e in heads if s <= claim.start < e), None)
        if line is None:
            continue
        if claim.mode == "unattributed" and credit_sources:
            _headline_source(claim, text[line[0] : line[1]].strip())
        claim.quantities = [q for q in claim.quantities if _value(q) not in body_values]


def _value(q: Quantity) -> tuple[float | None, float | None] | None:
    if q.value is not None:
        return (q.value, q.value)
    if q.low is None and q.high is None:
        return None
    return (q.low, q.high)


def _headline_source(claim: Claim, line: str) -> None:
    found = HEADLINE_SOURCE.search(line)
    if found is None:
        return
    name = next(g for g in found.groups() if g)
    if len(name.split()) > 6 or not any(w[0].isupper() for w in name.split()):
        return
    info = canonicalize(name.strip())
    claim.claimant = info.name if info.name != "unknown" else name.strip()
    claim.claimant_type = info.claimant_type
    claim.affiliation = info.affiliation
    claim.claimant_mention = name.strip()
    claim.mode = "indirect"
    claim.rule = "headline_source"
