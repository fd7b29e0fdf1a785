"""The single gate for writes to the ledger: batched, transactional, idempotent.

Each `write_batch` is one transaction that takes the write lock when it begins (BEGIN IMMEDIATE
on SQLite, an advisory lock on PostgreSQL), so concurrent ingests queue instead of failing and a
batch that fails half-way leaves nothing behind. Keys are content hashes: a document already
stored is skipped with its claims, so re-ingesting the same input adds nothing; the same text
read from another path is recorded as another carrier (see carriers.py). The rows it inserts
are built in write_rows.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, Connection, Engine, bindparam, delete, insert, or_, select, update

from claimledger.closing import ClosedOnExit
from claimledger.ledger import carriers as carrier_rows
from claimledger.ledger.claimant_rows import upsert_claimants
from claimledger.ledger.dberrors import WRITE_OPTION, translate_errors
from claimledger.ledger.schema import claims, documents, ingests, quantities
from claimledger.ledger.write_rows import (
    claim_row,
    document_row,
    party_for,
    quantity_rows,
    storable_path,
)
from claimledger.models import Claim, Document

if TYPE_CHECKING:
    from claimledger.ledger.records import LedgerStats

__all__ = ["CHUNK", "PG_WRITE_LOCK", "Store", "WriteResult", "chunked", "party_for", "utcnow"]

# Bound parameters per IN (...) list: well under SQLite's and PostgreSQL's limits.
CHUNK = 500
# Key for PostgreSQL's transaction-level advisory lock: one writer at a time, as on SQLite.
PG_WRITE_LOCK = 7215001


@dataclass(frozen=True)
class WriteResult:
    """What one `write_batch` did."""

    documents_added: int = 0
    claims_added: int = 0
    documents_skipped: int = 0
    documents_updated: int = 0  # stored again: their first carrier's metadata was corrected


def utcnow() -> datetime:
    """Naive UTC timestamp (the DateTime columns carry no zone, identically on both engines)."""
    return datetime.now(UTC).replace(tzinfo=None)


def chunked(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    """Slices of `items` of at most `size`."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


