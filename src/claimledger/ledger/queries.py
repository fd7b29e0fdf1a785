"""Read-side queries for the web dashboard and JSON API: the only SQL the web layer runs.

Every filter is a bound parameter; sort columns come from a fixed whitelist, never from input.
Functions take a SQLAlchemy `Engine` and return the records of `read_models` (re-exported
here), so routes stay thin.
Figures and conflicts (`ledger/views.py`) reuse `load_claims` from here.
"""

from __future__ import annotations

import json
import re
import threading
import weakref
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from sqlalchemy import ColumnElement, Engine, Select, func, literal_column, or_, select
from sqlalchemy.engine import Connection, RowMapping

from claimledger.ledger.read_models import (
    ClaimantPage,
    ClaimantSummary,
    ClaimFilter,
    ClaimPage,
    DocumentDetail,
    DocumentPage,
    DocumentSummary,
    IngestRun,
    LedgerClaim,
    Overview,
)
from claimledger.ledger.schema import claimants, claims, documents, ingests, quantities
from claimledger.models import Quantity
from claimledger.reconcile.tracks import fold_word

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
    "Overview",
]

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

    Read with a regex, not the JSON parser: bulk loads (figures, conflicts) parse three span
    lists per claim, and this is several times faster.
    """
    if not raw or raw == "[]":
        return []
    nums = [int(n) for n in _INT.findall(raw)]
    return list(zip(nums[::2], nums[1::2], strict=True))


def _word_in(col: ColumnElement[Any], wanted: str, words: Sequence[str]) -> ColumnElement[bool]:
    """`col` holds a stored word folding to the same as `wanted` (troops -> soldiers)."""
    target = fold_word(wanted)
    forms = sorted({w for w in words if fold_word(w) == target} | {wanted})
    return col.in_(forms)


def _where(
    f: ClaimFilter, dialect: str, words: Sequence[str] = (), *, probe: bool = False
) -> tuple[list[ColumnElement[bool]], bool]:
    """Conditions for a filter, and whether they need the documents table joined.

    `words` are the counted nouns and event words stored in the ledger (`figure_words`): a
    filter on "soldiers" matches every form that folds to it, as the figure tracks do. With
    `probe`, the figure filter is written so that no index on claim_id can serve it: the query
    then walks its ORDER BY index and tests each row (see `_walk_in_order`).
    """
    conds: list[ColumnElement[bool]] = []
    needs_docs = False
    if not f.copies:
        # Nearly every claim is an original; on SQLite, without statistics, a bare
        # `copy_of IS NULL` would make ix_claims_copy_of drive the query (and sort 100,000 rows).
        # Written as an expression, it is only checked on rows another condition found.
        own = claims.c.copy_of.concat("") if dialect == "sqlite" else claims.c.copy_of
        conds.append(own.is_(None))
    if f.claimant:
        conds.append(claims.c.claimant == f.claimant)
    if f.stance:
        conds.append(claims.c.stance == f.stance)
    if f.mode:
        conds.append(claims.c.mode == f.mode)
    if f.doc_id:
        conds.append(claims.c.doc_id == f.doc_id)
    if f.since:
        conds.append(claims.c.stated_on >= f.since)
    if f.until:
        conds.append(claims.c.stated_on <= f.until)
    if f.counted or f.event:
        # An uncorrelated IN: computed once. A correlated EXISTS lets SQLite probe the
        # (counted, event) index once per claim, which is quadratic on a large ledger.
        q_conds = []
        if f.counted:
            q_conds.append(_word_in(quantities.c.counted, f.counted, words))
        if f.event:
            q_conds.append(_word_in(quantities.c.event, f.event, words))
        ids = select(quantities.c.claim_id).where(*q_conds)
        # `claim_id || ''` is the same value, but no index lookup can answer it.
        subject = claims.c.claim_id.concat("") if probe else claims.c.claim_id
        conds.append(subject.in_(ids))
    if f.outlet:
        conds.append(documents.c.outlet == f.outlet)
        needs_docs = True
    if f.q and f.q.strip():
        # SQLite's LIKE is already case-insensitive for ASCII; elsewhere ask for ILIKE.
        for word in f.q.split()[:8]:
            if dialect == "sqlite":
                conds.append(
                    or_(
                        claims.c.sentence.contains(word, autoescape=True),
                        claims.c.claimant.contains(word, autoescape=True),
                    )
                )
            else:
                conds.append(
                    or_(
                        claims.c.sentence.icontains(word, autoescape=True),
                        claims.c.claimant.icontains(word, autoescape=True),
                    )
                )
    return conds, needs_docs


def _claim_select() -> Select[Any]:
    return select(
        claims,
        documents.c.doc_path,
        documents.c.source_id,
        documents.c.url,
        documents.c.outlet,
        documents.c.title,
        documents.c.published,
    ).join_from(claims, documents, claims.c.doc_id == documents.c.doc_id)


def _quantities_for(conn: Connection, claim_ids: Sequence[str]) -> dict[str, list[Quantity]]:
    if not claim_ids:
        return {}
    return _group_quantities(
        conn.execute(
            select(quantities)
            .where(quantities.c.claim_id.in_(list(claim_ids)))
            .order_by(quantities.c.claim_id, quantities.c.idx)
        ).mappings()
    )


def _group_quantities(rows: Iterable[RowMapping]) -> dict[str, list[Quantity]]:
    out: dict[str, list[Quantity]] = defaultdict(list)
    for r in rows:
        # Rows the store wrote from validated models: construct without validating again.
        out[r["claim_id"]].append(
            Quantity.model_construct(
                text=r["text"],
                value=r["value"],
                low=r["low"],
                high=r["high"],
                unit=r["unit"],
                counted=r["counted"],
                event=r["event"],
                group=r["grp"],
                kind=r["kind"],
                approximate=bool(r["approximate"]),
                start=r["start"],
                end=r["end"],
            )
        )
    return out


def _carriers_for(conn: Connection, rows: Sequence[RowMapping]) -> dict[str, list[str]]:
    """Documents carrying each claim: its own plus every copy linked through `copy_of`."""
    roots = {r["claim_id"]: r["copy_of"] or r["claim_id"] for r in rows}
    if not roots:
        return {}
    root_ids = sorted(set(roots.values()))
    linked = conn.execute(
        select(claims.c.claim_id, claims.c.copy_of, claims.c.doc_id).where(
            or_(claims.c.claim_id.in_(root_ids), claims.c.copy_of.in_(root_ids))
        )
    ).all()
    by_root: dict[str, set[str]] = defaultdict(set)
    for claim_id, copy_of, doc_id in linked:
        by_root[copy_of or claim_id].add(doc_id)
    return {cid: sorted(by_root.get(root, set())) for cid, root in roots.items()}


def _to_claims(
    conn: Connection,
    rows: Sequence[RowMapping],
    qty: dict[str, list[Quantity]] | None = None,
    carriers: dict[str, list[str]] | None = None,
) -> list[LedgerClaim]:
    if qty is None:
        qty = _quantities_for(conn, [r["claim_id"] for r in rows])
    if carriers is None:
        carriers = _carriers_for(conn, rows)
    out = []
    for r in rows:
        out.append(
            LedgerClaim.model_construct(
                claim_id=r["claim_id"],
                doc_id=r["doc_id"],
                sentence=r["sentence"],
                start=r["start"],
                end=r["end"],
                claimant=r["claimant"],
                claimant_mention=r["claimant_mention"],
                claimant_type=r["claimant_type"],
                affiliation=r["affiliation"],
                cue=r["cue"],
                mode=r["mode"],
                stance=r["stance"],
                hedged=bool(r["hedged"]),
                stated_on=r["stated_on"],
                content=r["content"],
                quantities=qty.get(r["claim_id"], []),
                carriers=carriers.get(r["claim_id"], [r["doc_id"]]) or [r["doc_id"]],
                claimant_spans=_spans(r["claimant_spans"]),
                cue_spans=_spans(r["cue_spans"]),
                content_spans=_spans(r["content_spans"]),
                doc_path=r["doc_path"],
                source_id=r["source_id"],
                url=r["url"],
                outlet=r["outlet"],
                title=r["title"],
                published=r["published"],
                copy_of=r["copy_of"],
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
    words = figure_words(engine) if flt.counted or flt.event else []
    conds, needs_docs = _where(flt, dialect, words)
    key = _key(dialect)
    cols = [*_SORT_COLUMNS[sort], key]
    ordering = [c.desc() if order == "desc" else c.asc() for c in cols]
    with engine.connect() as conn:
        total = _count(conn, flt, conds, needs_docs)
        page_conds = conds
        if _walk_in_order(conn, flt, total, offset + limit):
            page_conds, _ = _where(flt, dialect, words, probe=True)
        page = select(key).select_from(claims)
        if needs_docs or sort in _DOC_SORTS:
            page = page.join(documents, claims.c.doc_id == documents.c.doc_id)
        page = page.where(*page_conds).order_by(*ordering).limit(limit).offset(offset)
        keys = list(conn.execute(page).scalars())
        rows_by_key = (
            {
                r["_key"]: r
                for r in conn.execute(
                    _claim_select().add_columns(key.label("_key")).where(key.in_(keys))
                ).mappings()
            }
            if keys
            else {}
        )
        rows = [rows_by_key[k] for k in keys if k in rows_by_key]
        return ClaimPage(total=total, items=_to_claims(conn, rows))


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
    everything = _count(conn, ClaimFilter(copies=True), [], False)  # all rows: no conditions
    return needed * everything / matches <= _WALK_LIMIT


# Totals per engine and (ledger version, filter): paging through one result set counts it once.
_count_lock = threading.Lock()
_counts: weakref.WeakKeyDictionary[Engine, OrderedDict[tuple[Any, ...], int]] = (
    weakref.WeakKeyDictionary()
)
_MAX_COUNTS = 512


def _count(
    conn: Connection, flt: ClaimFilter, conds: list[ColumnElement[bool]], needs_docs: bool
) -> int:
    """How many claims match; remembered until the ledger changes."""
    engine = conn.engine
    cache_key = (data_version(engine), flt.model_dump_json())
    with _count_lock:
        known = _counts.setdefault(engine, OrderedDict())
        if cache_key in known:
            known.move_to_end(cache_key)
            return known[cache_key]
    stmt = select(func.count()).select_from(claims)
    if needs_docs:
        stmt = stmt.join(documents, claims.c.doc_id == documents.c.doc_id)
    total = int(conn.execute(stmt.where(*conds)).scalar_one())
    with _count_lock:
        known[cache_key] = total
        while len(known) > _MAX_COUNTS:
            known.popitem(last=False)
    return total


def get_claim(engine: Engine, claim_id: str) -> LedgerClaim | None:
    """One claim by id, or None."""
    with engine.connect() as conn:
        rows = conn.execute(_claim_select().where(claims.c.claim_id == claim_id)).mappings().all()
        found = _to_claims(conn, rows)
    return found[0] if found else None


def load_claims(engine: Engine, where: Sequence[ColumnElement[bool]] = ()) -> list[LedgerClaim]:
    """Every claim matching raw conditions (for reconcile views), in document order.

    Built for bulk: figures come from one joined scan instead of an IN list per page, and
    `carriers` holds only the claim's own document (reconcile works on merged originals).
    """
    stmt = _claim_select().where(*where).order_by(claims.c.doc_id, claims.c.seq)
    qty_stmt = (
        select(quantities)
        .join_from(quantities, claims, quantities.c.claim_id == claims.c.claim_id)
        .where(*where)
        .order_by(quantities.c.claim_id, quantities.c.idx)
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
        qty = _group_quantities(conn.execute(qty_stmt).mappings())
        own = {r["claim_id"]: [r["doc_id"]] for r in rows}
        return _to_claims(conn, rows, qty, own)


def _doc_summary(r: RowMapping, n_claims: int = 0) -> DocumentSummary:
    return DocumentSummary(
        doc_id=r["doc_id"],
        doc_path=r["doc_path"],
        source_id=r["source_id"],
        url=r["url"],
        outlet=r["outlet"],
        title=r["title"],
        published=r["published"],
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
        conds.append(documents.c.outlet == outlet)
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
            conn.execute(_claim_select().where(claims.c.doc_id == doc_id).order_by(claims.c.seq))
            .mappings()
            .all()
        )
        doc_claims = _to_claims(conn, rows)
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


_words: weakref.WeakKeyDictionary[Engine, tuple[Any, list[str]]] = weakref.WeakKeyDictionary()


def figure_words(engine: Engine) -> list[str]:
    """Every distinct counted noun and event word in the ledger (index reads; per version)."""
    version = data_version(engine)
    with _count_lock:
        known = _words.get(engine)
    if known is not None and known[0] == version:
        return known[1]
    with engine.connect() as conn:
        found = set(conn.execute(select(quantities.c.counted).distinct()).scalars())
        found |= set(conn.execute(select(quantities.c.event).distinct()).scalars())
    words = sorted(w for w in found if w)
    with _count_lock:
        _words[engine] = (version, words)
    return words


_probe_lock = threading.Lock()
# Per engine (weakly: an engine and its probe go together); never keyed by id(), which recurs.
_probes: weakref.WeakKeyDictionary[Engine, tuple[threading.Lock, Any]] = weakref.WeakKeyDictionary()


def _sqlite_probe(engine: Engine) -> tuple[threading.Lock, Any] | None:
    """A connection kept aside for `PRAGMA data_version` (None for in-memory ledgers).

    The pragma changes whenever another connection commits, so it must be asked on one
    connection that never writes; it is a header read, far cheaper than counting rows.
    """
    database = engine.url.database or ":memory:"
    if engine.dialect.name != "sqlite" or "memory" in database:
        return None
    with _probe_lock:
        if engine not in _probes:
            _probes[engine] = (threading.Lock(), engine.raw_connection())
        return _probes[engine]


def data_version(engine: Engine) -> tuple[Any, ...]:
    """A cheap fingerprint that changes whenever the ledger is written (for caching views)."""
    probe = _sqlite_probe(engine)
    if probe is not None:
        lock, raw = probe
        with lock:
            cur = raw.driver_connection.execute("PRAGMA data_version")
            return ("v", int(cur.fetchone()[0]))
    with engine.connect() as conn:
        n_claims = conn.execute(select(func.count()).select_from(claims)).scalar_one()
        n_copies = conn.execute(
            select(func.count()).select_from(claims).where(claims.c.copy_of.is_not(None))
        ).scalar_one()
        n_docs = conn.execute(select(func.count()).select_from(documents)).scalar_one()
        last = conn.execute(select(func.max(documents.c.ingested_at))).scalar_one()
    return int(n_claims or 0), int(n_copies or 0), int(n_docs or 0), str(last)


def open_reader(db: str | None) -> Engine:
    """The engine the web reads through: the store's own (same URL rules, schema, WAL)."""
    from claimledger.ledger.engine import open_store

    engine: Engine = open_store(db).engine
    return engine
