"""Reading documents, claimants and headline counts (claims are read in `claim_reads`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Engine, func, or_, select
from sqlalchemy.engine import Connection, RowMapping

from claimledger.ledger.claim_reads import claim_select, to_claims
from claimledger.ledger.read_models import (
    ClaimantPage,
    ClaimantSummary,
    DocumentDetail,
    DocumentPage,
    DocumentSummary,
    IngestRun,
    Overview,
)
from claimledger.ledger.schema import (
    claimants,
    claims,
    documents,
    ingests,
    quantities,
    row_doc_meta,
)
from claimledger.reconcile.tracks import fold_word


def _doc_summary(r: RowMapping, n_claims: int = 0) -> DocumentSummary:
    return DocumentSummary(
        doc_id=r["doc_id"],
        **row_doc_meta(r),
        format=r["format"],
        n_words=r["n_words"] or 0,
        origin_id=r["origin_id"],
        ingested_at=r["ingested_at"],
        n_claims=n_claims,
    )


_DOC_COLS = [c for c in documents.c if c.name != "text"]


def _claim_counts(conn: Connection, doc_ids: Sequence[str]) -> dict[str, int]:
    if not doc_ids:
        return {}
    stmt = (
        select(claims.c.doc_id, func.count())
        .where(claims.c.doc_id.in_(list(doc_ids)))
        .group_by(claims.c.doc_id)
    )
    return {d: n for d, n in conn.execute(stmt).all()}


def list_documents(
    engine: Engine,
    *,
    outlet: str | None = None,
    q: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> DocumentPage:
    """Documents, newest first, optionally of one outlet or with words in the title."""
    conds: list[ColumnElement[bool]] = []
    if outlet:
        conds.append(func.lower(documents.c.outlet) == outlet.strip().lower())
    if q and q.strip():
        conds.append(documents.c.title.icontains(q.strip(), autoescape=True))
    stmt = (
        select(*_DOC_COLS)
        .where(*conds)
        .order_by(documents.c.published.desc(), documents.c.doc_id)
        .limit(limit)
        .offset(offset)
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
        total = conn.execute(select(func.count()).select_from(documents).where(*conds)).scalar_one()
        counts = _claim_counts(conn, [r["doc_id"] for r in rows])
        origins = sorted(
            {r["origin_id"] for r in rows if r["origin_id"] not in (None, r["doc_id"])}
        )
        origin_outlet = dict(
            conn.execute(
                select(documents.c.doc_id, documents.c.outlet).where(
                    documents.c.doc_id.in_(origins)
                )
            ).all()
        )
    items = []
    for r in rows:
        doc = _doc_summary(r, counts.get(r["doc_id"], 0))
        doc.origin_outlet = origin_outlet.get(r["origin_id"])
        items.append(doc)
    return DocumentPage(total=total, items=items)


def get_document(engine: Engine, doc_id: str) -> DocumentDetail | None:
    """A document with its text, its claims in order and the other documents of its copy cluster."""
    with engine.connect() as conn:
        row = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).mappings().first()
        if row is None:
            return None
        rows = (
            conn.execute(claim_select().where(claims.c.doc_id == doc_id).order_by(claims.c.seq))
            .mappings()
            .all()
        )
        doc_claims = to_claims(conn, rows)
        origin = row["origin_id"] or doc_id
        copy_rows = (
            conn.execute(
                select(*_DOC_COLS)
                .where(
                    or_(documents.c.origin_id == origin, documents.c.doc_id == origin),
                    documents.c.doc_id != doc_id,
                )
                .order_by(documents.c.published, documents.c.doc_id)
            )
            .mappings()
            .all()
        )
        copies = [_doc_summary(r) for r in copy_rows]
    base = _doc_summary(row, len(doc_claims))
    return DocumentDetail(**base.model_dump(), text=row["text"], claims=doc_claims, copies=copies)


def overview(engine: Engine, *, n_ingests: int = 10) -> Overview:
    """Headline counts, the span of claim dates and the latest ingest runs."""
    with engine.connect() as conn:
        n_docs, n_outlets, first_pub, last_pub = conn.execute(
            select(
                func.count(),
                func.count(documents.c.outlet.distinct()),
                func.min(documents.c.published),
                func.max(documents.c.published),
            )
        ).one()
        n_rows = conn.execute(select(func.count()).select_from(claims)).scalar_one()
        n_copies = conn.execute(
            select(func.count()).select_from(claims).where(claims.c.copy_of.is_not(None))
        ).scalar_one()
        # Distinct over the claimant index: cheap even on a large ledger.
        n_claimants = conn.execute(
            select(func.count()).select_from(select(claims.c.claimant).distinct().subquery())
        ).scalar_one()
        n_qty = conn.execute(select(func.count()).select_from(quantities)).scalar_one()
        first_said = conn.execute(select(func.min(claims.c.stated_on))).scalar_one()
        last_said = conn.execute(select(func.max(claims.c.stated_on))).scalar_one()
        runs = conn.execute(
            select(ingests).order_by(ingests.c.id.desc()).limit(n_ingests)
        ).mappings()
        latest = [
            IngestRun(
                id=r["id"],
                started_at=r["started_at"],
                finished_at=r["finished_at"],
                paths=_paths(r["paths"]),
                documents_added=r["documents_added"] or 0,
                claims_added=r["claims_added"] or 0,
                errors=r["errors"] or 0,
            )
            for r in runs
        ]
        newest = (
            conn.execute(
                select(*_DOC_COLS)
                .order_by(documents.c.ingested_at.desc(), documents.c.doc_id)
                .limit(n_ingests)
            )
            .mappings()
            .all()
        )
        n_by_doc = _claim_counts(conn, [r["doc_id"] for r in newest])
    dates = [d for d in (first_said, last_said, first_pub, last_pub) if d is not None]
    return Overview(
        documents=n_docs,
        outlets=n_outlets,
        claimants=n_claimants,
        claims=n_rows - n_copies,
        copies=n_copies,
        quantities=n_qty,
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        latest_ingests=latest,
        latest_documents=[_doc_summary(r, n_by_doc.get(r["doc_id"], 0)) for r in newest],
    )


def _paths(raw: str | None) -> list[str]:
    """Ingest paths are stored as JSON; tolerate a plain string from older runs."""
    if not raw:
        return []
    try:
        value = json.loads(raw)
    except ValueError:
        return [raw]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def list_claimants(
    engine: Engine, *, q: str | None = None, limit: int = 50, offset: int = 0
) -> ClaimantPage:
    """Claimants by number of claims (copies counted once), their denials and date span."""
    own = claims.c.copy_of.concat("") if engine.dialect.name == "sqlite" else claims.c.copy_of
    conds: list[ColumnElement[bool]] = [own.is_(None)]  # as in `_where`
    if q and q.strip():
        conds.append(claims.c.claimant.icontains(q.strip(), autoescape=True))
    n = func.count().label("n_claims")
    stmt = (
        select(
            claims.c.claimant,
            n,
            func.count(claims.c.claim_id).filter(claims.c.stance == "deny").label("n_denials"),
            func.min(claims.c.stated_on).label("first_date"),
            func.max(claims.c.stated_on).label("last_date"),
            func.max(claims.c.claimant_type).label("claimant_type"),
            func.max(claims.c.affiliation).label("affiliation"),
        )
        .where(*conds)
        .group_by(claims.c.claimant)
        .order_by(n.desc(), claims.c.claimant)
        .limit(limit)
        .offset(offset)
    )
    count = select(func.count()).select_from(
        select(claims.c.claimant).where(*conds).distinct().subquery()
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
        total = conn.execute(count).scalar_one()
        names = [r["claimant"] for r in rows]
        registry = {
            r["name"]: r
            for r in conn.execute(select(claimants).where(claimants.c.name.in_(names))).mappings()
        }
    items = []
    for r in rows:
        reg = registry.get(r["claimant"])
        items.append(
            ClaimantSummary(
                name=r["claimant"],
                claimant_type=(reg["claimant_type"] if reg else None) or r["claimant_type"],
                affiliation=(reg["affiliation"] if reg else None) or r["affiliation"],
                n_claims=r["n_claims"],
                n_denials=r["n_denials"] or 0,
                first_date=r["first_date"],
                last_date=r["last_date"],
            )
        )
    return ClaimantPage(total=total, items=items)


def facet_values(engine: Engine) -> dict[str, list[str]]:
    """Distinct values offered in the claim filter form (outlets, stances, counted, events)."""
    with engine.connect() as conn:

        def distinct(col: ColumnElement[Any], limit: int = 200) -> list[str]:
            stmt = select(col).where(col.is_not(None)).distinct().order_by(col).limit(limit)
            return [str(v) for v in conn.execute(stmt).scalars()]

        return {
            "outlet": distinct(documents.c.outlet),
            "stance": distinct(claims.c.stance),
            # One entry per folded form: "soldiers" stands for troops and servicemen too.
            "counted": sorted({fold_word(w) for w in distinct(quantities.c.counted, 2000)}),
            "event": sorted({fold_word(w) for w in distinct(quantities.c.event, 2000)}),
        }


def open_reader(db: str | None) -> Engine:
    """The engine the web reads through: the store's own (same URL rules, schema, WAL)."""
    from claimledger.ledger.engine import open_store

    engine: Engine = open_store(db).engine
    return engine
