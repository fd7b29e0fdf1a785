"""Sources given by the sentences around a figure statement with no reporting words of its own.

- `share_sentence`: a sentence that also holds one named source's report is that source's
  ("The enemy has lost 12,400 troops ..., the General Staff said" where the parse left the
  figure outside the reported content);
- `refer_back`: a statement pointing back ("This was announced by X", "This is what X told
  reporters", "X reported this") makes the outlet statements just before it X's;
- `continue_statements`: a paragraph that goes on reporting a named source ("The ministry said
  54 more were killed. 23 of them were officers."), or a paragraph opening on what was just
  reported ("This number includes ..."), keeps that source;
- `sole_source`: in an article where a single named source reports figures, the outlet's own
  figure sentences retell it, unless they turn to the past, to another matter or to what is
  to come ("will deploy", "are to return").
"""

from __future__ import annotations

import re

from claimledger.extract.figures.credit import credit, lemmas, named, outlets, reports
from claimledger.lexicon import words
from claimledger.models import Claim

# A sentence opening like this turns to another matter: it does not go on with the last source.
TOPIC_SHIFTS = re.compile(
    r"^\W*(?:meanwhile|separately|elsewhere|earlier|previously|in other|on the other hand|"
    r"by contrast|in contrast|at the same time|also on|on (?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday))\b",
    re.IGNORECASE,
)
# A sentence crediting what came before it: "This was announced by X", "These figures were
# released by X", "This is what X told ...", "X reported this on Telegram".
BACK_REFERENCES = re.compile(
    r"^\W*(?:(?:this|that|these|those)(?:\s+(?:figures?|data|information|numbers?|toll|news))?"
    r"\s+(?:was|were|is|are|has been|have been)\s+(?:\w+ly\s+)?(?:announced|reported|stated|"
    r"said|confirmed|disclosed|revealed|published|released|told|noted)\b"
    r"|this is what\b)"
    r"|\b(?:reported|said|announced|stated|confirmed|wrote|posted|told \w+)\s+(?:this|that)\b"
    r"(?!\s+\w+\s+(?:is|was|were|are|had|has|have|will|would)\b)",
    re.IGNORECASE,
)
# A sentence opening on what was just reported: "This number includes ...", "The toll ...",
# "Of them, ...", "Among the dead ...".
ANAPHORA = re.compile(
    r"^\W*(?:(?:this|that|these|those|the|its)\s+(?:number|figure|figures|toll|total|tally|"
    r"count|data|list|report|update)\b|(?:of|among)\s+(?:them|those|these|the dead|the victims|"
    r"the wounded|the injured)\b)",
    re.IGNORECASE,
)
# A sentence about what is to come ("will deploy", "are to return", "is expected to reach"):
# the outlet describing a plan or prospect, not retelling a source's tally.
PROSPECT = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:(?:due|set|expected|scheduled|going)\s+)?to)\s+"
    r"(?:\w+ly\s+)?(?!date\b)[a-z]+",
    re.IGNORECASE,
)
# How many paragraphs below its last report a sole source still speaks for the outlet's
# figure sentences; past it only a sentence pointing back at the counted dead ("53 of the
# dead were from ...") still retells it.
SOLE_SOURCE_REACH = 3
PARTITIVE_BACK = re.compile(
    r"\b(?:of|among) (?:them|those|these|the dead|the victims|the wounded|the injured)\b", re.I
)
# The outlet narrating around the cue, not the source's report: '..., a teacher told the Wire
# after her family slept in a field, where about 4,000 tents ...' (a subordinate clause of time or
# cause right after the cue and its listener).
NARRATION = re.compile(r"^\W*(?:[\w’'-]+\W+){0,2}?(?:after|before|when|while|because|as)\b", re.I)
# Reporting stances a following figure sentence can go on with (a denial or a call does not).
CONTINUED_STANCES = frozenset({"assert", "estimate"})


def _outlet_inference(claim: Claim) -> bool:
    """The outlet reasoning from figures just given: "This means that 2 million stayed at
    home", "That suggests ...". It stays the outlet's whatever source is around it."""
    found = re.match(r"\W*(?:this|that|which)\s+(\w+)(?:\s+(\w+))?", claim.sentence, re.I)
    if found is None:
        return False
    # "This implies", "This data translated into": the verb is the first or second word.
    for verb in (w.lower() for w in found.groups() if w):
        if set(lemmas(verb)) & words("inference_verbs"):
            return True
    return False


def _background_only(claim: Claim) -> bool:
    """Context, not a report: a population, an earlier war's toll, a distance stay the outlet's."""
    return bool(claim.quantities) and all(q.background for q in claim.quantities)


def share_sentence(ordered: list[Claim], outlet_name: str) -> None:
    """An outlet statement of a sentence that also holds one named source's report is that
    source's: "The enemy has lost 12,400 troops ..., the General Staff said" where the parse
    left the figure outside the reported content."""
    by_sentence: dict[int, list[Claim]] = {}
    for claim in ordered:
        by_sentence.setdefault(claim.start, []).append(claim)
    for claims in by_sentence.values():
        sources = [c for c in claims if named(c, outlet_name) and reports(c, by_cue=True)]
        if len({c.claimant for c in sources}) != 1:
            continue
        for claim in claims:
            if (
                outlets(claim, outlet_name)
                and claim.quantities
                and not _background_only(claim)
                and _scopes(sources[0], claim)
            ):
                credit(claim, sources[0], "sentence_source")


