"""Rows of each dashboard view, for the CSV and JSON downloads beside it.

Every view's download holds what the view lists, with the same filters and order, all pages
(up to MAX_ROWS). CSV cells that a spreadsheet would run as a formula (`= + - @`, tab, CR) are
neutralised with a leading apostrophe: text from a document never becomes a live formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from claimledger.ledger.read_models import (
    ClaimantFigures,
    ClaimantSummary,
    Conflict,
    DocumentSummary,
    FigurePoint,
    LedgerClaim,
    Track,
)

MAX_ROWS = 100_000
_FORMULA = ("=", "+", "-", "@", "\t", "\r")

CLAIM_COLUMNS = (
    "claim_id",
    "stated_on",
    "claimant",
    "claimant_type",
    "affiliation",
    "stance",
    "mode",
    "hedged",
    "cue",
    "content",
    "figures",
    "sentence",
    "outlet",
    "title",
    "published",
    "doc_id",
    "url",
    "carriers",
    "copy_of",
)
FIGURE_COLUMNS = (
    "track_id",
    "track",
    "claimant",
    "affiliation",
    "latest_figure",
    "value",
    "low",
    "high",
    "stated_on",
    "with_later_increments",
    "figures",
    "sentence",
    "outlet",
    "claim_id",
    "doc_id",
)
CONFLICT_COLUMNS = (
    "conflict_id",
    "kind",
    "explanation",
    "track_id",
    "claim_id",
    "claimant",
    "stated_on",
    "stance",
    "sentence",
    "outlet",
    "doc_id",
    "carriers",
)
CLAIMANT_COLUMNS = (
    "name",
    "claimant_type",
    "affiliation",
    "claims",
    "denials",
    "first_date",
    "last_date",
)
DOCUMENT_COLUMNS = (
    "doc_id",
    "published",
    "title",
    "outlet",
    "url",
    "doc_path",
    "format",
    "words",
    "claims",
    "original_doc_id",
)


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as written: text starting like a formula is quoted.

    Numbers stay numbers (a negative figure is not a formula); text starting with = + - @ (or a
    tab or carriage return, which some spreadsheets skip before reading a formula) gets a
    leading apostrophe.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = value.isoformat() if isinstance(value, date | datetime) else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def csv_chunks(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The CSV text (header first), a few hundred rows per chunk, for a streamed response."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for n, row in enumerate(rows, 1):
        writer.writerow([safe_cell(row.get(c)) for c in columns])
        if n % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def json_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A JSON array of the rows, streamed."""
    yield "["
    for n, row in enumerate(rows):
        yield ("," if n else "") + json.dumps(row, ensure_ascii=False, default=str)
    yield "]\n"


def _row(item: object, columns: Sequence[str], **given: object) -> dict[str, Any]:
    """A download row in column order: each column the item's attribute of that name, unless
    `given` holds its value."""
    return {name: given[name] if name in given else getattr(item, name) for name in columns}


def claim_row(c: LedgerClaim) -> dict[str, Any]:
    """What the claims table shows of a claim, and where it was said."""
    figures = "; ".join(q.text for q in c.quantities)
    return _row(c, CLAIM_COLUMNS, figures=figures, carriers=" ".join(c.carriers))


def _figure_row(t: Track, r: ClaimantFigures, p: FigurePoint, **counts: object) -> dict[str, Any]:
    """One figure of a track's claimant as a row of the figures table, `counts` after its date."""
    return {
        "track_id": t.track_id,
        "track": t.title,
        "claimant": r.claimant,
        "affiliation": r.affiliation,
        "latest_figure": p.text,
        "value": p.value,
        "low": p.low,
        "high": p.high,
        "stated_on": p.date,
        **counts,
        "sentence": p.sentence,
        "outlet": p.outlet,
        "claim_id": p.claim_id,
        "doc_id": p.doc_id,
    }


def figure_rows(tracks: Iterable[Track]) -> Iterator[dict[str, Any]]:
    """The "Per claimant" tables: one row per track and claimant, its latest figure."""
    for t in tracks:
        for r in t.claimants:
            yield _figure_row(t, r, r.latest, with_later_increments=r.implied, figures=r.n_points)


def track_point_rows(t: Track) -> Iterator[dict[str, Any]]:
    """Every figure of one track, per claimant, oldest first."""
    for r in t.claimants:
        for p in r.points:
            yield _figure_row(t, r, p, figures=p.kind or "")


def conflict_rows(conflicts: Iterable[Conflict]) -> Iterator[dict[str, Any]]:
    """One row per claim of each conflict, the conflict's facts repeated."""
    for k in conflicts:
        facts = {"conflict_id": k.conflict_id, "kind": k.kind, "explanation": k.explanation}
        for c in k.claims:
            carriers = " ".join(c.carriers)
            yield _row(c, CONFLICT_COLUMNS, track_id=k.track_id, carriers=carriers, **facts)


def claimant_row(c: ClaimantSummary) -> dict[str, Any]:
    return _row(c, CLAIMANT_COLUMNS, claims=c.n_claims, denials=c.n_denials)


def document_row(d: DocumentSummary) -> dict[str, Any]:
    original = d.origin_id if d.origin_id not in (None, d.doc_id) else None
    return _row(d, DOCUMENT_COLUMNS, words=d.n_words, claims=d.n_claims, original_doc_id=original)
