"""Reading claims: one page, one claim, every claim streamed, bulk loads for derived views.

Every reader narrows claims with `claim_filter.claim_conditions` and computes carriers with
`carriers_for`, so the CLI, the Python API, the web pages and the downloads agree. Sort columns
come from a fixed whitelist, never from input.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

from sqlalchemy import ColumnElement, Engine, Select, func, literal_column, or_, select
from sqlalchemy.engine import Connection, RowMapping

from claimledger.ledger.claim_filter import ClaimFilter, Vocabulary, claim_conditions
from claimledger.ledger.read_models import ClaimPage, LedgerClaim
from claimledger.ledger.read_state import remembered, vocabulary
from claimledger.ledger.schema import DOC_META, claims, documents, quantities, row_doc_meta
from claimledger.models import Quantity

SortKey = Literal["date", "published", "claimant", "stance", "outlet", "position"]
Order = Literal["asc", "desc"]

# Whitelist: the only columns a listing may be ordered by; a row key breaks ties (see `_key`).
_SORT_COLUMNS: dict[str, Sequence[ColumnElement[Any]]] = {
    "date": (claims.c.stated_on,),
    "published": (documents.c.published,),
    "claimant": (claims.c.claimant,),
    "stance": (claims.c.stance,),
    "outlet": (documents.c.outlet,),
    "position": (claims.c.doc_id, claims.c.seq),
}
_DOC_SORTS = frozenset({"published", "outlet"})
BATCH = 500


def _key(dialect: str) -> ColumnElement[Any]:
    """The row key that pages are cut on and ties broken by.

    On SQLite the rowid: every index on `claims` already ends with it, so ordering by
    (stated_on, rowid) reads ix_claims_stated_on in order, covering, with no sort step; the
    claim_id would cost a table lookup per skipped row. Elsewhere the primary key.
    """
    return literal_column("claims.rowid") if dialect == "sqlite" else claims.c.claim_id


_INT = re.compile(r"-?\d+")


def _spans(raw: str | None) -> list[tuple[int, int]]:
    """'[[3, 9], [12, 20]]' -> [(3, 9), (12, 20)]; the stored JSON holds only integer pairs.

    Read with a regex, not the JSON parser: bulk loads parse three span lists per claim, and
    this is several times faster.
    """
    if not raw or raw == "[]":
        return []
    nums = [int(n) for n in _INT.findall(raw)]
    return list(zip(nums[::2], nums[1::2], strict=True))


def claim_select() -> Select[Any]:
    """Claim columns with the document's export columns (CONTRACT.md)."""
    return select(
        claims,
        documents.c.doc_path,
        documents.c.source_id,
        documents.c.url,
        documents.c.outlet,
        documents.c.title,
        documents.c.published,
    ).join_from(claims, documents, claims.c.doc_id == documents.c.doc_id)


def _vocab(engine: Engine, flt: ClaimFilter) -> Vocabulary:
    return vocabulary(engine) if flt.needs_vocabulary else Vocabulary()


def quantities_for(conn: Connection, claim_ids: Sequence[str]) -> dict[str, list[Quantity]]:
    """Each claim's figures, in the order they appear."""
    out: dict[str, list[Quantity]] = {}
    ids = list(claim_ids)
    for i in range(0, len(ids), BATCH):
        stmt = (
            select(quantities)
            .where(quantities.c.claim_id.in_(ids[i : i + BATCH]))
            .order_by(quantities.c.claim_id, quantities.c.idx)
        )
        out.update(group_quantities(conn.execute(stmt).mappings()))
    return out


# Columns read into the model field of the same name as they are (the rest are converted).
_QUANTITY_COLUMNS = tuple(
    name for name in Quantity.model_fields if name not in ("group", "approximate", "background")
)
# ... and the claim's: every field but the document's metadata and the converted ones.
_CONVERTED = ("hedged", "quantities", "carriers", "claimant_spans", "cue_spans", "content_spans")
_CLAIM_COLUMNS = tuple(
    name for name in LedgerClaim.model_fields if name not in DOC_META and name not in _CONVERTED
)


def group_quantities(rows: Iterable[RowMapping]) -> dict[str, list[Quantity]]:
    """`quantities` rows grouped by claim (column `grp` becomes `group`)."""
    out: dict[str, list[Quantity]] = defaultdict(list)
    for r in rows:
        # Rows the store wrote from validated models: construct without validating again.
        out[r["claim_id"]].append(
            Quantity.model_construct(
                **{name: r[name] for name in _QUANTITY_COLUMNS},
                group=r["grp"],
                approximate=bool(r["approximate"]),
                background=bool(r["background"]),
            )
        )
    return out


