"""Copy detection over the stored ledger: read documents and claims, link copies, write links.

The detection itself is pure (`reconcile.copies`); this module only moves data in and out.
"""

from __future__ import annotations

from collections import defaultdict

from claimledger.ledger import records
from claimledger.ledger.store import Store
from claimledger.reconcile.copies import copy_of, find_copies


def link_copies(store: Store) -> int:
    """Find syndicated / near-duplicate documents and mark the claims they repeat.

    Returns the number of documents that are copies of another one.
    """
    origin_of = find_copies((d.doc_id, d.text, d.published) for d in records.iter_documents(store))
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id, origin in origin_of.items():
        members[origin].append(doc_id)
    clustered = {d for group in members.values() if len(group) > 1 for d in group}
    doc_origins = {d: origin_of[d] for d in clustered}
    claim_links: dict[str, str | None] = {}
    if clustered:
        # One read of the ledger's claims, not one per document, and of only the columns
        # compared: in document order, each document's claims in reading order.
        claims = records.claim_contents(store, clustered)
        for claim_id, rep in copy_of(claims, origin_of).items():
            claim_links[claim_id] = None if rep == claim_id else rep
    store.set_copy_links(doc_origins=doc_origins, claim_copies=claim_links)
    return sum(1 for d, o in doc_origins.items() if d != o)