def _scopes(source: Claim, statement: Claim) -> bool:
    """The source's report reaches the statement's figures: "according to X" covers its
    sentence; a cue before every figure covers the clauses joined after it ("X added that A,
    and B"); a source named after a comma behind every figure closes the sentence."""
    if source.mode == "according_to":
        return True
    first_figure = min(q.start for q in statement.quantities)
    if source.cue_spans and source.cue_spans[0][1] <= first_figure:
        between = statement.sentence[
            source.cue_spans[0][1] - statement.start : first_figure - statement.start
        ]
        return NARRATION.match(between) is None
    return _trails(source, statement)


def _trails(source: Claim, statement: Claim) -> bool:
    """The source is named after a comma behind every figure, closing the sentence:
    "..., the General Staff reported" (not "..., where the governor said the fighting ended")."""
    if not source.claimant_spans:
        return False
    named_at = source.claimant_spans[0][0]
    last_figure = max(q.end for q in statement.quantities)
    before = statement.sentence[: max(0, named_at - statement.start)].rstrip()
    return named_at > last_figure and before.endswith(",") and statement.end - named_at < 120


def refer_back(ordered: list[Claim], text: str, outlet_name: str) -> None:
    """Outlet statements right before a back-referring named claim take its source: those of its
    own paragraph before it, or, when it opens its paragraph, those closing the paragraph before.
    """
    for k, claim in enumerate(ordered):
        if not named(claim, outlet_name) or not BACK_REFERENCES.search(claim.sentence):
            continue
        opens_paragraph = "\n" in text[max(0, claim.start - 2) : claim.start] or claim.start == 0
        j = k - 1
        crossed = False
        while j >= 0:
            before = ordered[j]
            if before.start == claim.start:
                j -= 1
                continue
            if not _same_paragraph(text, before.end, claim.start):
                if not opens_paragraph or crossed:
                    break
                crossed = True
            if not outlets(before, outlet_name):
                break
            if not _outlet_inference(before):
                credit(before, claim, "back_reference")
            j -= 1


def sole_source(ordered: list[Claim], outlet_name: str, text: str = "") -> None:
    """Outlet figure statements of an article with one named figure source become its."""
    sources = [c for c in ordered if c.quantities and named(c, outlet_name) and reports(c)]
    # An unresolved mention is another source ("the rebels"), unless it names a document or
    # commentators rather than a party ("the proven data", "experts").
    parties = {
        c.claimant if c.claimant != "unknown" else (c.claimant_mention or "").lower()
        for c in sources
        if c.claimant != "unknown" or not _partyless(c.claimant_mention or "")
    }
    resolved = [c for c in sources if c.claimant != "unknown"]
    if len(parties) != 1 or not resolved:
        return
    source = resolved[0]
    for claim in ordered:
        if not outlets(claim, outlet_name) or not claim.quantities:
            continue
        if TOPIC_SHIFTS.match(claim.sentence) or _background_only(claim):
            continue
        if _outlet_inference(claim) or PROSPECT.search(claim.sentence):
            continue
        if _far_after(sources, claim, text) and not PARTITIVE_BACK.search(claim.sentence):
            continue
        credit(claim, source, "sole_source")
        claim.stated_on = claim.stated_on if claim.start < source.start else source.stated_on


def _far_after(sources: list[Claim], claim: Claim, text: str) -> bool:
    """More than `SOLE_SOURCE_REACH` paragraphs after the source's last report before it: the
    article has moved on to its own narrative ("the province rebuilt nearly 200 bridges
    in a decade" five paragraphs below the health office's toll)."""
    before = [c.end for c in sources if c.start < claim.start]
    if not before or not text:
        return False
    return text[max(before) : claim.start].count("\n\n") > SOLE_SOURCE_REACH


def _partyless(mention: str) -> bool:
    found = re.findall(r"[a-z]+", mention.lower())
    return bool(found) and found[-1] in words("partyless_mentions")


def continue_statements(ordered: list[Claim], text: str, outlet_name: str) -> None:
    """Outlet statements that go on with the last named source of their paragraph take it."""
    last: Claim | None = None
    for claim in ordered:
        if not outlets(claim, outlet_name):
            last = claim if named(claim, outlet_name) and reports(claim) else None
            continue
        if last is None or not (
            _same_paragraph(text, last.end, claim.start)
            or (_next_paragraph(text, last.end, claim.start) and ANAPHORA.match(claim.sentence))
        ):
            last = None
            continue
        if last.stance not in CONTINUED_STANCES or TOPIC_SHIFTS.match(claim.sentence):
            last = None
            continue
        if claim.start == last.start:
            continue  # the source's own sentence: `share_sentence` decided what it reaches
        if claim.quantities and not _background_only(claim) and not _outlet_inference(claim):
            credit(claim, last, "continued_statement")


def _next_paragraph(text: str, end: int, start: int) -> bool:
    """`start` opens the paragraph right after the one `end` lies in."""
    gap = text[min(end, start) : start]
    return gap.count("\n\n") == 1 and not gap.replace("\n", "").strip(" .,;:\"'”’")


def _same_paragraph(text: str, end: int, start: int) -> bool:
    return "\n" not in text[min(end, start) : start]