def carriers_for(conn: Connection, rows: Sequence[RowMapping]) -> dict[str, list[str]]:
    """Documents carrying each claim: the original's first, then its copies' by date and id.

    A claim that is a copy carries the same list as its original.
    """
    roots = {r["claim_id"]: r["copy_of"] or r["claim_id"] for r in rows}
    by_root: dict[str, list[str]] = defaultdict(list)
    root_ids = sorted(set(roots.values()))
    for i in range(0, len(root_ids), BATCH):
        part = root_ids[i : i + BATCH]
        stmt = (
            select(claims.c.claim_id, claims.c.copy_of, claims.c.doc_id)
            .join(documents, documents.c.doc_id == claims.c.doc_id)
            .where(or_(claims.c.claim_id.in_(part), claims.c.copy_of.in_(part)))
            .order_by(
                claims.c.copy_of.is_not(None),  # the original first
                documents.c.published.is_(None),
                documents.c.published,
                claims.c.doc_id,
            )
        )
        for claim_id, copy_of, doc_id in conn.execute(stmt):
            docs = by_root[copy_of or claim_id]
            if doc_id not in docs:
                docs.append(doc_id)
    return {cid: by_root.get(root) or [] for cid, root in roots.items()}


def to_claims(
    conn: Connection,
    rows: Sequence[RowMapping],
    qty: dict[str, list[Quantity]] | None = None,
    carriers: dict[str, list[str]] | None = None,
) -> list[LedgerClaim]:
    """Rows of `claim_select` as LedgerClaims with their figures and carriers."""
    if qty is None:
        qty = quantities_for(conn, [r["claim_id"] for r in rows])
    if carriers is None:
        carriers = carriers_for(conn, rows)
    out = []
    for r in rows:
        out.append(
            LedgerClaim.model_construct(
                **{name: r[name] for name in _CLAIM_COLUMNS},
                **row_doc_meta(r),
                hedged=bool(r["hedged"]),
                quantities=qty.get(r["claim_id"], []),
                carriers=carriers.get(r["claim_id"]) or [r["doc_id"]],
                claimant_spans=_spans(r["claimant_spans"]),
                cue_spans=_spans(r["cue_spans"]),
                content_spans=_spans(r["content_spans"]),
            )
        )
    return out


def list_claims(
    engine: Engine,
    flt: ClaimFilter | None = None,
    *,
    sort: SortKey = "date",
    order: Order = "desc",
    limit: int = 50,
    offset: int = 0,
) -> ClaimPage:
    """One page of the claims matching `flt`, ordered by a whitelisted key, with the total.

    Two steps keep deep pages cheap: the page's row keys come from a narrow query (an index
    scan for the date and claimant orders), then only those rows are read in full.
    """
    flt = flt or ClaimFilter()
    dialect = engine.dialect.name
    vocab = _vocab(engine, flt)
    conds, needs_docs = claim_conditions(flt, dialect, vocab)
    key = _key(dialect)
    cols = [*_SORT_COLUMNS[sort], key]
    ordering = [c.desc() if order == "desc" else c.asc() for c in cols]
    with engine.connect() as conn:
        total = count_claims(conn, flt, conds, needs_docs)
        page_conds = conds
        if _walk_in_order(conn, flt, total, offset + limit):
            page_conds, _ = claim_conditions(flt, dialect, vocab, probe=True)
        page = select(key).select_from(claims)
        if needs_docs or sort in _DOC_SORTS:
            page = page.join(documents, claims.c.doc_id == documents.c.doc_id)
        page = page.where(*page_conds).order_by(*ordering).limit(limit).offset(offset)
        keys = list(conn.execute(page).scalars())
        rows_by_key = (
            {
                r["_key"]: r
                for r in conn.execute(
                    claim_select().add_columns(key.label("_key")).where(key.in_(keys))
                ).mappings()
            }
            if keys
            else {}
        )
        rows = [rows_by_key[k] for k in keys if k in rows_by_key]
        return ClaimPage(total=total, items=to_claims(conn, rows))


# Rows an ordered walk may read before looking the matches up by id is the cheaper plan.
_WALK_LIMIT = 20_000


