"""Statements a body issued itself: a press release or a bulletin reposted as an article.

An outlet reposting a ministry's bulletin or a UN office's press release prints the body's own
figures with no reporting words ("By Friday, some 900 attackers had been killed"): they are the
issuer's, not the outlet's. `issued_statement` finds the issuer, in order:

1. a line above the body (or the title) naming who issued the text: "Press release: X",
   "Statement by X on ...", "Comment by X";
2. the body declaring in the present tense, as only the issuer writes of itself: "X reiterates
   that ...", "The ministry strongly condemns ..." (a report of it would say "reiterated").

Outlet figure statements of such a document become the issuer's; background figures (a
population, an earlier war) stay the outlet's. An issuer found the second way speaks for the
text up to the next named source after its declaration, not for what the outlet adds later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.extract.figures.credit import give_to, named, outlets
from claimledger.extract.figures.headlines import headline_spans
from claimledger.lexicon import active_lexicon, words
from claimledger.models import Claim
from claimledger.names.claimants import canonicalize

# The issuer's name ends where the line turns to its subject: "Comment by X on killings in ...".
_NAME_END = re.compile(r"\s+(?:on|about|regarding|concerning|at|in response to)\s+.*$", re.I)
_MAX_NAME_WORDS = 10
# Declarers: bodies publish bulletins; a person's statement is named by its header instead.
_DECLARING_TYPES = frozenset({"government", "organization", "group"})


@dataclass(frozen=True)
class Issuer:
    """Who issued a document's text, and how far into the text that holds."""

    claimant: str
    mention: str
    claimant_type: str
    affiliation: str | None
    until: int  # figures starting at or after this offset are not the issuer's


def issued_statement(ordered: list[Claim], text: str, title: str | None, outlet_name: str) -> None:
    """Give the outlet's figure statements of an issued document to its issuer."""
    issuer = header_issuer(text, title) or declaring_issuer(ordered, text, outlet_name)
    if issuer is None:
        return
    for claim in ordered:
        if claim.start >= issuer.until or not outlets(claim, outlet_name):
            continue
        if not claim.quantities or all(q.background for q in claim.quantities):
            continue
        give_to(
            claim,
            claimant=issuer.claimant,
            mention=issuer.mention,
            claimant_type=issuer.claimant_type,
            affiliation=issuer.affiliation,
            rule="issued_statement",
        )


def header_issuer(text: str, title: str | None) -> Issuer | None:
    """The issuer a header line names: the title first, then the lines above the body."""
    lines = [title or ""] + [text[s:e] for s, e in headline_spans(text)]
    for line in lines:
        name = _issuer_name(line.strip())
        if name is None:
            continue
        info = canonicalize(name)
        claimant = info.name if info.name != "unknown" else name
        return Issuer(claimant, name, info.claimant_type, info.affiliation, len(text) + 1)
    return None


def _issuer_name(line: str) -> str | None:
    """ "Comment by X on Y" -> "X"; "Press release: X" -> "X"; None for any other line."""
    lowered = line.lower()
    for header in active_lexicon().entries("issuer_headers"):
        if not lowered.startswith(header):
            continue
        rest = line[len(header) :]
        by = re.match(r"\s+(?:by|from|of)\s+", rest, re.I)
        colon = re.match(r"\s*:\s+", rest)
        if by is None and not (colon and header.replace("é", "e") in words("colon_issuer_headers")):
            return None
        opened = by or colon
        assert opened is not None
        name = _NAME_END.sub("", rest[opened.end() :]).strip(" .,:;")
        name = re.sub(r"^the\s+", "", name, flags=re.I)
        if name and name[0].isupper() and len(name.split()) <= _MAX_NAME_WORDS:
            return name
        return None
    return None


def declaring_issuer(ordered: list[Claim], text: str, outlet_name: str) -> Issuer | None:
    """A named body opening a body sentence with a present-tense declaration ("Armenia
    reiterates that ..."): the document is its bulletin up to the next other named source."""
    heads = headline_spans(text)
    body_start = heads[-1][1] if heads else 0
    for k, claim in enumerate(ordered):
        if claim.start < body_start or not _declares(claim, outlet_name):
            continue
        until = next(
            (
                c.start
                for c in ordered[k + 1 :]
                if named(c, outlet_name) and c.claimant != claim.claimant
            ),
            len(text) + 1,
        )
        return Issuer(
            claim.claimant,
            claim.claimant_mention or claim.claimant,
            claim.claimant_type,
            claim.affiliation,
            until,
        )
    return None


def _declares(claim: Claim, outlet_name: str) -> bool:
    if claim.mode != "indirect" or claim.claimant == "unknown" or not named(claim, outlet_name):
        return False
    if claim.claimant_type not in _DECLARING_TYPES or not claim.claimant_spans:
        return False
    if claim.sentence[: claim.claimant_spans[0][0] - claim.start].strip(" \"'“‘"):
        return False  # the body must open the sentence: "Valmora reaffirms ..."
    cue = (claim.cue or "").lower().split()
    return len(cue) == 1 and _present_form_of(cue[0]) in words("declaration_verbs")


def _present_form_of(word: str) -> str | None:
    """The base verb of a third-person present form: "reiterates" -> "reiterate",
    "stresses" -> "stress"; None for any other form."""
    if not word.endswith("s") or word.endswith("ss"):
        return None
    for base in (word[:-1], word[:-2]):
        if base in words("declaration_verbs"):
            return base
    return None
