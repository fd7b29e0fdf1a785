"""The read side in one import: what the web, the CLI and the Python API read the ledger with.

The work is split by subject; this module only gathers it:

- `claim_filter`: the one `ClaimFilter` and its SQL conditions (semantics documented there);
- `claim_reads`: claim pages, one claim, streamed claims, bulk loads with carriers;
- `doc_reads`: documents, claimants, headline counts, filter facets;
- `read_state`: the ledger version and what is remembered per version;
- `dashboard`: derived views (figure tracks, conflicts), built once per version.
"""

from __future__ import annotations

from claimledger.ledger.claim_filter import ClaimFilter
from claimledger.ledger.claim_reads import (
    Order,
    SortKey,
    get_claim,
    iter_claims,
    list_claims,
    load_claims,
)
from claimledger.ledger.doc_reads import (
    facet_values,
    get_document,
    list_claimants,
    list_documents,
    open_reader,
    overview,
)
from claimledger.ledger.read_models import (
    ClaimantPage,
    ClaimantSummary,
    ClaimPage,
    DocumentDetail,
    DocumentPage,
    DocumentSummary,
    IngestRun,
    LedgerClaim,
    Overview,
)
from claimledger.ledger.read_state import data_version, figure_words

__all__ = [
    "ClaimFilter",
    "ClaimPage",
    "ClaimantPage",
    "ClaimantSummary",
    "DocumentDetail",
    "DocumentPage",
    "DocumentSummary",
    "IngestRun",
    "LedgerClaim",
    "Order",
    "Overview",
    "SortKey",
    "data_version",
    "facet_values",
    "figure_words",
    "get_claim",
    "get_document",
    "iter_claims",
    "list_claimants",
    "list_claims",
    "list_documents",
    "load_claims",
    "open_reader",
    "overview",
]
