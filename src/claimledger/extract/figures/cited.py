"""Reports that name their own source: "..., the Kavala Wire reports with reference to the
district prosecutor's office", "..., the channel said on Monday, citing the health ministry",
or a line of its own after them in the word order of a translation: "On Monday, May 3, reports
Kavala Wire with reference to the press service of the Ministry of Emergency Situations."

The figures are the cited body's: it is the innermost source the text gives them, and the one
reporting them only passes them on. `cited_source` moves such a claim to the cited source and
keeps the reporter as `relayed_by`. Only a cited source that names someone (a known name, or
a body: "the regional prosecutor's office") moves the claim: "citing witnesses" or "citing
local media" leave it with the reporter.
"""

from __future__ import annotations

import re

from claimledger.extract.figures.credit import give_to, outlets
from claimledger.lexicon import words
from claimledger.models import Claim
from claimledger.names.claimants import ClaimantInfo, canonicalize

# The citing phrase right after a cue, then the cited source up to the clause's end.
CITING = re.compile(
    r"^[^.;:!?\"“”]{0,40}?\b(?:citing|with reference to|referring to|quoting)\s+"
    r"(?P<name>[^,;:.!?()\"“”]{3,90}?)\s*(?:[,;:.!?(\"“”]|$)",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 12


def cite_sources(ordered: list[Claim], text: str, outlet_name: str) -> None:
    """Give each report citing a named source, and holding figures, to that source."""
    for claim in ordered:
        if not claim.quantities or not claim.cue_spans or claim.mode == "according_to":
            continue
        cue_end = max(e for _, e in claim.cue_spans)
        sentence_end = claim.start + len(claim.sentence)
        found = CITING.match(text[cue_end:sentence_end])
        if found is None:
            continue
        name = re.sub(r"^the\s+", "", found.group("name").strip(), flags=re.I)
        if len(name.split()) > _MAX_NAME_WORDS:
            continue
        info = canonicalize(name)
        body = name.lower().split()[-1] in words("org_roles")
        if info.name == "unknown" and not body:
            continue  # "citing witnesses": nobody named ("the regional prosecutor's office" is)
        reporter = claim.claimant if not outlets(claim, outlet_name) else outlet_name
        if info.name == claim.claimant:
            continue
        _cite(claim, name, info, known_only=True, relayed_by=reporter)


# A sentence that only names who reported the one before it, verb first: "On Monday, reports
# Kavala Wire with reference to the ministry's press service." (translated wire copy).
INVERTED_REPORT = re.compile(
    r"\s*(?:[^.;:!?\"“”]{0,40},\s*)?(?:reports|reported|informs|informed|writes|wrote)\s+"
    r"(?P<agency>[\"“«]?[A-Z][^,.;:!?]{1,40}?[\"”»]?)"
    r"(?:\s*,?\s+(?:with reference to|citing|referring to|quoting)\s+(?P<source>[^.;:!?]{3,90}?))?"
    r"\s*\.\s*"
)


def inverted_reports(ordered: list[Claim], text: str, outlet_name: str) -> set[str]:
    """Outlet figure statements followed by a verb-first line naming their reporter take the
    source that line gives (the cited body, else the reporter). Returns the ids of the claims
    read off that line itself ('"Kavala Wire"' as a quotation of "May"): no claims at all."""
    lines: set[str] = set()
    for claim in ordered:
        if not claim.quantities or not outlets(claim, outlet_name):
            continue
        end = claim.start + len(claim.sentence.rstrip())
        found = INVERTED_REPORT.match(text, end, min(len(text), end + 260))
        if found is None or "\n\n" in text[end : found.start("agency")]:
            continue
        agency = found.group("agency").strip('"“”«» ')
        named = (found.group("source") or "").strip()
        name = re.sub(r"^the\s+", "", named or agency, flags=re.I)
        info = canonicalize(name)
        _cite(claim, name, info, relayed_by=agency if named else None)
        lines |= {
            other.claim_id
            for other in ordered
            if not other.quantities and end <= other.start < found.end()
        }
    return lines


# A sentence closing on the name of who reported it, where the tagger read the verb as a noun
# ('..., and one of them died at the scene, the "Tessapress" reports.').
TRAILING_REPORTER = re.compile(
    r",\s+(?:the\s+)?[\"“«]?(?P<name>[A-Z][\w.&'’ -]{1,40}?)[\"”»]?\s+"
    r"(?:reports|reported|writes|wrote|informs|informed)\s*\.?\s*$"
)


def trailing_reporters(ordered: list[Claim], outlet_name: str) -> None:
    """Outlet figure statements whose sentence closes on another outlet's name and a verb of
    reporting are that outlet's report."""
    for claim in ordered:
        if not claim.quantities or not outlets(claim, outlet_name):
            continue
        found = TRAILING_REPORTER.search(claim.sentence.rstrip())
        if found is None:
            continue
        name = found.group("name").strip()
        info = canonicalize(name)
        claimant = info.name if info.name != "unknown" else name
        if claimant == outlet_name or name == outlet_name:
            continue  # "..., Harbour Times reports" in its own copy: the outlet itself
        _cite(claim, name, info, unknown_type="media")


# A figure the sentence says someone made public: "The 22 deaths were the first losses
# publicly confirmed by Valmora's defence ministry since ...", "a toll released by the health
# ministry".
MADE_PUBLIC_BY = re.compile(
    r"\b(?:confirmed|reported|announced|released|published|disclosed|documented|verified)"
    r"\s+by\s+(?P<name>(?:the\s+)?[A-Za-z][^,.;:()\"“”]{1,60}?)"
    r"(?=\s+(?:since|after|when|on|in|as|and|who|which|that|during|following)\b|[,.;:()]|$)"
)


def made_public_by(ordered: list[Claim], outlet_name: str) -> None:
    """Outlet figure statements that say who made their figure public are that body's."""
    for claim in ordered:
        if not claim.quantities or not outlets(claim, outlet_name):
            continue
        found = MADE_PUBLIC_BY.search(claim.sentence)
        if found is None or found.start() < min(q.start for q in claim.quantities) - claim.start:
            continue  # the agent must follow the figure it made public
        name = re.sub(r"^the\s+", "", found.group("name").strip(), flags=re.I)
        info = canonicalize(name)
        if info.name == "unknown" and name.lower().split()[-1] not in words("org_roles"):
            continue
        _cite(claim, name, info)


def _cite(
    claim: Claim,
    name: str,
    info: ClaimantInfo,
    *,
    known_only: bool = False,
    unknown_type: str | None = None,
    relayed_by: str | None = None,
) -> None:
    """Give `claim` to the source named `name` (`info`: its canonical form): the canonical name
    where the alias table knows it, else the name as written (or `unknown` with `known_only`)."""
    known = info.name != "unknown"
    give_to(
        claim,
        claimant=info.name if known or known_only else name,
        mention=name,
        claimant_type=info.claimant_type if known or unknown_type is None else unknown_type,
        affiliation=info.affiliation,
        rule="cited_source",
        relayed_by=relayed_by,
    )
