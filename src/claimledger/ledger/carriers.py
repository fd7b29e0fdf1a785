"""Carriers: each file, URL or outlet that gave a stored document's text, with its metadata.

A document is its text (doc_id is the text's hash), so an identical copy read from another
path is not a second document: it is another carrier of the same one, kept with its own path,
outlet, title, url and date. Re-reading a path the ledger already holds is one of three things:
the same carrier unchanged (nothing to do), the document's first carrier with corrected
metadata (the document is extracted again: the outlet and date shape its claims), or another
carrier whose metadata changed (its row is updated). `sort_known` tells which.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import Connection, and_, bindparam, insert, or_, select, update

from claimledger.ledger.schema import carriers, documents
from claimledger.models import Document

# Metadata a carrier has of its own (the text is the document's).
META_FIELDS = ("source_id", "url", "outlet", "title", "published")
# Carrier keys per query.
_CHUNK = 200

Status = Literal["same", "corrected", "carrier"]


@dataclass(frozen=True)
class Carrier:
    """One place a document was read from."""

    doc_id: str
    doc_path: str
    source_id: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: date | None
    format: str
    ingested_at: datetime


def carrier_row(doc: Document, now: datetime) -> dict[str, Any]:
    """The `carriers` row of a document as read from `doc.doc_path`."""
    return {
        "doc_id": doc.doc_id,
        "doc_path": doc.doc_path,
        **_meta(doc),
        "format": doc.format,
        "ingested_at": now,
    }


def _meta(doc: Document) -> dict[str, Any]:
    return {f: getattr(doc, f) for f in META_FIELDS}


def sort_known(conn: Connection, docs: Sequence[Document]) -> dict[tuple[str, str], Status]:
    """How each document (already stored under its doc_id) relates to what the ledger holds.

    Returns:
        (doc_id, doc_path) -> "same" (this carrier, unchanged: nothing to do), "corrected"
        (the document's first carrier with other metadata: extract and store it again) or
        "carrier" (another carrier, new or with changed metadata: write its row).
    """
    first_path = _first_paths(conn, {d.doc_id for d in docs})
    return _sort_known(docs, _stored_meta(conn, docs), first_path)


def _stored_meta(
    conn: Connection, docs: Sequence[Document]
) -> dict[tuple[str, str], dict[str, Any]]:
    """The stored carrier rows' metadata of these documents' (doc_id, doc_path) keys."""
    keys = list(dict.fromkeys((d.doc_id, d.doc_path) for d in docs))
    stored: dict[tuple[str, str], dict[str, Any]] = {}
    for part in _chunks(keys):
        condition = or_(*(and_(carriers.c.doc_id == i, carriers.c.doc_path == p) for i, p in part))
        for row in conn.execute(select(carriers).where(condition)).mappings():
            stored[(row["doc_id"], row["doc_path"])] = {f: row[f] for f in META_FIELDS}
    return stored


def _sort_known(
    docs: Sequence[Document],
    stored: dict[tuple[str, str], dict[str, Any]],
    first_path: dict[str, str],
) -> dict[tuple[str, str], Status]:
    out: dict[tuple[str, str], Status] = {}
    for doc in docs:
        key = (doc.doc_id, doc.doc_path)
        if stored.get(key) == _meta(doc):
            out[key] = "same"
        elif first_path.get(doc.doc_id) == doc.doc_path:
            out[key] = "corrected"
        else:
            out[key] = "carrier"
    return out


def _first_paths(conn: Connection, ids: set[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    wanted = sorted(ids)
    for i in range(0, len(wanted), 500):
        part = wanted[i : i + 500]
        stmt = select(documents.c.doc_id, documents.c.doc_path).where(documents.c.doc_id.in_(part))
        found.update({d: p for d, p in conn.execute(stmt)})
    return found


def write_carriers(conn: Connection, docs: Iterable[Document], now: datetime) -> int:
    """Insert or update the carrier row of each document whose doc_id is stored.

    Returns:
        The number of rows inserted or changed (a carrier already stored as it is counts 0).
    """
    latest = {(d.doc_id, d.doc_path): d for d in docs}  # the last reading of a path wins
    if not latest:
        return 0
    first_path = _first_paths(conn, {i for i, _ in latest})
    wanted = [d for (i, _), d in latest.items() if i in first_path]
    # One read of the stored rows tells both how each relates and which exist.
    stored = _stored_meta(conn, wanted)
    statuses = _sort_known(wanted, stored, first_path)
    existing = set(stored)
    inserts = [
        carrier_row(d, now)
        for d in wanted
        if (d.doc_id, d.doc_path) not in existing and statuses[(d.doc_id, d.doc_path)] != "same"
    ]
    updates = [
        {"b_id": d.doc_id, "b_path": d.doc_path, **_meta(d)}
        for d in wanted
        if (d.doc_id, d.doc_path) in existing and statuses[(d.doc_id, d.doc_path)] != "same"
    ]
    if inserts:
        conn.execute(insert(carriers), inserts)
    if updates:
        conn.execute(
            update(carriers)
            .where(
                and_(
                    carriers.c.doc_id == bindparam("b_id"),
                    carriers.c.doc_path == bindparam("b_path"),
                )
            )
            .values(**{f: bindparam(f) for f in META_FIELDS}),
            updates,
        )
    return len(inserts) + len(updates)


def carriers_of(conn: Connection, doc_id: str) -> list[Carrier]:
    """Every carrier of a document, first read first."""
    stmt = (
        select(carriers)
        .where(carriers.c.doc_id == doc_id)
        .order_by(carriers.c.ingested_at, carriers.c.doc_path)
    )
    return [Carrier(**dict(row)) for row in conn.execute(stmt).mappings()]


def _chunks(keys: list[tuple[str, str]]) -> Iterable[list[tuple[str, str]]]:
    for i in range(0, len(keys), _CHUNK):
        yield keys[i : i + _CHUNK]
