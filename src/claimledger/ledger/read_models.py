"""Read models of the web's ledger queries: what `queries` and `dashboard` return.

Plain pydantic records, JSON-ready; the API serves them as they are (and documents them in
/openapi.json), so their field names follow CONTRACT.md where they overlap with it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimledger.ledger.claim_filter import ClaimFilter as ClaimFilter  # moved; kept importable
from claimledger.models import Claim


class LedgerClaim(Claim):
    """A claim with the metadata of its document: the CONTRACT.md export record."""

    doc_path: str = ""
    source_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    copy_of: str | None = None

    def __hash__(self) -> int:
        # reconcile collects claims in dicts/sets; claim_id is the identity (equal => same id).
        return hash(self.claim_id)


class ClaimPage(BaseModel):
    """One page of a claim listing with the total number of matches."""

    total: int
    items: list[LedgerClaim]


class DocMeta(BaseModel):
    """What an export needs to know about a claim's document (everything but its text).

    The one declaration of a document's metadata fields that the reads return; the listings'
    `DocumentSummary` extends it.
    """

    model_config = ConfigDict(frozen=True)

    doc_id: str
    doc_path: str
    source_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None


class DocumentSummary(DocMeta):
    """A document without its text, for listings."""

    model_config = ConfigDict(frozen=False)
    __hash__ = None  # type: ignore[assignment]  # mutable, so unhashable like any BaseModel

    format: str
    n_words: int
    origin_id: str | None = None
    origin_outlet: str | None = Field(
        default=None, description="outlet of the original, when this document is a copy"
    )
    ingested_at: datetime | None = None
    n_claims: int = 0


class DocumentPage(BaseModel):
    """One page of a document listing."""

    total: int
    items: list[DocumentSummary]


class DocumentDetail(DocumentSummary):
    """A document with its cleaned text, its claims and the other copies of the same article."""

    text: str
    claims: list[LedgerClaim]
    copies: list[DocumentSummary]


class IngestRun(BaseModel):
    """One `claimledger ingest` run."""

    id: int
    started_at: datetime
    finished_at: datetime | None = None
    paths: list[str]
    documents_added: int
    claims_added: int
    errors: int


class Overview(BaseModel):
    """Headline counts of the ledger."""

    documents: int
    outlets: int
    claimants: int
    claims: int = Field(description="distinct claims: a syndicated copy is counted once")
    copies: int = Field(default=0, description="claims repeated in syndicated copies")
    quantities: int
    first_date: date | None = None
    last_date: date | None = None
    latest_ingests: list[IngestRun]
    latest_documents: list[DocumentSummary] = Field(
        default_factory=list, description="the documents ingested last, newest first"
    )


class ClaimantSummary(BaseModel):
    """A claimant with how often it speaks."""

    name: str
    claimant_type: str
    affiliation: str | None = None
    n_claims: int
    n_denials: int
    first_date: date | None = None
    last_date: date | None = None


class ClaimantPage(BaseModel):
    """One page of the claimant listing."""

    total: int
    items: list[ClaimantSummary]


class FigurePoint(BaseModel):
    """One figure a claimant gave, on one date, in one sentence."""

    date: date | None
    value: float | None
    low: float | None = None
    high: float | None = None
    kind: str | None = Field(default=None, description="cumulative, incremental or None")
    text: str
    claim_id: str
    doc_id: str
    sentence: str
    outlet: str | None = None


class ClaimantFigures(BaseModel):
    """Every figure one claimant gave for one track, oldest first, and the latest of them."""

    claimant: str
    affiliation: str | None = None
    latest: FigurePoint
    implied: float | None = Field(
        default=None, description="the latest total plus the increments stated after it"
    )
    n_points: int = 0
    points: list[FigurePoint] = Field(
        default_factory=list, description="oldest first (left out of listings unless asked for)"
    )


class Track(BaseModel):
    """One thing being counted (e.g. Armenian soldiers killed) and each claimant's figures."""

    track_id: str
    title: str
    counted: str | None = None
    event: str | None = None
    group: str | None = None
    unit: str | None = None
    headline: bool = Field(
        default=True, description="people counted or an event (not a bare '12 systems')"
    )
    n_points: int = 0
    notes: list[str] = Field(
        default_factory=list,
        description="consistency of each claimant's series (left out of listings)",
    )
    n_notes: int = 0
    n_inconsistent: int = 0
    claimants: list[ClaimantFigures]


class Conflict(BaseModel):
    """Claims that disagree: figures that cannot both hold, or a denial and what it answers."""

    conflict_id: str
    kind: Literal["figure", "denial"]
    explanation: str
    track_id: str | None = None
    claimants: list[str]
    claims: list[LedgerClaim]


class ConflictRef(BaseModel):
    """A conflict as the derived view keeps it: its facts and the ids of its claims.

    Conflicts are many on a large ledger and each claim can be in several; keeping ids (not
    whole claims) keeps the view small. `dashboard.resolve_conflicts` turns a page of them into
    `Conflict`s with their claims.
    """

    conflict_id: str
    kind: Literal["figure", "denial"]
    explanation: str
    track_id: str | None = None
    claimants: list[str]
    claim_ids: list[str]
    latest: date | None = Field(default=None, description="the latest date among its claims")
