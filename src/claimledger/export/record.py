"""The exported claim record: the CONTRACT.md field names, in a fixed order, then extensions.

Every format is built from `claim_record`, so the names and values agree across JSONL, CSV,
Parquet and ClaimReview. Never rename or drop a contract field; append new ones to EXTENSIONS.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from claimledger.ledger.records import DocMeta
from claimledger.ledger.schema import doc_meta
from claimledger.models import Claim, Quantity

# CONTRACT.md, in its order.
CONTRACT_FIELDS: tuple[str, ...] = (
    "claim_id",
    "doc_id",
    "doc_path",
    "source_id",
    "url",
    "outlet",
    "title",
    "published",
    "sentence",
    "start",
    "end",
    "claimant",
    "claimant_mention",
    "claimant_type",
    "cue",
    "mode",
    "stance",
    "hedged",
    "stated_on",
    "content",
    "quantities",
    "carriers",
)
# Appended after the contract fields; named as on models.Claim so a record validates back.
EXTENSIONS: tuple[str, ...] = (
    "affiliation",
    "claimant_spans",
    "cue_spans",
    "content_spans",
    "rule",
    "relayed_by",
    "party",
)
FIELDS: tuple[str, ...] = CONTRACT_FIELDS + EXTENSIONS

QUANTITY_CONTRACT: tuple[str, ...] = (
    "text",
    "value",
    "low",
    "high",
    "unit",
    "counted",
    "event",
    "group",
    "kind",
)
QUANTITY_EXTENSIONS: tuple[str, ...] = ("approximate", "start", "end", "background")
QUANTITY_FIELDS: tuple[str, ...] = QUANTITY_CONTRACT + QUANTITY_EXTENSIONS


def iso(value: date | None) -> str | None:
    """A date as YYYY-MM-DD (None stays None)."""
    return value.isoformat() if value is not None else None


def quantity_record(q: Quantity) -> dict[str, Any]:
    """A quantity as an ordered, JSON-ready dict."""
    return {name: getattr(q, name) for name in QUANTITY_FIELDS}


def claim_record(claim: Claim, meta: DocMeta) -> dict[str, Any]:
    """One claim with its document's metadata as the ordered export record (JSON-ready)."""
    return {
        "claim_id": claim.claim_id,
        "doc_id": claim.doc_id,
        **doc_meta(meta),
        "published": iso(meta.published),  # keeps its place in the record, as a string
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "claimant": claim.claimant,
        "claimant_mention": claim.claimant_mention,
        "claimant_type": claim.claimant_type,
        "cue": claim.cue,
        "mode": claim.mode,
        "stance": claim.stance,
        "hedged": claim.hedged,
        "stated_on": iso(claim.stated_on),
        "content": claim.content,
        "quantities": [quantity_record(q) for q in claim.quantities],
        "carriers": list(claim.carriers),
        "affiliation": claim.affiliation,
        "claimant_spans": [list(s) for s in claim.claimant_spans],
        "cue_spans": [list(s) for s in claim.cue_spans],
        "content_spans": [list(s) for s in claim.content_spans],
        "rule": claim.rule,
        "relayed_by": claim.relayed_by,
        "party": claim.party,
    }
