"""Assemble Claims from a parsed document: attribution + figures + dates + canonical claimant."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection
from datetime import date

from spacy.tokens import Doc

from claimledger.extract.attribution.cascade import find_attributions
from claimledger.extract.attribution.found import Attribution
from claimledger.extract.figures.background import mark_background
from claimledger.extract.figures.owners import settle_figures
from claimledger.extract.figures.quantities import find_quantities
from claimledger.extract.nlp import keep_text
from claimledger.extract.said_days import SpeakerDays, dates_later_claims, takes_a_carried_day
from claimledger.extract.stance import is_estimate
from claimledger.extract.when import Resolution, body_datelines, cue_date, dateline_at
from claimledger.models import Claim, ClaimantType, Document, Span
from claimledger.names.claimants import canonicalize, outlet_claimant, refine_claimants


def _join(text: str, spans: list[Span]) -> str:
    return " … ".join(text[s:e].strip() for s, e in sorted(spans))


def claims_from_parsed(
    document: Document,
    parsed: Doc,
    found: list[Attribution] | None = None,
    disabled: Collection[str] = (),
) -> list[Claim]:
    """Turn the attributions found in `parsed` (`found`, else found now with the lexicon and
    alias table in use) into ledger claims for `document`."""
    keep_text(parsed, document.text)
    if found is None:
        found = find_attributions(parsed)
    text = document.text
    claims: list[Claim] = []
    # The day each claimant was last said to speak in this article (see `SpeakerDays`).
    speaker_days = SpeakerDays()
    made_precise: dict[str, Claim] = {}
    datelines = body_datelines(text, document.published)
    for attribution in sorted(found, key=lambda a: a.sentence_span):
        # The day the copy was written: a press release's own dateline, else the page's.
        anchor = dateline_at(datelines, attribution.sentence_span[0], document.published)
        said_on = (
            cue_date(parsed, attribution.sentence_span, attribution.cue_spans, anchor)
            if attribution.cue_spans
            else None
        )
        claim = _claim(document, parsed, text, attribution, said_on, anchor)
        if claim is None:
            continue
        # A vague claimant ("Defence Ministry") made precise from the mention and sentence, or
        # as this article last made it precise ("the army" of Mali, later "it").
        (claim,) = refine_claimants([claim])
        state = claim.affiliation
        if state and claim.claimant.startswith(state + " "):
            # the last body of that name written out with its state stands for it from here
            made_precise[claim.claimant[len(state) + 1 :]] = claim
        elif state is None and claim.claimant in made_precise:
            earlier = made_precise[claim.claimant]
            claim.claimant, claim.affiliation = earlier.claimant, earlier.affiliation
            claim.claimant_type = earlier.claimant_type
        if said_on is not None:
            if dates_later_claims(parsed, attribution.cue_spans):
                speaker_days.remember(claim.claimant, claim.claimant_mention, claim.stated_on)
        elif attribution.cue_spans and takes_a_carried_day(parsed, attribution.cue_spans):
            found_day, day = speaker_days.recall(claim.claimant, claim.claimant_mention)
            if found_day:
                claim.stated_on = day
        claims.append(claim)
    outlet = outlet_claimant(document.outlet).name
    kept = _without_echoes(claims)
    mark_background(kept, text, document.published)
    return settle_figures(kept, text, outlet, disabled, title=document.title)


def _without_echoes(claims: list[Claim]) -> list[Claim]:
    """Drop claims that only repeat another claim's content:

    - an "according to" claim nested with a claim by the same claimant: "X said that 230 more
      had left, according to its sources" is X's claim, once;
    - a claim by nobody known nested in a named claimant's claim: in "According to Macron, the
      intelligence found that 300 ...", the finding is Macron's claim.
    """
    # Only claims whose sentences overlap can nest: compare each with its neighbours by start
    # (a claim starting more than the longest claim's length before another cannot reach it),
    # which bounds the comparisons by the longest claim's reach instead of taking every pair.
    ordered = sorted(claims, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    longest = max((c.end - c.start for c in ordered), default=0)
    dropped: set[int] = set()
    for claim in ordered:
        if claim.claimant != "unknown" and claim.mode != "according_to":
            continue  # only these can be echoes
        lo = bisect_left(starts, claim.start - longest)
        hi = bisect_right(starts, claim.end)
        if any(_echoes(claim, other) for other in ordered[lo:hi]):
            dropped.add(id(claim))
    return [claim for claim in claims if id(claim) not in dropped]


def _echoes(claim: Claim, other: Claim) -> bool:
    if other is claim:
        return False
    if claim.claimant == "unknown":
        # The outlet's own figure statement of the sentence echoes nobody: "'... killed 17
        # civilians,' said one of the aid workers" stays the aid worker's.
        return (
            other.claimant != "unknown"
            and other.mode != "unattributed"
            and _within(claim.content_spans, other.content_spans)
        )
    return (
        claim.mode == "according_to"
        and other.mode != "according_to"
        and other.claimant == claim.claimant
        and (
            _within(claim.content_spans, other.content_spans)
            or _within(other.content_spans, claim.content_spans)
        )
    )


def _within(inner: list[Span], outer: list[Span]) -> bool:
    """Every inner span lies inside one of the outer spans."""
    return all(any(s >= os and e <= oe for os, oe in outer) for s, e in inner)


def _claim(
    document: Document,
    parsed: Doc,
    text: str,
    a: Attribution,
    said_on: Resolution | None,
    anchor: date | None,
) -> Claim | None:
    """One claim; `said_on` is the date expression of its cue (None: the default day, `anchor`,
    the day its copy was written)."""
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
    # No date expression: the day of the copy (the convention in extract.when).
    stated_on = anchor if said_on is None else _day(said_on)
    stance = a.stance
    if stance == "assert" and a.hedged is False and is_estimate(quantities):
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
        rule=a.rule,
    )


def _day(resolution: Resolution) -> date | None:
    """A resolved day, or None for a vague past ("last week")."""
    return resolution if isinstance(resolution, date) else None


def _who(document: Document, a: Attribution) -> tuple[str, ClaimantType, str | None]:
    """Canonical claimant; the outlet itself when nobody is credited."""
    name = a.speaker or a.mention
    info = canonicalize(name, a.speaker_label) if name else outlet_claimant(document.outlet)
    return info.name, info.claimant_type, info.affiliation
