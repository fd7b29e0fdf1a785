"""Load the Parquet output of `claimledger ingest --engine ray --out DIR` into a ledger.

    >>> from claimledger.ledger.engine import open_store
    >>> report = load_parquet(open_store("claims.db"), Path("out/"))  # doctest: +SKIP

Extraction on a cluster can write Parquet (no database reachable from the cluster needed); this
brings the result into any ledger later, SQLite or PostgreSQL. Files are read in record batches
and written one transaction per batch, so memory stays flat, an interrupted load can simply be
run again, and loading the same folder twice adds nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from claimledger.runner import ErrorHook, IngestReport
from claimledger.scale import rows

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

    Raises:
        FileNotFoundError: `folder` holds no Parquet files.
    """
    import pyarrow.dataset as pads

    files = parquet_files(folder)
    if not files:
        raise FileNotFoundError(f"no Parquet files under {folder}")
    report = IngestReport()
    stale = store.links_may_be_stale()  # a cut-short earlier run: link its copies too
    run_id = store.start_ingest([str(folder)])
    try:
        dataset = pads.dataset([str(f) for f in files], format="parquet")
        for record_batch in dataset.to_batches(columns=list(rows.COLUMNS), batch_size=batch_size):
            pairs = list(rows.tally(record_batch.to_pydict(), report, on_error, None))
            if pairs:
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