class Store(ClosedOnExit):
    """One ledger database. Reads and writes go through here (and `records`), nowhere else."""

    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where  # for messages: the SQLite path or the URL without password

    # -- connections -------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection in a read transaction (rolled back at the end)."""
        with translate_errors(self.where, "read"), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection in a write transaction holding the write lock; commits on success."""
        with translate_errors(self.where, "write to"), self.engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")
                yield conn

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({self.where!r})"

    # -- existence ---------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this doc_id is stored."""
        return bool(self.known_doc_ids([doc_id]))

    def known_doc_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of `ids` already stored (one query per 500 ids).

        Lets the caller skip reading and parsing documents the ledger already holds.
        """
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        with self.read() as conn:
            return _existing_docs(conn, wanted)

    # -- writes ------------------------------------------------------------------------------

    def write_batch(self, items: Sequence[tuple[Document, Sequence[Claim]]]) -> WriteResult:
        """Store documents with their claims, quantities and claimants in one transaction.

        A document already stored (or repeated within the batch) is skipped with its claims,
        unless it comes from its first carrier's path with corrected metadata: it is then stored
        again, its old claims replaced (`documents_updated`). Every new document also gets its
        carrier row. A claim repeated within a document is stored once.

        Raises:
            ValueError: a claim's doc_id is not the doc_id of the document it came with.
            StoreError: the database refused the batch (read-only, disk full, constraint);
                nothing of the batch is kept.
        """
        batch: dict[str, tuple[Document, Sequence[Claim]]] = {}
        repeated = 0
        for doc, doc_claims in items:
            for claim in doc_claims:
                if claim.doc_id != doc.doc_id:
                    raise ValueError(
                        f"claim {claim.claim_id} belongs to document {claim.doc_id}, "
                        f"not to {doc.doc_id} it came with"
                    )
            if doc.doc_id in batch:
                repeated += 1
            else:
                batch[doc.doc_id] = (doc, doc_claims)
        if not batch:
            return WriteResult()

        now = utcnow()
        with self.write() as conn:
            present = _existing_docs(conn, list(batch))
            known = [doc for doc_id, (doc, _) in batch.items() if doc_id in present]
            status = carrier_rows.sort_known(conn, known)
            corrected = [d for d in known if status[(d.doc_id, d.doc_path)] == "corrected"]
            if corrected:  # their claims are written again below, with the new metadata
                _clear_documents(conn, corrected)
            redo = {d.doc_id for d in corrected}
            new = [
                pair for doc_id, pair in batch.items() if doc_id not in present or doc_id in redo
            ]
            doc_rows = [document_row(doc, now) for doc, _ in new if doc.doc_id not in redo]
            claim_rows: list[dict[str, Any]] = []
            qty_rows: list[dict[str, Any]] = []
            stored: list[Claim] = []
            seen: set[str] = set()
            for _, doc_claims in new:
                for seq, claim in enumerate(doc_claims):
                    if claim.claim_id in seen:
                        continue
                    seen.add(claim.claim_id)
                    stored.append(claim)
                    claim_rows.append(claim_row(claim, seq))
                    qty_rows.extend(quantity_rows(claim))
            # executemany: one prepared statement per table for the whole batch.
            if doc_rows:
                conn.execute(insert(documents), doc_rows)
            if claim_rows:
                conn.execute(insert(claims), claim_rows)
            if qty_rows:
                conn.execute(insert(quantities), qty_rows)
            upsert_claimants(conn, stored)
            # New documents' first carriers, and copies another writer stored first.
            elsewhere = [d for d in known if status[(d.doc_id, d.doc_path)] == "carrier"]
            carrier_rows.write_carriers(conn, [doc for doc, _ in new] + elsewhere, now)
        return WriteResult(
            documents_added=len(doc_rows),
            claims_added=len(claim_rows),
            documents_skipped=len(present) - len(redo) + repeated,
            documents_updated=len(redo),
        )

    def set_copy_links(
        self,
        doc_origins: Mapping[str, str | None] | None = None,
        claim_copies: Mapping[str, str | None] | None = None,
    ) -> int:
        """Record copy detection: each document's origin_id and each claim's copy_of.

        Args:
            doc_origins: doc_id -> doc_id of the first-seen document of its copy cluster.
            claim_copies: claim_id -> claim_id of the original it repeats (None clears it).

        Returns:
            The number of rows updated.
        """
        total = 0
        with self.write() as conn:
            total += _set_each(conn, documents.c.doc_id, "origin_id", doc_origins or {})
            total += _set_each(conn, claims.c.claim_id, "copy_of", claim_copies or {})
            # Linking is done for every run so far: a no-op re-ingest need not link again.
            conn.execute(
                update(ingests).where(ingests.c.linked_at.is_(None)).values(linked_at=utcnow())
            )
        return total

    # -- ingest runs ---------------------------------------------------------------------------

    def start_ingest(self, paths: Iterable[str]) -> int:
        """Record the start of an ingest run; returns its id for `finish_ingest`."""
        row = {
            "started_at": utcnow(),
            "paths": json.dumps([storable_path(p) for p in paths], ensure_ascii=False),
            "documents_added": 0,
            "claims_added": 0,
            "errors": 0,
        }
        with self.write() as conn:
            result = conn.execute(insert(ingests).returning(ingests.c.id), row)
            return int(result.scalar_one())

    def finish_ingest(
        self, ingest_id: int, documents_added: int = 0, claims_added: int = 0, errors: int = 0
    ) -> None:
        """Record the end of an ingest run with what it added and how many inputs failed."""
        with self.write() as conn:
            conn.execute(
                update(ingests)
                .where(ingests.c.id == ingest_id)
                .values(
                    finished_at=utcnow(),
                    documents_added=documents_added,
                    claims_added=claims_added,
                    errors=errors,
                )
            )

    def links_may_be_stale(self) -> bool:
        """True when the latest ingest run may have stored documents whose copies were not linked.

        That run was cut short (no `finished_at`: killed after some batches were committed), or
        it added or updated documents and the copy linking that follows did not finish
        (`linked_at` is set when it does). The next ingest then links copies even when it adds
        nothing itself; once linked, a no-op re-ingest does not link again.
        """
        # Every run since the last linking counts, not only the latest: a run that added
        # documents and was killed while linking, then a resumed run that added nothing and was
        # killed too, still leave copies unlinked.
        with self.read() as conn:
            row = conn.execute(
                select(ingests.c.id)
                .where(ingests.c.linked_at.is_(None))
                .where(or_(ingests.c.finished_at.is_(None), ingests.c.documents_added > 0))
                .limit(1)
            ).first()
        return row is not None

    # -- carriers ------------------------------------------------------------------------------

    def sort_known(self, docs: Sequence[Document]) -> dict[tuple[str, str], carrier_rows.Status]:
        """For documents already stored: "same", "corrected" or "carrier" (see carriers.py)."""
        with self.read() as conn:
            return carrier_rows.sort_known(conn, docs)

    def write_carriers(self, docs: Iterable[Document]) -> int:
        """Record identical copies read from other paths as carriers; returns rows written."""
        with self.write() as conn:
            return carrier_rows.write_carriers(conn, list(docs), utcnow())

    def carriers_of(self, doc_id: str) -> list[carrier_rows.Carrier]:
        """Every file, URL or outlet that gave this document's text, first read first."""
        with self.read() as conn:
            return carrier_rows.carriers_of(conn, doc_id)

    # -- reads (see records.py for streaming claims) -----------------------------------------------

    def get_document(self, doc_id: str) -> Document | None:
        """The stored document, or None."""
        from claimledger.ledger import records

        return records.get_document(self, doc_id)

    def stats(self) -> LedgerStats:
        """Counts of documents, claims, claimants and outlets, and the date range."""
        from claimledger.ledger import records

        return records.stats(self)


def _set_each(
    conn: Connection, key: Column[str], column: str, values: Mapping[str, str | None]
) -> int:
    """Set `column` of each row whose `key` is a key of `values` to its value (one executemany);
    the number of rows updated."""
    if not values:
        return 0
    stmt = update(key.table).where(key == bindparam("b_id")).values({column: bindparam("b_val")})
    return conn.execute(stmt, [{"b_id": k, "b_val": v} for k, v in values.items()]).rowcount


def _existing_docs(conn: Connection, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for part in chunked(ids):
        found.update(conn.scalars(select(documents.c.doc_id).where(documents.c.doc_id.in_(part))))
    return found


def _clear_documents(conn: Connection, docs: Sequence[Document]) -> None:
    """Give stored documents new metadata and drop their claims (written again by the caller);
    their copies are linked again by the next linking."""
    ids = [d.doc_id for d in docs]
    for part in chunked(ids):
        conn.execute(
            delete(quantities).where(
                quantities.c.claim_id.in_(
                    select(claims.c.claim_id).where(claims.c.doc_id.in_(part))
                )
            )
        )
        conn.execute(delete(claims).where(claims.c.doc_id.in_(part)))
    conn.execute(
        update(documents)
        .where(documents.c.doc_id == bindparam("b_id"))
        .values(origin_id=None, **{f: bindparam(f"b_{f}") for f in carrier_rows.META_FIELDS}),
        [
            {"b_id": d.doc_id, **{f"b_{f}": getattr(d, f) for f in carrier_rows.META_FIELDS}}
            for d in docs
        ],
    )
