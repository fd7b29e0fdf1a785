"""The "Per X" table as data: one row per track, one cell per side, every figure with its source.

Both the MediaWiki and the Markdown exports render this: the rows of
`reconcile.figures.figures_by_side` pivoted into columns (the sides at war, in order of how
many tracks they speak on, then "others"), each figure carrying the citation of the article it
was read from (url, title, outlet, publication date, and the day it was read into the ledger as
the access date).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from claimledger.ledger.records import DocMeta, iter_records
from claimledger.ledger.schema import documents
from claimledger.models import Claim
from claimledger.reconcile.figures import SideRow, figures_by_side
from claimledger.reconcile.sides import OTHERS
from claimledger.reconcile.tracks import build_tracks

if TYPE_CHECKING:
    from claimledger.ledger.store import Store

__all__ = ["Citation", "Figure", "SideTable", "build_side_table", "side_table"]


@dataclass(frozen=True)
class Citation:
    """Where a figure was read: the fields of {{cite news}}."""

    url: str | None
    title: str | None
    work: str | None
    published: date | None
    accessed: date | None


@dataclass(frozen=True)
class Figure:
    """One figure in a cell: the words as written, who said it, when, and the source."""

    text: str
    claimant: str
    stated_on: date | None
    share: bool
    citation: Citation


@dataclass
class SideTable:
    """Rows (track labels) by columns (sides), each cell the figures of that side."""

    sides: list[str] = field(default_factory=list)
    rows: list[tuple[str, dict[str, list[Figure]]]] = field(default_factory=list)

    def __len__(self) -> int:
        return sum(len(f) for _, cells in self.rows for f in cells.values())


def build_side_table(
    rows: Iterable[SideRow], citations: dict[str, Citation], *, limit: int | None = None
) -> SideTable:
    """Pivot side rows into a table; `citations` maps claim_id to its source."""
    table = SideTable()
    by_track: dict[str, tuple[str, dict[str, list[Figure]]]] = {}
    for r in rows:
        if r.track_id not in by_track:
            if limit is not None and len(by_track) >= limit:
                continue
            by_track[r.track_id] = (r.label, {})
        cite = citations.get(r.claim_id, Citation(None, None, None, None, None))
        figure = Figure(r.text, r.claimant, r.stated_on, r.share, cite)
        by_track[r.track_id][1].setdefault(r.side, []).append(figure)
        if r.side not in table.sides:
            table.sides.append(r.side)
    # Sides at war first in the order they came (most tracks first), "others" last.
    table.sides.sort(key=lambda s: s == OTHERS)
    table.rows = list(by_track.values())
    return table


def _citations(store: Store, claims: list[Claim], metas: dict[str, DocMeta]) -> dict[str, Citation]:
    with store.read() as conn:
        read_on = {
            doc_id: when.date() if when is not None else None
            for doc_id, when in conn.execute(select(documents.c.doc_id, documents.c.ingested_at))
        }
    out: dict[str, Citation] = {}
    for c in claims:
        m = metas[c.claim_id]
        out[c.claim_id] = Citation(m.url, m.title, m.outlet, m.published, read_on.get(m.doc_id))
    return out


def side_table(store: Store, about: str | None = None, *, limit: int | None = None) -> SideTable:
    """The "Per X" table of a ledger, optionally only tracks about `about` (see `figures`)."""
    # Originals only, as the figures view reads them: a syndicated copy is not a new source.
    pairs = list(iter_records(store, include_copies=False))
    claims = [c for c, _ in pairs]
    metas = {c.claim_id: m for c, m in pairs}
    rows = figures_by_side(build_tracks(claims), about)
    return build_side_table(rows, _citations(store, claims, metas), limit=limit)
