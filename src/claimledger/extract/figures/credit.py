"""Who a figure statement can be credited to, and the crediting itself (`owners.py` runs it).

A claim is *named* when it credits someone other than the outlet; it *reports* when its cue is
a verb of saying or of publishing figures, not an act the parser or the cue model read as a
cue ("Azerbaijan shelled the city", "rescuers found seven bodies").
"""

from __future__ import annotations

import re

from claimledger.lexicon import active_lexicon, words
from claimledger.models import Claim


def reports_through(word: str) -> bool:
    """A cue word a figure statement can be credited through: a verb of saying, counting or
    publishing (`report_cues`), never an act of war or disaster (`event_verbs`) or a belief."""
    known = words("report_cues")
    for lemma in lemmas(word):
        if lemma in known:
            return lemma not in words("event_verbs") and lemma not in words("belief_verbs")
    return False


def lemmas(word: str) -> list[str]:
    """The word and the stems it may be an inflection of ("reported" -> report, reporte)."""
    irregular = active_lexicon().mapping("irregular_past_forms")
    if word in irregular:
        return [irregular[word][0]]
    found = [word]
    for suffix, repl in (
        ("ing", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)] + repl
            found += [stem, stem + "e"]
    return found


def named(claim: Claim, outlet_name: str) -> bool:
    """Credited to someone other than the outlet: a resolved claimant, or a mention that names
    a source the resolver could not pin down ("the governor", not "they")."""
    if claim.mode == "unattributed" or claim.claimant in ("unknown outlet", outlet_name):
        return False
    if claim.claimant != "unknown":
        return True
    mention = (claim.claimant_mention or "").strip().lower()
    return bool(mention) and mention not in words("unnamed_mentions")


def outlets(claim: Claim, outlet_name: str) -> bool:
    """A statement on the outlet's own authority: unattributed, a cue with nobody holding it
    ("Fourteen other deaths were reported in the south") or the outlet naming itself ("...,
    Harbour Times reports")."""
    return claim.mode == "unattributed" or claim.claimant in (outlet_name, "unknown outlet")


def reports(claim: Claim, by_cue: bool = False) -> bool:
    """The claim's cue is a verb of saying or publishing, not an action read as one (a
    quotation counts as a report unless `by_cue` asks for the cue itself)."""
    if claim.mode == "according_to" or (claim.mode == "direct" and not by_cue):
        return True
    if claim.content.lower().startswith("that "):
        return True  # "the report found that ...": a finding published, whatever the verb
    return any(reports_through(w) for w in re.findall(r"[a-z]+", (claim.cue or "").lower()))


def credit(claim: Claim, source: Claim, rule: str) -> None:
    """Give `claim` the source of `source` (an indirect statement of the same claimant)."""
    claim.claimant = source.claimant
    claim.claimant_mention = source.claimant_mention
    claim.claimant_type = source.claimant_type
    claim.affiliation = source.affiliation
    claim.claimant_spans = list(source.claimant_spans)
    claim.mode = "indirect"
    claim.stated_on = source.stated_on
    claim.hedged = claim.hedged or source.hedged
    claim.rule = rule


def give_to(
    claim: Claim,
    *,
    claimant: str,
    mention: str,
    claimant_type: str,
    affiliation: str | None,
    rule: str,
    relayed_by: str | None = None,
) -> None:
    """Give `claim` to a source the text names outside any parse (a header, a citing phrase,
    a line naming the reporter): no claimant spans, told indirectly."""
    claim.claimant = claimant
    claim.claimant_mention = mention
    claim.claimant_type = claimant_type  # type: ignore[assignment]
    claim.affiliation = affiliation
    claim.claimant_spans = []
    claim.mode = "indirect"
    claim.relayed_by = relayed_by
    claim.rule = rule
