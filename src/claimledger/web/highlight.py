"""Mark up an article's cleaned text with its claims: claimant, cue, content and figures.

The text is cut at every span boundary and each piece is escaped on its own, so no article text
ever reaches the page unescaped. Overlapping claims are handled by a sweep: each piece carries the
most specific role covering it (figure > claimant > cue > content) and the ids of every claim
whose sentence covers it, so one claim can be lit up from a link (`#claim-<id>`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from markupsafe import Markup, escape

from claimledger.models import Claim

# Most specific first: a figure inside the content is shown as a figure.
ROLES = ("number", "claimant", "cue", "content")


def _intervals(claim: Claim, size: int) -> list[tuple[int, int, str]]:
    """Every (start, end, role) of one claim, clipped to the text; 'sentence' included."""
    raw: list[tuple[int, int, str]] = [(claim.start, claim.end, "sentence")]
    raw += [(s, e, "claimant") for s, e in claim.claimant_spans]
    raw += [(s, e, "cue") for s, e in claim.cue_spans]
    raw += [(s, e, "content") for s, e in claim.content_spans]
    raw += [(q.start, q.end, "number") for q in claim.quantities if q.end > q.start]
    out = []
    for s, e, role in raw:
        s, e = max(0, min(s, size)), max(0, min(e, size))
        if e > s:
            out.append((s, e, role))
    return out


def highlight_sentence(claim: Claim) -> Markup:
    """The claim's own sentence with its parts marked (for tables: no anchors, no sentence box)."""
    return highlight_within(claim, claim.sentence, claim.start)


def highlight_within(claim: Claim, text: str, shift: int) -> Markup:
    """`text` (the part of the document starting at offset `shift`) with the claim marked."""

    def moved(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(s - shift, e - shift) for s, e in spans]

    local = claim.model_copy(
        update={
            "start": claim.start - shift,
            "end": claim.end - shift,
            "claimant_spans": moved(claim.claimant_spans),
            "cue_spans": moved(claim.cue_spans),
            "content_spans": moved(claim.content_spans),
            "quantities": [
                q.model_copy(update={"start": q.start - shift, "end": q.end - shift})
                for q in claim.quantities
            ],
        }
    )
    return highlight(text, [local], anchors=False)


def highlight(text: str, claims: Sequence[Claim], *, anchors: bool = True) -> Markup:
    """HTML for `text` with <mark class="hl hl-ROLE"> around each part of each claim.

    Example: a claim "Baku said 5 died" gives `<mark class="hl hl-claimant">Baku</mark>` ...
    """
    size = len(text)
    starts: dict[int, list[tuple[str, str]]] = {}
    ends: dict[int, list[tuple[str, str]]] = {}
    starts_at: dict[int, list[str]] = {}
    bounds = {0, size}
    for claim in claims:
        cid = claim.claim_id
        starts_at.setdefault(max(0, min(claim.start, size)), []).append(cid)
        for s, e, role in _intervals(claim, size):
            starts.setdefault(s, []).append((role, cid))
            ends.setdefault(e, []).append((role, cid))
            bounds.update((s, e))
    active: Counter[tuple[str, str]] = Counter()
    parts: list[str] = []
    cuts = sorted(bounds)
    for a, b in pairwise(cuts):
        for key in ends.get(a, []):
            active[key] -= 1
        for key in starts.get(a, []):
            active[key] += 1
        for cid in starts_at.get(a, []) if anchors else ():
            parts.append(f'<span class="anchor" id="claim-{escape(cid)}"></span>')
        piece = str(escape(text[a:b]))
        live = {k for k, n in active.items() if n > 0}
        in_claims = sorted({cid for role, cid in live if role == "sentence"})
        roles = {role for role, _ in live}
        shown = next((r for r in ROLES if r in roles), None)
        if shown is not None:
            owners = sorted({cid for r, cid in live if r == shown})
            piece = (
                f'<mark class="hl hl-{shown}" data-role="{shown}" '
                f'data-claim="{escape(" ".join(owners))}">{piece}</mark>'
            )
        if in_claims and anchors:
            piece = f'<span class="sent" data-claims="{escape(" ".join(in_claims))}">{piece}</span>'
        parts.append(piece)
    return Markup("".join(parts))
