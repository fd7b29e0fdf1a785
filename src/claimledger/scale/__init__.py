"""Large corpora: ingest on a Ray cluster (`ray_ingest`), load its Parquet output (`load_parquet`).

Both reuse the local reader, the pure core and `Store.write_batch`, so a ledger built here is the
ledger `claimledger ingest` builds on one machine. Ray is imported only when a run starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimledger.scale.parquet import load_parquet
    from claimledger.scale.ray_runner import ray_ingest

__all__ = ["load_parquet", "ray_ingest"]


def __getattr__(name: str) -> Any:
    # Lazy: importing claimledger.scale must not pull in spaCy or Ray.
    if name == "ray_ingest":
        from claimledger.scale.ray_runner import ray_ingest

        return ray_ingest
    if name == "load_parquet":
        from claimledger.scale.parquet import load_parquet

        return load_parquet
    raise AttributeError(name)
