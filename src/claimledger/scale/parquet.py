"""Load the Parquet output of `claimledger ingest --engine ray --out DIR` into a ledger.

    >>> from claimledger.ledger.engine import open_store
    >>> report = load_parquet(open_store("claims.db"), Path("out/"))  # doctest: +SKIP

Extraction on a cluster can write Parquet (no database reachable from the cluster needed); this
brings the result into any ledger later, SQLite or PostgreSQL. Files are read in record batches
and written one transaction per batch, so memory stays flat, an interrupted load can simply be
run again, and loading the same folder twice adds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from claimledger.errors import BAD_ROW, UNREADABLE, InputError
from claimledger.models import Claim, Document
from claimledger.runner import ErrorHook, IngestReport
from claimledger.scale import rows
from claimledger.scale.rows import DOC, ERROR, KNOWN

if TYPE_CHECKING:
    from claimledger.ledger.store import Store


def parquet_files(folder: Path) -> list[Path]:
    """The Parquet files under `folder` (recursively), in a stable order."""
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith("."))


def load_parquet(
    store: Store,
    folder: Path,
    *,
    batch_size: int = 256,
    on_error: ErrorHook | None = None,
    reconcile: bool = True,
) -> IngestReport:
    """Write every document and claim found in the Parquet files under `folder` to `store`.

    Args:
        store: the ledger to load into.
        folder: a folder written by `ray_ingest(..., out=folder)` (or one of its files).
        batch_size: documents per read batch and per transaction.
        on_error: called with each input error recorded in the files (inputs the Ray run
            could not read); they are counted in the report, as in an ingest.
        reconcile: link copies across documents afterwards, as `Ledger.ingest` does.

    Returns:
        What the load did, counted as an ingest counts.

    Every row is verified before it is stored (see `verified_row`): a forged or damaged row is
    reported with its file and row number (CL113) and the good rows around it are stored; a file
    that is not Parquet is reported whole.

    Raises:
        FileNotFoundError: `folder` holds no Parquet files.
    """
    files = parquet_files(folder)
    if not files:
        raise FileNotFoundError(f"no Parquet files under {folder}")
    report = IngestReport()
    stale = store.links_may_be_stale()  # a cut-short earlier run: link its copies too
    run_id = store.start_ingest([str(folder)])

    def problem(error: InputError) -> None:
        report.errors.append(error)
        if on_error:
            on_error(error)

    try:
        for file in files:
            for pairs in _verified_batches(file, batch_size, report, problem):
                result = store.write_batch(pairs)
                report.documents_added += result.documents_added
                report.documents_skipped += result.documents_skipped
                report.claims_added += result.claims_added
    finally:
        store.finish_ingest(run_id, report.documents_added, report.claims_added, len(report.errors))
    if reconcile and (report.documents_added or stale):
        from claimledger.ledger.reconcile import link_copies

        link_copies(store)
    return report


Pair = tuple[Document, list[Claim]]
_T = TypeVar("_T")
# What Document.make_id gives: 16 lower-case hex digits.
_DOC_ID = re.compile(f"[0-9a-f]{{{len(Document.make_id(''))}}}")


def _verified_batches(
    file: Path,
    batch_size: int,
    report: IngestReport,
    problem: Callable[[InputError], None],
) -> Iterator[list[Pair]]:
    """The verified documents of one Parquet file, a batch at a time; problems reported."""
    import pyarrow.parquet as pq

    number = 0
    try:
        batches = pq.ParquetFile(file).iter_batches(
            columns=list(rows.COLUMNS), batch_size=batch_size
        )
        for record_batch in batches:
            pairs: list[Pair] = []
            for row in rows.iter_rows(record_batch.to_pydict()):
                number += 1
                try:
                    item = verified_row(row)
                except ValueError as exc:
                    problem(
                        InputError(str(file), f"row not loaded: {exc}", line=number, code=BAD_ROW)
                    )
                    continue
                if isinstance(item, InputError):
                    problem(item)
                    continue
                report.documents_read += 1
                if item is None:
                    report.documents_skipped += 1
                else:
                    pairs.append(item)
            if pairs:
                yield pairs
    except (OSError, ValueError, KeyError) as exc:  # not Parquet, or a column missing
        problem(
            InputError(
                str(file),
                f"cannot be read as claimledger Parquet after row {number} "
                f"({type(exc).__name__}: {exc})",
                code=UNREADABLE,
            )
        )


def verified_row(row: rows.Row) -> Pair | InputError | None:
    """A row checked as `load` stores it: a (document, claims) pair, the InputError an error
    row records, or None for a document the ledger already held when the row was written.

    Raises:
        ValueError: the row is not what `ingest --out` writes: an unknown kind, JSON that does
            not validate, a doc_id that is not the hash of the document's text (a forged id
            would hide the real article), claims of another document, text that cannot be
            stored (lone surrogates).
    """
    kind = row["kind"]
    if kind == ERROR:
        try:
            return rows.decode_error(row["error"])
        except (KeyError, TypeError) as exc:
            raise ValueError(f"error row without {exc}") from exc
    if kind == KNOWN:
        if not _DOC_ID.fullmatch(row["doc_id"]):
            raise ValueError(f"known row with a malformed doc_id {row['doc_id'][:40]!r}")
        return None
    if kind != DOC:
        raise ValueError(f"unknown kind {kind[:20]!r}")
    document = _decoded(rows.decode_document, row["document"], "document")
    claims = _decoded(rows.decode_claims, row["claims"], "claims")
    expected = Document.make_id(document.text)
    if document.doc_id != expected or row["doc_id"] != expected:
        raise ValueError(f"doc_id {row['doc_id'][:40]!r} is not the hash of its text ({expected})")
    for claim in claims:
        if claim.doc_id != expected:
            raise ValueError(f"claim {claim.claim_id[:40]!r} belongs to another document")
        if not (0 <= claim.start <= claim.end <= len(document.text)):
            raise ValueError(f"claim {claim.claim_id[:40]!r} lies outside the text")
    return document, claims


def _decoded(decode: Callable[[str], _T], raw: str, what: str) -> _T:
    try:
        return decode(raw)
    except ValueError as exc:  # pydantic's ValidationError too (lone surrogates included)
        first = str(exc).splitlines()[:2]
        raise ValueError(f"{what} is not valid ({' '.join(first)[:200]})") from exc
