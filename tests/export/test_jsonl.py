"""JSONL export: exactly the CONTRACT.md record, in order, and it reads back into Claims."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from claimledger.export import FORMATS, export
from claimledger.ledger.store import Store
from claimledger.models import Claim, Document

CONTRACT = [
    "claim_id",
    "doc_id",
    "doc_path",
    "source_id",
    "url",
    "outlet",
    "title",
    "published",
    "sentence",
    "start",
    "end",
    "claimant",
    "claimant_mention",
    "claimant_type",
    "cue",
    "mode",
    "stance",
    "hedged",
    "stated_on",
    "content",
    "quantities",
    "carriers",
]
QUANTITY = ["text", "value", "low", "high", "unit", "counted", "event", "group", "kind"]


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_fields_are_the_contract_then_extensions(ledger: Store, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    assert export(ledger, "jsonl", out) == 6
    rows = read_jsonl(out)
    assert len(rows) == 6
    for row in rows:
        assert list(row)[: len(CONTRACT)] == CONTRACT
        assert list(row)[len(CONTRACT) :] == [
            "affiliation",
            "claimant_spans",
            "cue_spans",
            "content_spans",
            "rule",
            "relayed_by",
            "party",
        ]
        for q in row["quantities"]:  # type: ignore[attr-defined]
            assert list(q)[: len(QUANTITY)] == QUANTITY
            assert list(q)[len(QUANTITY) :] == ["approximate", "start", "end", "background"]


def test_jsonl_values(ledger: Store, tmp_path: Path, docs_by_id: dict[str, Document]) -> None:
    out = tmp_path / "claims.jsonl"
    export(ledger, "jsonl", out)
    rows = {r["claimant"]: r for r in read_jsonl(out)}
    union = rows["Dock Workers Union"]
    doc = docs_by_id[union["doc_id"]]  # type: ignore[index]
    assert union["doc_path"] == "docs/strike.md"
    assert union["source_id"] == "s-17"
    assert union["published"] is None and union["stated_on"] is None
    assert union["hedged"] is True and union["mode"] == "according_to"
    assert doc.text[union["start"] : union["end"]] == union["sentence"]  # type: ignore[misc]
    assert "\n" in union["sentence"]  # type: ignore[operator]
    assert union["quantities"] == [
        {
            "text": "more than\n600",
            "value": None,
            "low": 600.0,
            "high": None,
            "unit": None,
            "counted": "members",
            "event": "joined",
            "group": "dock workers",
            "kind": "cumulative",
            "approximate": False,
            "start": 0,
            "end": 0,
            "background": False,
        }
    ]
    officials = rows["officials"]
    assert officials["published"] == "2024-05-06" and officials["stated_on"] == "2024-05-06"
    assert officials["outlet"] == "Ravensford Courier" and officials["title"] == "Bridges shut"
    assert officials["quantities"][0]["approximate"] is True  # type: ignore[index]
    mayor = [r for r in read_jsonl(out) if r["claimant"] == "Ana Ruiz"]
    assert [m["carriers"] for m in mayor] == [[mayor[0]["doc_id"], mayor[1]["doc_id"]]] * 2
    assert mayor[1]["url"] == "https://wire.example/r1"


def test_jsonl_round_trips_to_claims(
    ledger: Store, tmp_path: Path, claims_by_id: dict[str, Claim]
) -> None:
    out = tmp_path / "claims.jsonl"
    export(ledger, "jsonl", out)
    back = [Claim.model_validate(r) for r in read_jsonl(out)]
    assert {c.claim_id: c for c in back} == claims_by_id


def test_jsonl_to_a_stream_with_filters(ledger: Store) -> None:
    buf = io.StringIO()
    assert export(ledger, "jsonl", buf, stance="deny") == 1
    (row,) = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert row["claimant"] == "Regional Water Board"


def test_jsonl_empty_ledger_writes_an_empty_file(store_path: Path) -> None:
    from claimledger.ledger.engine import open_store

    out = store_path.parent / "none.jsonl"
    with open_store(str(store_path)) as empty:
        assert export(empty, "jsonl", out) == 0
    assert out.read_text() == ""


def test_export_rejects_unknown_formats_and_text_parquet(ledger: Store) -> None:
    assert FORMATS == ("jsonl", "csv", "parquet", "claimreview", "wikitable", "markdown")
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export(ledger, "xml", io.StringIO())
    with pytest.raises(ValueError, match="parquet is binary"):
        export(ledger, "parquet", io.StringIO())


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "empty.db"
