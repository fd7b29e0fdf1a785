"""Reading the ledger back as models: claims streamed with their figures and carriers.

`iter_claims` streams through `claim_reads.iter_claim_rows` with the one `ClaimFilter`, so an
export holds exactly the claims `claimledger claims` and the web list for the same filters;
memory stays flat however large the ledger is.

    >>> for claim in iter_claims(store, claimant="ministry", counted="soldiers"):  # doctest: +SKIP
    ...     print(claim.stated_on, claim.claimant, [q.value for q in claim.quantities])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import distinct, func, select

from claimledger.ledger import claim_reads
from claimledger.ledger.claim_filter import ClaimFilter
from claimledger.ledger.dberrors import translate_errors
from claimledger.ledger.read_models import DocMeta as DocMeta  # declared there; kept importable
from claimledger.ledger.schema import claimants, claims, documents, quantities, row_doc_meta
from claimledger.models import Claim, Document

if TYPE_CHECKING:
    from claimledger.ledger.store import Store

BATCH = 500
# The document columns exported next to each claim (CONTRACT.md).
META_COLUMNS = ("doc_id", "doc_path", "source_id", "url", "outlet", "title", "published")


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


class FigureValues(NamedTuple):
    """A stored figure's numbers (what copy linking compares of it)."""

    value: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class ClaimContent:
    """The columns of a stored claim that copy linking compares (`reconcile.copies.ClaimLike`)."""

    claim_id: str
    doc_id: str
    claimant: str
    content: str
    quantities: tuple[FigureValues, ...]


def claim_contents(store: Store, doc_ids: Collection[str]) -> list[ClaimContent]:
    """The claims of these documents, by doc_id and then in reading order, with only the columns
    copy linking compares: two narrow scans instead of every claim built in full."""
    figures: dict[str, list[FigureValues]] = defaultdict(list)
    found: list[ClaimContent] = []
    with store.read() as conn:
        qty_rows = select(
            quantities.c.claim_id, quantities.c.value, quantities.c.low, quantities.c.high
        ).order_by(quantities.c.claim_id, quantities.c.idx)
        for claim_id, value, low, high in conn.execute(qty_rows):
            figures[claim_id].append(FigureValues(value, low, high))
        rows = select(claims.c.claim_id, claims.c.doc_id, claims.c.claimant, claims.c.content)
        for claim_id, doc_id, claimant, content in conn.execute(
            rows.order_by(claims.c.doc_id, claims.c.seq)
        ):
            if doc_id in doc_ids:
                found.append(
                    ClaimContent(claim_id, doc_id, claimant, content, tuple(figures[claim_id]))
                )
    return found


def row_to_document(row: Mapping[Any, Any]) -> Document:
    """A `documents` row as a Document."""
    return Document(
        doc_id=row["doc_id"],
        text=row["text"],
        format=row["format"],
        **row_doc_meta(row),
    )


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def iter_records(
    store: Store,
    *,
    include_copies: bool = True,
    limit: int | None = None,
    offset: int = 0,
    **filters: Any,
) -> Iterator[tuple[Claim, DocMeta]]:
    """Stream (claim, its document's metadata) pairs; filters as in `iter_claims`."""
    flt = ClaimFilter(copies=include_copies, **filters)
    with translate_errors(store.where, "read"):
        for row, found in claim_reads.iter_claim_rows(
            store.engine, flt, limit=limit, offset=offset
        ):
            claim = Claim.model_construct(**{k: getattr(found, k) for k in Claim.model_fields})
            yield claim, DocMeta(**{k: row[k] for k in META_COLUMNS})


def iter_claims(
    store: Store,
    *,
    include_copies: bool = True,
    limit: int | None = None,
    offset: int = 0,
    **filters: Any,
) -> Iterator[Claim]:
    """Stream stored claims as full `Claim` models, with quantities and carriers.

    Args:
        store: the ledger.
        include_copies: False leaves out claims that copy another (copy_of set).
        limit, offset: a window over the ordered result.
        **filters: the fields of `claim_filter.ClaimFilter` (claimant, stance, mode, counted,
            event, outlet, doc_id, since, until, q), with the semantics documented there: the
            same as `claimledger claims` and the web's /api/claims.

    Yields:
        Claims ordered by publication date (undated last), document and position.
        ``carriers`` lists the document of the original claim first, then the documents of its
        copies; a claim that is a copy carries the same list as its original.
    """
    for claim, _ in iter_records(
        store, include_copies=include_copies, limit=limit, offset=offset, **filters
    ):
        yield claim


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
