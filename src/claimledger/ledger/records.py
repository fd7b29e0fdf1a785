"""Reading the ledger back as models: claims streamed with their figures and carriers.

`iter_claims` runs one ordered query with server-side batches (``stream_results``, a named
cursor on PostgreSQL) and, per batch, one query for the quantities and one for the carriers, so
memory stays flat however large the ledger is.

    >>> for claim in iter_claims(store, claimant="ministry", counted="soldiers"):  # doctest: +SKIP
    ...     print(claim.stated_on, claim.claimant, [q.value for q in claim.quantities])
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, and_, distinct, exists, func, or_, select

from claimledger.ledger.schema import claimants, claims, documents, quantities
from claimledger.models import Claim, Document, Quantity

if TYPE_CHECKING:
    from claimledger.ledger.store import Store

BATCH = 500
# The document columns exported next to each claim (CONTRACT.md).
META_COLUMNS = ("doc_id", "doc_path", "source_id", "url", "outlet", "title", "published")


@dataclass(frozen=True)
class DocMeta:
    """What an export needs to know about a claim's document (everything but its text)."""

    doc_id: str
    doc_path: str
    source_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True)
class LedgerStats:
    """Sizes of the ledger and the dates it covers."""

    documents: int
    claims: int
    claimants: int
    outlets: int
    quantities: int
    first_published: date | None
    last_published: date | None
    first_stated: date | None
    last_stated: date | None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict (dates as YYYY-MM-DD)."""
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(self).items()}


def _spans(raw: str | None) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in json.loads(raw or "[]")]


def row_to_quantity(row: Mapping[Any, Any]) -> Quantity:
    """A `quantities` row as a Quantity (column ``grp`` becomes ``group``)."""
    return Quantity(
        text=row["text"],
        value=row["value"],
        low=row["low"],
        high=row["high"],
        unit=row["unit"],
        counted=row["counted"],
        event=row["event"],
        group=row["grp"],
        kind=row["kind"],
        approximate=bool(row["approximate"]),
        start=row["start"],
        end=row["end"],
        background=bool(row["background"]),
    )


def row_to_claim(
    row: Mapping[Any, Any],
    quantities: Sequence[Quantity] = (),
    carriers: Sequence[str] | None = None,
) -> Claim:
    """A `claims` row as a Claim; carriers default to the claim's own document."""
    return Claim(
        claim_id=row["claim_id"],
        doc_id=row["doc_id"],
        sentence=row["sentence"],
        start=row["start"],
        end=row["end"],
        claimant=row["claimant"],
        claimant_mention=row["claimant_mention"],
        claimant_type=row["claimant_type"],
        cue=row["cue"],
        mode=row["mode"],
        stance=row["stance"],
        hedged=bool(row["hedged"]),
        stated_on=row["stated_on"],
        content=row["content"],
        quantities=list(quantities),
        carriers=list(carriers) if carriers is not None else [row["doc_id"]],
        claimant_spans=_spans(row["claimant_spans"]),
        cue_spans=_spans(row["cue_spans"]),
        content_spans=_spans(row["content_spans"]),
        affiliation=row["affiliation"],
        rule=row["rule"],
        relayed_by=row["relayed_by"],
        party=row["party"],
    )


