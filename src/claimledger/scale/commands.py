"""What `claimledger ingest --engine ray` and `claimledger load` call: open, run, close.

The CLI stays thin: it parses options and calls one of these, which open the ledger at `db`
(a path or URL, as everywhere) and hand over to `ray_ingest` or `load_parquet`.

Typer options for the CLI (``ingest`` gains three, ``load`` is new)::

    --engine [local|ray]   where extraction runs (default local)
    --address TEXT         Ray cluster address (ray://head:10001 or auto); default: local Ray
    --out DIR              with --engine ray: write Parquet to DIR instead of the ledger
    claimledger load DIR [--db DB]   load Parquet written by --out into a ledger
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from claimledger.ledger.engine import open_store
from claimledger.runner import ErrorHook, IngestReport, ProgressHook

ENGINES = ("local", "ray")


def ingest_on_ray(
    db: str | None,
    paths: Sequence[str],
    *,
    address: str | None = None,
    workers: int = 2,
    out: Path | None = None,
    default_date: date | None = None,
    on_error: ErrorHook | None = None,
    on_document: ProgressHook | None = None,
) -> IngestReport:
    """`claimledger ingest --engine ray`: into the ledger at `db`, or to Parquet under `out`.

    With `out`, the ledger is not opened at all (the cluster may not reach it); load the
    folder later with `load_into`.

    Example: claimledger ingest corpus/ --engine ray --workers 16 --address auto --db postgresql://…
    """
    from claimledger.scale.ray_runner import ray_ingest

    if out is not None:
        return ray_ingest(
            None,
            paths,
            address=address,
            workers=workers,
            out=out,
            default_date=default_date,
            on_error=on_error,
        )
    with open_store(db) as store:
        return ray_ingest(
            store,
            paths,
            address=address,
            workers=workers,
            default_date=default_date,
            on_error=on_error,
            on_document=on_document,
        )


def load_into(db: str | None, folder: Path, *, on_error: ErrorHook | None = None) -> IngestReport:
    """`claimledger load DIR`: bring Parquet written by `--engine ray --out DIR` into a ledger.

    Example: claimledger load out/ --db postgresql://me@db/claims
    """
    from claimledger.scale.parquet import load_parquet

    with open_store(db) as store:
        return load_parquet(store, folder, on_error=on_error)
