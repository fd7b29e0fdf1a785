"""CSV export: one quoted row per claim; quantities as JSON plus a `values` column."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from claimledger.export import export
from claimledger.ledger.store import Store
from claimledger.models import Claim


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_rows_fields_and_values(
    ledger: Store, tmp_path: Path, claims_by_id: dict[str, Claim]
) -> None:
    out = tmp_path / "claims.csv"
    assert export(ledger, "csv", out) == 6
    rows = read_csv(out)
    assert len(rows) == 6  # the line break inside one sentence did not split its row
    header = list(rows[0])
    assert header[:8] == [
        "claim_id",
        "doc_id",
        "doc_path",
        "source_id",
        "url",
        "outlet",
        "title",
        "published",
    ]
    assert header[header.index("carriers") + 1] == "values"
    for row in rows:
        claim = claims_by_id[row["claim_id"]]
        assert row["sentence"] == claim.sentence
        assert int(row["start"]) == claim.start and int(row["end"]) == claim.end
        assert row["hedged"] == ("true" if claim.hedged else "false")
        assert row["stated_on"] == (claim.stated_on.isoformat() if claim.stated_on else "")
        assert row["carriers"].split(";") == claim.carriers
        quantities = json.loads(row["quantities"])
        assert [q["text"] for q in quantities] == [q.text for q in claim.quantities]
    by_name = {r["claimant"]: r for r in rows}
    assert by_name["Dock Workers Union"]["values"] == ">=600"
    assert by_name["officials"]["values"] == "2e+06"
    assert by_name["Regional Water Board"]["values"] == ""
    assert by_name["Regional Water Board"]["claimant_mention"] == "The regional water board"
    assert by_name["Dock Workers Union"]["url"] == ""  # missing is empty
    assert json.loads(by_name["officials"]["content_spans"]) == [
        list(s) for s in claims_by_id[by_name["officials"]["claim_id"]].content_spans
    ]
