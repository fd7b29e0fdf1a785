"""What the write gate stores for a document, a claim and its figures: one row dict per table
row (`store.Store.write_batch` inserts them), with the claimant's party looked up once per name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Table

from claimledger.ledger.schema import claims, documents, quantities
from claimledger.models import Claim, Document
from claimledger.reconcile.sides import party_of


def storable_path(name: str) -> str:
    """A path as UTF-8 can hold it: a byte the file system gave undecoded is written `\\xe9`."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return name.encode("utf-8", "replace").decode("utf-8")


def spans_json(spans: Sequence[tuple[int, int]]) -> str:
    """Character spans as the JSON text a spans column holds: [[start, end], ...]."""
    return json.dumps([[s, e] for s, e in spans])


def document_row(doc: Document, now: datetime) -> dict[str, Any]:
    """The `documents` row of a new document (its copies are linked later: no origin yet)."""
    return _row(documents, doc, n_words=len(doc.text.split()), origin_id=None, ingested_at=now)


def party_for(claim: Claim) -> str:
    """The claimant's party from the bundled party table (reconcile/sides.py): by name, type,
    affiliation or the mention; else the party of the state or body it is affiliated with;
    "unknown" when neither tells."""
    return _party(claim.claimant, claim.claimant_mention, claim.claimant_type, claim.affiliation)


@lru_cache(maxsize=65536)
def _party(claimant: str, mention: str | None, claimant_type: str, affiliation: str | None) -> str:
    # Every claim passes the write gate and a ledger repeats its claimants: look each up once.
    party = party_of(claimant, mention, claimant_type=claimant_type)
    if party == "unknown" and affiliation:
        party = party_of(affiliation, claimant_type="government")
    return party


def claim_row(claim: Claim, seq: int) -> dict[str, Any]:
    """The `claims` row of a claim, `seq`-th of its document; its party filled in when unset."""
    return _row(
        claims,
        claim,
        seq=seq,
        claimant_spans=spans_json(claim.claimant_spans),
        cue_spans=spans_json(claim.cue_spans),
        content_spans=spans_json(claim.content_spans),
        copy_of=None,
        party=claim.party or party_for(claim),
    )


def quantity_rows(claim: Claim) -> list[dict[str, Any]]:
    """The `quantities` rows of a claim's figures, in order."""
    return [
        _row(quantities, q, claim_id=claim.claim_id, idx=i, grp=q.group)
        for i, q in enumerate(claim.quantities)
    ]


def _row(table: Table, item: object, **given: object) -> dict[str, Any]:
    """A row of `table`: each column the item's attribute of that name, unless `given` holds
    its value."""
    return {c.name: given[c.name] if c.name in given else getattr(item, c.name) for c in table.c}
