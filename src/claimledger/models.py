"""Plain typed data shared by every layer: documents, claims and the figures in them.

No I/O here. These are the records that flow from `ingest/` through the pure core in
`extract/` into `ledger/`, `reconcile/`, `export/` and `web/`. The field names of `Claim` and
`Quantity` are the public export record fixed by CONTRACT.md: add fields, never rename.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Mode = Literal["direct", "indirect", "according_to", "unattributed"]
Stance = Literal["assert", "deny", "call", "estimate"]
ClaimantType = Literal["person", "organization", "government", "media", "group", "unknown"]
Kind = Literal["cumulative", "incremental"]

# A character span [start, end) into Document.text.
Span = tuple[int, int]


def content_hash(*parts: str, length: int = 16) -> str:
    """Stable short hex id from text parts (used for doc_id and claim_id)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


class Document(BaseModel):
    """One article after ingest: cleaned text plus what was read about it."""

    model_config = ConfigDict(frozen=False)

    doc_id: str
    doc_path: str
    text: str
    source_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    # The reader that produced it: txt, md, seed, html, jsonl, csv, url.
    format: str = "txt"

    @staticmethod
    def make_id(text: str) -> str:
        """doc_id is content based: the same cleaned text gives the same id wherever it is read."""
        return content_hash(" ".join(text.split()))


class Quantity(BaseModel):
    """A figure inside a claim, with what it counts. Offsets index Document.text."""

    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    counted: str | None = None
    event: str | None = None
    group: str | None = None
    kind: Kind | None = None
    # Extension: the text hedges the figure ("about", "some", "nearly", "thousands of").
    approximate: bool = False
    # Extension: context rather than a report (a population, an earlier war's toll, a
    # distance); kept in the record, left out of the figures tables by default.
    background: bool = False
    start: int = 0
    end: int = 0


class Claim(BaseModel):
    """One attributed statement: who, cue, what, with its figures, tied to its sentence."""

    claim_id: str
    doc_id: str
    sentence: str
    start: int
    end: int
    claimant: str
    claimant_mention: str | None = None
    claimant_type: ClaimantType = "unknown"
    cue: str | None = None
    mode: Mode = "unattributed"
    stance: Stance = "assert"
    hedged: bool = False
    stated_on: date | None = None
    content: str
    quantities: list[Quantity] = Field(default_factory=list)
    carriers: list[str] = Field(default_factory=list)
    # Extensions beyond CONTRACT.md: exact spans of each part, for highlighting and scoring.
    claimant_spans: list[Span] = Field(default_factory=list)
    cue_spans: list[Span] = Field(default_factory=list)
    content_spans: list[Span] = Field(default_factory=list)
    # Canonical affiliation of the claimant (Lavrov -> Russia), filled by reconcile.
    affiliation: str | None = None
    # The name of the extraction rule that found the claim (extract/attribution/cascade.RULES);
    # None for claims read back from a store or file that does not keep it.
    rule: str | None = None
    # Who passed the claim on when the text gives a chain ("X said Lavrov put it near 2,000":
    # the claim is Lavrov's, relayed by X); None when the claimant spoke directly.
    relayed_by: str | None = None
    # The claimant's side or institution ("Armenia", "Gaza authorities", "United Nations",
    # "media") from the party table; "unknown" when it cannot be told, never a guess.
    party: str | None = None

    @staticmethod
    def make_id(doc_id: str, content_spans: list[Span], cue_spans: list[Span]) -> str:
        """claim_id is stable across runs: same document, same spans, same id."""
        spans = ";".join(f"{s}-{e}" for s, e in [*content_spans, *cue_spans])
        return content_hash(doc_id, spans)
