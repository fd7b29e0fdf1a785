"""Assemble Claims from a parsed document: attribution + figures + dates + canonical claimant."""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.extract.attribution import find_attributions
from claimledger.extract.dates import resolve_stated_on
from claimledger.extract.numbers import find_quantities
from claimledger.extract.types import Attribution
from claimledger.models import Claim, ClaimantType, Document, Quantity, Span
from claimledger.reconcile.claimants import canonicalize, outlet_claimant


def _join(text: str, spans: list[Span]) -> str:
    return " … ".join(text[s:e].strip() for s, e in sorted(spans))


def claims_from_parsed(document: Document, parsed: Doc) -> list[Claim]:
    """Turn the attributions found in `parsed` into ledger claims for `document`."""
    text = document.text
    claims: list[Claim] = []
    for attribution in find_attributions(parsed):
        claim = _claim(document, parsed, text, attribution)
        if claim is not None:
            claims.append(claim)
    return claims


def _claim(document: Document, parsed: Doc, text: str, a: Attribution) -> Claim | None:
    if not a.content_spans:
        return None
    content = _join(text, a.content_spans)
    if not content.strip():
        return None
    claimant, claimant_type, affiliation = _who(document, a)
    s_start, s_end = a.sentence_span
    quantities = []
    for c_start, c_end in sorted(a.content_spans):
        quantities.extend(find_quantities(parsed, c_start, c_end))
    stated_on = resolve_stated_on(parsed, a.sentence_span, a.cue_spans, document.published)
    stance = a.stance
    if stance == "assert" and a.hedged is False and _is_estimate(a, quantities):
        stance = "estimate"
    return Claim(
        claim_id=Claim.make_id(document.doc_id, a.content_spans, a.cue_spans),
        doc_id=document.doc_id,
        sentence=text[s_start:s_end],
        start=s_start,
        end=s_end,
        claimant=claimant,
        claimant_mention=a.mention,
        claimant_type=claimant_type,
        cue=_join(text, a.cue_spans) if a.cue_spans else None,
        mode=a.mode,
        stance=stance,
        hedged=a.hedged,
        stated_on=stated_on,
        content=content,
        quantities=quantities,
        carriers=[document.doc_id],
        claimant_spans=list(a.source_spans),
        cue_spans=list(a.cue_spans),
        content_spans=list(a.content_spans),
        affiliation=affiliation,
    )


def _who(document: Document, a: Attribution) -> tuple[str, ClaimantType, str | None]:
    """Canonical claimant; the outlet itself when nobody is credited."""
    name = a.speaker or a.mention
    info = canonicalize(name, a.speaker_label) if name else outlet_claimant(document.outlet)
    return info.name, info.claimant_type, info.affiliation


def _is_estimate(a: Attribution, quantities: list[Quantity]) -> bool:
    """A claim whose figures are all approximate ("about 2,000", "some 145,000") is an estimate."""
    return bool(quantities) and all(q.approximate for q in quantities)