def row_to_document(row: Mapping[Any, Any]) -> Document:
    """A `documents` row as a Document."""
    return Document(
        doc_id=row["doc_id"],
        doc_path=row["doc_path"],
        text=row["text"],
        source_id=row["source_id"],
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        published=row["published"],
        format=row["format"],
    )


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def claims_query(
    *,
    claimant: str | None = None,
    doc_id: str | None = None,
    stance: str | None = None,
    mode: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    counted: str | None = None,
    event: str | None = None,
    include_copies: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> Select[Any]:
    """The SELECT behind `iter_claims`: claim columns plus the document's export columns.

    Ordered by publication date (undated last), then doc_id and position in the document,
    the same on SQLite and PostgreSQL.
    """
    meta = [documents.c[name] for name in META_COLUMNS if name != "doc_id"]
    stmt = select(claims, *meta).join(documents, documents.c.doc_id == claims.c.doc_id)
    if claimant:
        needle = claimant.lower()
        stmt = stmt.where(
            or_(
                func.lower(claims.c.claimant).contains(needle, autoescape=True),
                func.lower(claims.c.claimant_mention).contains(needle, autoescape=True),
            )
        )
    if doc_id:
        stmt = stmt.where(claims.c.doc_id == doc_id)
    if stance:
        stmt = stmt.where(claims.c.stance == stance)
    if mode:
        stmt = stmt.where(claims.c.mode == mode)
    if since is not None:
        stmt = stmt.where(claims.c.stated_on >= _as_date(since))
    if until is not None:
        stmt = stmt.where(claims.c.stated_on <= _as_date(until))
    if counted or event:
        # Both on the same figure: "soldiers killed", not soldiers in one and killed in another.
        conds = [quantities.c.claim_id == claims.c.claim_id]
        if counted:
            conds.append(
                func.lower(quantities.c.counted).contains(counted.lower(), autoescape=True)
            )
        if event:
            conds.append(func.lower(quantities.c.event).contains(event.lower(), autoescape=True))
        stmt = stmt.where(exists().where(and_(*conds)))
    if not include_copies:
        stmt = stmt.where(claims.c.copy_of.is_(None))
    stmt = stmt.order_by(
        documents.c.published.is_(None), documents.c.published, claims.c.doc_id, claims.c.seq
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return stmt


def iter_records(
    store: Store, *, batch_size: int = BATCH, **filters: Any
) -> Iterator[tuple[Claim, DocMeta]]:
    """Stream (claim, its document's metadata) pairs; filters as in `iter_claims`."""
    stmt = claims_query(**filters)
    with store.read() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(stmt)
        for part in result.mappings().partitions():
            ids = [r["claim_id"] for r in part]
            qty = _quantities_for(conn, ids)
            roots = {r["claim_id"]: r["copy_of"] or r["claim_id"] for r in part}
            carriers = _carriers_for(conn, set(roots.values()))
            for r in part:
                cid = r["claim_id"]
                claim = row_to_claim(r, qty.get(cid, ()), carriers.get(roots[cid]) or None)
                meta = DocMeta(
                    doc_id=r["doc_id"],
                    doc_path=r["doc_path"],
                    source_id=r["source_id"],
                    url=r["url"],
                    outlet=r["outlet"],
                    title=r["title"],
                    published=r["published"],
                )
                yield claim, meta


def iter_claims(
    store: Store,
    *,
    claimant: str | None = None,
    doc_id: str | None = None,
    stance: str | None = None,
    mode: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    counted: str | None = None,
    event: str | None = None,
    include_copies: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[Claim]:
    """Stream stored claims as full `Claim` models, with quantities and carriers.

    Args:
        store: the ledger.
        claimant: case-insensitive substring of the claimant or of its mention.
        doc_id, stance, mode: exact matches.
        since, until: bounds (inclusive) on stated_on, as dates or ``YYYY-MM-DD``.
        counted, event: case-insensitive substrings on one and the same quantity.
        include_copies: False leaves out claims that copy another (copy_of set).
        limit, offset: a window over the ordered result.

    Yields:
        Claims ordered by publication date, document and position. ``carriers`` lists the
        document of the original claim first, then the documents of its copies; a claim that
        is a copy carries the same list as its original.
    """
    for claim, _ in iter_records(
        store,
        claimant=claimant,
        doc_id=doc_id,
        stance=stance,
        mode=mode,
        since=since,
        until=until,
        counted=counted,
        event=event,
        include_copies=include_copies,
        limit=limit,
        offset=offset,
    ):
        yield claim


def _quantities_for(conn: Any, ids: Sequence[str]) -> dict[str, list[Quantity]]:
    out: dict[str, list[Quantity]] = defaultdict(list)
    if not ids:
        return out
    stmt = (
        select(quantities)
        .where(quantities.c.claim_id.in_(ids))
        .order_by(quantities.c.claim_id, quantities.c.idx)
    )
    for row in conn.execute(stmt).mappings():
        out[row["claim_id"]].append(row_to_quantity(row))
    return out


def _carriers_for(conn: Any, roots: set[str]) -> dict[str, list[str]]:
    """root claim_id -> [doc of the root, docs of its copies by date and id]."""
    out: dict[str, list[str]] = {}
    if not roots:
        return out
    ids = sorted(roots)
    stmt = (
        select(claims.c.claim_id, claims.c.copy_of, claims.c.doc_id)
        .join(documents, documents.c.doc_id == claims.c.doc_id)
        .where(or_(claims.c.claim_id.in_(ids), claims.c.copy_of.in_(ids)))
        .order_by(documents.c.published.is_(None), documents.c.published, claims.c.doc_id)
    )
    own: dict[str, str] = {}
    copies: dict[str, list[str]] = defaultdict(list)
    for claim_id, copy_of, doc in conn.execute(stmt):
        if claim_id in roots:
            own[claim_id] = doc
        if copy_of in roots:
            copies[copy_of].append(doc)
    for root in roots:
        docs = [own[root]] if root in own else []
        docs += [d for d in copies.get(root, []) if d not in docs]
        out[root] = docs
    return out


def iter_documents(store: Store, *, batch_size: int = 200) -> Iterator[Document]:
    """Stream every stored document (with its text), by publication date then doc_id."""
    stmt = select(documents).order_by(
        documents.c.published.is_(None), documents.c.published, documents.c.doc_id
    )
    with store.read() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(stmt)
        for row in result.mappings():
            yield row_to_document(row)


def get_document(store: Store, doc_id: str) -> Document | None:
    """The stored document with this doc_id, or None."""
    with store.read() as conn:
        row = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).mappings().first()
    return row_to_document(row) if row is not None else None


def document_meta(store: Store, ids: Iterable[str]) -> dict[str, DocMeta]:
    """doc_id -> DocMeta for the stored documents among `ids` (used for carriers' pages)."""
    wanted = sorted(set(ids))
    out: dict[str, DocMeta] = {}
    cols = [documents.c[name] for name in META_COLUMNS]
    with store.read() as conn:
        for i in range(0, len(wanted), BATCH):
            part = wanted[i : i + BATCH]
            for row in conn.execute(select(*cols).where(documents.c.doc_id.in_(part))).mappings():
                out[row["doc_id"]] = DocMeta(**dict(row))
    return out


def stats(store: Store) -> LedgerStats:
    """Counts of documents, claims, claimants, outlets and quantities, and the date ranges."""
    with store.read() as conn:
        n_docs, n_outlets, first_pub, last_pub = conn.execute(
            select(
                func.count(),
                func.count(distinct(documents.c.outlet)),
                func.min(documents.c.published),
                func.max(documents.c.published),
            ).select_from(documents)
        ).one()
        n_claims, first_st, last_st = conn.execute(
            select(
                func.count(), func.min(claims.c.stated_on), func.max(claims.c.stated_on)
            ).select_from(claims)
        ).one()
        n_claimants = conn.execute(select(func.count()).select_from(claimants)).scalar_one()
        n_qty = conn.execute(select(func.count()).select_from(quantities)).scalar_one()
    return LedgerStats(
        documents=n_docs,
        claims=n_claims,
        claimants=n_claimants,
        outlets=n_outlets,
        quantities=n_qty,
        first_published=_as_date(first_pub),
        last_published=_as_date(last_pub),
        first_stated=_as_date(first_st),
        last_stated=_as_date(last_st),
    )