def _walk_in_order(conn: Connection, flt: ClaimFilter, matches: int, needed: int) -> bool:
    """Should a figure filter be checked row by row along the sort order (SQLite)?

    SQLite, without statistics, answers `?counted=civilians` by looking up every matching claim
    and sorting them all (8,000 of 100,000: ~100 ms); walking the date index and testing each
    claim reads only about needed / share rows (~600: ~2 ms). For a rare figure the lookup wins,
    so the walk is taken only when it is expected to stop early; the totals are cached counts.
    """
    if conn.dialect.name != "sqlite" or not (flt.counted or flt.event):
        return False
    if flt.claimant or flt.doc_id or matches == 0:
        return False  # an index on those already narrows the rows to a few
    everything = count_claims(conn, ClaimFilter(copies=True), [], False)  # all rows
    return needed * everything / matches <= _WALK_LIMIT


def count_claims(
    conn: Connection, flt: ClaimFilter, conds: list[ColumnElement[bool]], needs_docs: bool
) -> int:
    """How many claims match; remembered until the ledger changes."""

    def count() -> int:
        stmt = select(func.count()).select_from(claims)
        if needs_docs:
            stmt = stmt.join(documents, claims.c.doc_id == documents.c.doc_id)
        return int(conn.execute(stmt.where(*conds)).scalar_one())

    return remembered(conn.engine, ("count", flt.model_dump_json()), count)


def get_claim(engine: Engine, claim_id: str) -> LedgerClaim | None:
    """One claim by id, or None."""
    with engine.connect() as conn:
        rows = conn.execute(claim_select().where(claims.c.claim_id == claim_id)).mappings().all()
        found = to_claims(conn, rows)
    return found[0] if found else None


def claims_by_id(engine: Engine, claim_ids: Sequence[str]) -> list[LedgerClaim]:
    """The claims with these ids (unknown ids are left out), a few hundred per query."""
    ids = sorted(set(claim_ids))
    out: list[LedgerClaim] = []
    with engine.connect() as conn:
        for i in range(0, len(ids), BATCH):
            stmt = claim_select().where(claims.c.claim_id.in_(ids[i : i + BATCH]))
            out += to_claims(conn, conn.execute(stmt).mappings().all())
    return out


def iter_claim_rows(
    engine: Engine, flt: ClaimFilter, *, limit: int | None = None, offset: int = 0
) -> Iterator[tuple[RowMapping, LedgerClaim]]:
    """Stream (row, claim) for every match, ordered by publication date, document, position.

    Server-side batches (a named cursor on PostgreSQL) and, per batch, one query for the
    figures and one for the carriers: memory stays flat however large the ledger is.
    """
    conds, _ = claim_conditions(flt, engine.dialect.name, _vocab(engine, flt))
    stmt = (
        claim_select()
        .where(*conds)
        .order_by(
            documents.c.published.is_(None), documents.c.published, claims.c.doc_id, claims.c.seq
        )
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(stmt)
        for part in result.mappings().partitions():
            yield from zip(part, to_claims(conn, part), strict=True)


def iter_claims(
    engine: Engine, flt: ClaimFilter | None = None, *, limit: int | None = None, offset: int = 0
) -> Iterator[LedgerClaim]:
    """Every claim matching `flt` (see `iter_claim_rows`)."""
    for _, claim in iter_claim_rows(engine, flt or ClaimFilter(), limit=limit, offset=offset):
        yield claim


def load_claims(engine: Engine, where: Sequence[ColumnElement[bool]] = ()) -> list[LedgerClaim]:
    """Every claim matching raw conditions (for derived views), in document order.

    Built for bulk: figures come from one joined scan instead of an IN list per page; carriers
    as everywhere else (`carriers_for`).
    """
    stmt = claim_select().where(*where).order_by(claims.c.doc_id, claims.c.seq)
    qty_stmt = (
        select(quantities)
        .join_from(quantities, claims, quantities.c.claim_id == claims.c.claim_id)
        .where(*where)
        .order_by(quantities.c.claim_id, quantities.c.idx)
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
        qty = group_quantities(conn.execute(qty_stmt).mappings())
        return to_claims(conn, rows, qty, _bulk_carriers(conn, rows))


def _bulk_carriers(conn: Connection, rows: Sequence[RowMapping]) -> dict[str, list[str]]:
    """`carriers_for` for many rows: one scan of the copy links instead of IN lists.

    Only claims that have copies need a lookup; the rest carry their own document.
    """
    copied = {
        root
        for (root,) in conn.execute(
            select(claims.c.copy_of).where(claims.c.copy_of.is_not(None)).distinct()
        )
    }
    linked = [r for r in rows if r["claim_id"] in copied or r["copy_of"] is not None]
    return carriers_for(conn, linked)
