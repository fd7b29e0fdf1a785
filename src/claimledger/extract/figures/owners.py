"""One figure, one claim: every figure mention of a document ends up in exactly one claim.

Attribution finds claims independently, so one figure can sit in several of them: in the
speaker's claim and again in the outlet's own statement of the same sentence, or in both an
outer and an inner claim ("Harutyunyan said Lavrov's announcement put the number near 2,000").
The ledger stores it once, with the innermost source the text gives it. The claim-level rules,
in the order they run (`CLAIM_RULES`; each records its name as the `rule` of the claims it
re-credits and can be switched off by name):

1. `demoted_act`: a figure "claim" whose cue is an act, not a report, is the outlet's
   statement ("a unit fell into an ambush in which 23 soldiers were killed").
2. `cited_source` (`cited.py`): a report naming its own source ("..., the Kavala Wire reports
   with reference to the district prosecutor's office") is that source's, relayed by the reporter.
3. `headline_source` (`headlines.py`): a headline's figures belong to the source it names; a
   headline or standfirst figure the body restates is the body's, not a second claim.
4. `sentence_source`, `back_reference`, `continued_statement` (`around.py`): an outlet
   statement takes the source the sentences around it give; `issued_statement` (`issuer.py`):
   in a press release or bulletin reposted as an article, the issuer's; `sole_source`
   (`around.py`): in an article with one named figure source, that source's.
5. Ownership (always): a figure held by several claims stays with the innermost named one that
   reports it; an outer named claim holding it becomes the inner claim's `relayed_by`; outlet
   statements left without figures are dropped (they existed only for their figures).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from claimledger.extract.figures.around import (
    continue_statements,
    refer_back,
    share_sentence,
    sole_source,
)
from claimledger.extract.figures.background import split_background
from claimledger.extract.figures.cited import (
    cite_sources,
    inverted_reports,
    made_public_by,
    trailing_reporters,
)
from claimledger.extract.figures.credit import named, reports
from claimledger.extract.figures.headlines import settle_headlines
from claimledger.extract.figures.issuer import issued_statement
from claimledger.lexicon import words as lexicon_words
from claimledger.models import Claim

# The claim-level rules, in the order they run; each names the claims it re-credits (`rule`)
# and can be switched off by name like the attribution rules.
CLAIM_RULES: tuple[str, ...] = (
    "demoted_act",
    "cited_source",
    "headline_source",
    "sentence_source",
    "back_reference",
    "continued_statement",
    "issued_statement",
    "sole_source",
)


def settle_figures(
    claims: Sequence[Claim],
    text: str,
    outlet_name: str,
    disabled: Collection[str] = (),
    title: str | None = None,
) -> list[Claim]:
    """The claims of one document with each figure mention held by exactly one of them."""
    ordered = sorted(claims, key=lambda c: (c.start, min(c.content_spans, default=(0, 0))))
    off = frozenset(disabled)
    if "demoted_act" not in off:
        demote_acts(ordered, outlet_name)
    split_background(ordered, outlet_name)
    reporter_lines: set[str] = set()
    if "cited_source" not in off:
        cite_sources(ordered, text, outlet_name)
        reporter_lines = inverted_reports(ordered, text, outlet_name)
        trailing_reporters(ordered, outlet_name)
        made_public_by(ordered, outlet_name)
    settle_headlines(ordered, text, credit_sources="headline_source" not in off)
    if "sentence_source" not in off:
        share_sentence(ordered, outlet_name)
    if "back_reference" not in off:
        refer_back(ordered, text, outlet_name)
    if "continued_statement" not in off:
        continue_statements(ordered, text, outlet_name)
    if "issued_statement" not in off:
        issued_statement(ordered, text, title, outlet_name)
    if "sole_source" not in off:
        sole_source(ordered, outlet_name, text)
    settle_owners(ordered, outlet_name)
    return [
        c
        for c in ordered
        if (c.quantities or c.mode != "unattributed")
        and not _pointer_only(c)
        and c.claim_id not in reporter_lines
    ]


def _pointer_only(claim: Claim) -> bool:
    """ "This was announced by X": once its source went to what came before, nothing is left."""
    content = claim.content.strip(" .,;:").lower().split()
    pointers = lexicon_words("back_pointers")
    return bool(content) and content[0] in pointers and len(content) <= 2 and not claim.quantities


def demote_acts(ordered: list[Claim], outlet_name: str) -> None:
    """A figure "claim" whose cue is an act ("a unit fell into an ambush in which 23 soldiers
    were killed", "rescuers found seven bodies"), or whose source is an unresolved pointer
    ("This means that 2 million stayed at home"), is no claim of the actor's: it becomes a
    statement of the outlet, which the next steps may credit to the sentence's real source."""
    for claim in ordered:
        pointer = claim.claimant == "unknown" and (
            claim.claimant_mention or ""
        ).lower() in lexicon_words("back_pointers")
        if claim.quantities and claim.mode == "indirect" and (pointer or not reports(claim)):
            claim.claimant = outlet_name
            claim.claimant_mention = None
            claim.claimant_type = "media"
            claim.affiliation = None
            claim.claimant_spans = []
            claim.cue = None
            claim.cue_spans = []
            claim.mode = "unattributed"
            claim.rule = "demoted_act"


def settle_owners(ordered: list[Claim], outlet_name: str) -> None:
    """Each figure (by its character span) stays in one claim: the innermost named one."""
    holders: dict[tuple[int, int], list[Claim]] = {}
    for claim in ordered:
        for q in claim.quantities:
            holders.setdefault((q.start, q.end), []).append(claim)
    for span, claims in holders.items():
        if len(claims) < 2:
            continue
        owner = min(claims, key=lambda c: _rank(c, outlet_name))
        # The same source reported twice over ("the ministry said it had added 140 names"):
        # the figure stays in the statement as reported, the outermost of that claimant.
        same = [
            c
            for c in claims
            if _encloses(c, owner)
            and named(c, outlet_name)
            and (c.claimant == owner.claimant or _pronoun_source(owner))
        ]
        owner = max(same, key=lambda c: _rank(c, outlet_name)[2], default=owner)
        for other in claims:
            if other is owner:
                continue
            other.quantities = [q for q in other.quantities if (q.start, q.end) != span]
            if (
                named(other, outlet_name)
                and other.claimant != owner.claimant
                and _encloses(other, owner)
                and getattr(owner, "relayed_by", None) is None
            ):
                owner.relayed_by = other.claimant


def _pronoun_source(claim: Claim) -> bool:
    """ "said that it had added 140 names": a pronoun inside a claim names no new source."""
    return (claim.claimant_mention or "").strip().lower() in lexicon_words("unnamed_mentions")


def _rank(claim: Claim, outlet_name: str) -> tuple[int, int, int]:
    """Named before outlet statements, reports before acts read as cues ("rescuers found seven
    bodies, the service said": the service's), then the narrowest content (the innermost)."""
    width = sum(e - s for s, e in claim.content_spans) or (claim.end - claim.start)
    return (0 if named(claim, outlet_name) else 1, 0 if reports(claim) else 1, width)


def _encloses(outer: Claim, inner: Claim) -> bool:
    return all(
        any(os <= s and e <= oe for os, oe in outer.content_spans) for s, e in inner.content_spans
    )
