"""Parquet export: typed columns and a nested list<struct> of quantities, read back by pyarrow."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from claimledger.export import export
from claimledger.ledger.engine import open_store
from claimledger.ledger.store import Store
from claimledger.models import Claim


def test_parquet_schema_and_values(
    ledger: Store, tmp_path: Path, claims_by_id: dict[str, Claim]
) -> None:
    out = tmp_path / "claims.parquet"
    assert export(ledger, "parquet", out) == 6
    table = pq.read_table(out)
    schema = table.schema
    assert schema.field("published").type == pa.date32()
    assert schema.field("hedged").type == pa.bool_()
    q_type = schema.field("quantities").type
    assert pa.types.is_list(q_type) and pa.types.is_struct(q_type.value_type)
    assert [f.name for f in q_type.value_type][:9] == [
        "text",
        "value",
        "low",
        "high",
        "unit",
        "counted",
        "event",
        "group",
        "kind",
    ]
    rows = table.to_pylist()
    assert len(rows) == 6
    for row in rows:
        claim = claims_by_id[row["claim_id"]]
        back = Claim.model_validate(row)  # extra document columns are ignored
        assert back == claim
    first = rows[0]
    assert first["published"] == date(2024, 5, 6)
    assert first["quantities"][0]["value"] == 14.0
    assert first["quantities"][0]["counted"] == "people"


def test_parquet_empty_ledger_has_schema_and_no_rows(tmp_path: Path) -> None:
    out = tmp_path / "none.parquet"
    with open_store(str(tmp_path / "empty.db")) as empty:
        assert export(empty, "parquet", out) == 0
    table = pq.read_table(out)
    assert table.num_rows == 0
    assert "quantities" in table.column_names
