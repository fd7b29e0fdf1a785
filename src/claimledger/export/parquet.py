"""Parquet: one row per claim, quantities as a nested list<struct>, written in row groups.

Columns follow the contract record; dates are date32, offsets int64, spans list<list<int64>>.
Rows are buffered `row_group` at a time, so memory stays flat on a large ledger.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from claimledger.export.record import FIELDS, QUANTITY_FIELDS
from claimledger.ledger.records import DocMeta
from claimledger.ledger.schema import doc_meta
from claimledger.models import Claim

# A figure's fields in the record's order (strings unless named here); `background` is not in
# the Parquet schema.
_QUANTITY_TYPES: dict[str, pa.DataType] = {
    "value": pa.float64(),
    "low": pa.float64(),
    "high": pa.float64(),
    "approximate": pa.bool_(),
    "start": pa.int64(),
    "end": pa.int64(),
}
QUANTITY_TYPE = pa.struct(
    [(n, _QUANTITY_TYPES.get(n, pa.string())) for n in QUANTITY_FIELDS if n != "background"]
)
SPANS_TYPE = pa.list_(pa.list_(pa.int64()))

_TYPES: dict[str, pa.DataType] = {
    "published": pa.date32(),
    "stated_on": pa.date32(),
    "start": pa.int64(),
    "end": pa.int64(),
    "hedged": pa.bool_(),
    "quantities": pa.list_(QUANTITY_TYPE),
    "carriers": pa.list_(pa.string()),
    "claimant_spans": SPANS_TYPE,
    "cue_spans": SPANS_TYPE,
    "content_spans": SPANS_TYPE,
}
SCHEMA = pa.schema([(name, _TYPES.get(name, pa.string())) for name in FIELDS])


def _row(claim: Claim, meta: DocMeta) -> dict[str, Any]:
    # Native dates and the model's own quantity fields; pyarrow converts them by the schema.
    return {
        **{name: getattr(claim, name) for name in FIELDS if hasattr(claim, name)},
        **doc_meta(meta),
        "quantities": [q.model_dump() for q in claim.quantities],
        "claimant_spans": [list(s) for s in claim.claimant_spans],
        "cue_spans": [list(s) for s in claim.cue_spans],
        "content_spans": [list(s) for s in claim.content_spans],
    }


def write_parquet(
    records: Iterable[tuple[Claim, DocMeta]], out: str | Path | BinaryIO, row_group: int = 10_000
) -> int:
    """Write the claims to a Parquet file (path or binary file); returns the number written."""
    n = 0
    buffer: list[dict[str, Any]] = []
    with pq.ParquetWriter(out, SCHEMA, compression="zstd") as writer:
        for claim, meta in records:
            buffer.append(_row(claim, meta))
            if len(buffer) >= row_group:
                writer.write_table(pa.Table.from_pylist(buffer, schema=SCHEMA))
                n += len(buffer)
                buffer = []
        if buffer or n == 0:
            writer.write_table(pa.Table.from_pylist(buffer, schema=SCHEMA))
            n += len(buffer)
    return n
