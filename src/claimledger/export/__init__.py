"""Exports of the ledger: JSONL (the contract record), CSV, Parquet, schema.org ClaimReview, and
the "Per X" table of figures per side in MediaWiki (`wikitable`) or Markdown (`markdown`).

    >>> export(store, "jsonl", "claims.jsonl", claimant="ministry")  # doctest: +SKIP
    412

All formats read the same stream (`ledger.records.iter_records`), so they hold the same claims
in the same order. Written to a path, the file appears only when complete (written beside it,
then renamed), so a failed export never leaves half a file under the requested name.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from claimledger.export.claimreview import write_claimreview
from claimledger.export.csv import write_csv
from claimledger.export.jsonl import write_jsonl
from claimledger.export.markdown import write_markdown
from claimledger.export.parquet import write_parquet
from claimledger.export.per_side import side_table
from claimledger.export.wikitable import write_wikitable
from claimledger.ledger.records import DocMeta, iter_records
from claimledger.models import Claim

if TYPE_CHECKING:
    from claimledger.ledger.store import Store

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "claimreview", "wikitable", "markdown")
# Formats that write the per-side table of figures rather than one record per claim.
TABLE_FORMATS = frozenset({"wikitable", "markdown"})
# Suffixes that make `claimreview` write JSON Lines instead of one array.
LINE_SUFFIXES = frozenset({".jsonl", ".ndjson"})

__all__ = [
    "FORMATS",
    "TABLE_FORMATS",
    "export",
    "write_claimreview",
    "write_csv",
    "write_jsonl",
    "write_markdown",
    "write_parquet",
    "write_wikitable",
]


def _write(
    store: Store,
    fmt: str,
    records: Iterable[tuple[Claim, DocMeta]],
    out: Any,
    lines: bool,
    about: str | None = None,
) -> int:
    if fmt in TABLE_FORMATS:
        table = side_table(store, about)
        writer = write_wikitable if fmt == "wikitable" else write_markdown
        return writer(table, out, about)
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "csv":
        return write_csv(records, out)
    if fmt == "claimreview":
        return write_claimreview(store, records, out, lines=lines)
    return write_parquet(records, out)


def export(
    store: Store,
    fmt: str,
    out: str | Path | IO[Any],
    *,
    about: str | None = None,
    **filters: Any,
) -> int:
    """Write every claim matching `filters` (see `iter_claims`) to `out` in format `fmt`.

    Args:
        store: the ledger.
        fmt: one of FORMATS.
        out: a path, or an open file: text for jsonl/csv/claimreview/wikitable/markdown,
            binary for parquet.
        about: wikitable/markdown only: just the tracks about this (a state, a word, a
            claimant), as `claimledger figures --about`.
        **filters: claimant, doc_id, stance, mode, since, until, counted, event, limit, ...

    Returns:
        The number of claims written (for wikitable/markdown: figures in the table).

    Raises:
        ValueError: unknown format, or parquet asked for on a text stream.
        StoreError: the ledger cannot be read.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    records = iter_records(store, **filters)
    if not isinstance(out, (str, Path)):
        if fmt == "parquet" and isinstance(out, io.TextIOBase):
            raise ValueError(
                "parquet is binary: give a file path or a binary file, not a text stream"
            )
        return _write(store, fmt, records, out, lines=False, about=about)

    path = Path(out)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    lines = path.suffix.lower() in LINE_SUFFIXES
    try:
        if fmt == "parquet":
            n = write_parquet(records, tmp)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                n = _write(store, fmt, records, fh, lines, about)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return n
