"""`claimledger load` verifies every Parquet row: forged ids and damaged rows are reported by
row number, the good rows are stored, and a forged row never hides the real article."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from robust_helpers import cli, export_lines, ingest, write_article

from claimledger.errors import BAD_ROW, UNREADABLE, InputError
from claimledger.extract.pipeline import extract_many
from claimledger.ingest import read_inputs
from claimledger.ledger.engine import open_store
from claimledger.models import Claim, Document
from claimledger.scale import rows
from claimledger.scale.parquet import load_parquet


def _write(path: Path, table_rows: list[dict[str, str]]) -> None:
    columns = {c: [r[c] for r in table_rows] for c in rows.COLUMNS}
    pq.write_table(pa.table(columns), path)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Document, list[Claim]]]:
    folder = tmp_path_factory.mktemp("articles")
    paths = [write_article(folder, 700 + i) for i in range(4)]
    documents = [d for d in read_inputs([str(p) for p in paths]) if isinstance(d, Document)]
    return list(extract_many(documents))


def test_bad_rows_are_reported_by_number_and_good_rows_stored(
    extracted: list[tuple[Document, list[Claim]]],
    tmp_path: Path,
) -> None:
    (a, a_claims), (b, b_claims), (c, _c_claims), (d, d_claims) = extracted
    forged = a.model_copy(update={"doc_id": c.doc_id, "text": a.text})  # hides c's article
    wrong_claims = [x.model_copy(update={"doc_id": d.doc_id}) for x in b_claims]
    table = [
        rows.doc_row(a, a_claims),  # 1 good
        rows.doc_row(forged, a_claims) | {"doc_id": c.doc_id},  # 2 forged id
        {**rows.doc_row(b, b_claims), "document": '{"doc_id": "x"'},  # 3 cut JSON
        {**rows.doc_row(b, b_claims), "claims": json.dumps([{"claim_id": 1}])},  # 4 bad claims
        rows.doc_row(b, wrong_claims),  # 5 claims of another document
        {**rows.doc_row(d, d_claims), "kind": "dco"},  # 6 unknown kind
        {**rows.error_row(InputError("in/x.txt", "empty file", code="CL101")), "error": "{}"},  # 7
        rows.doc_row(b, b_claims),  # 8 good
        {
            **rows.doc_row(d, d_claims),
            "document": rows.doc_row(d)["document"].replace(
                d.text[:10], "\\ud800" + d.text[10:20], 1
            ),
        },  # 9 lone surrogate in JSON
    ]
    out = tmp_path / "out"
    out.mkdir()
    _write(out / "part-0.parquet", table)
    (out / "part-1.parquet").write_bytes(b"PAR1 this is not parquet")
    with open_store(str(tmp_path / "loaded.db")) as store:
        report = load_parquet(store, out)
        stored = store.known_doc_ids([a.doc_id, b.doc_id, c.doc_id, d.doc_id])
    assert stored == {a.doc_id, b.doc_id}
    bad = [(e.line, e.code) for e in report.errors if e.code == BAD_ROW]
    assert bad == [(n, BAD_ROW) for n in (2, 3, 4, 5, 6, 7, 9)]
    assert all(str(out / "part-0.parquet") in str(e) for e in report.errors if e.code == BAD_ROW)
    forged_error = next(e for e in report.errors if e.line == 2)
    assert "not the hash of its text" in forged_error.message
    (unreadable,) = [e for e in report.errors if e.code == UNREADABLE]
    assert "part-1.parquet" in unreadable.path
    assert report.documents_added == 2 and report.claims_added == len(a_claims) + len(b_claims)


def test_forged_row_does_not_hide_the_real_article(
    extracted: list[tuple[Document, list[Claim]]],
    tmp_path: Path,
) -> None:
    (a, _a_claims), _, (c, _c), _ = extracted
    forged = a.model_copy(update={"doc_id": c.doc_id})
    out = tmp_path / "out"
    out.mkdir()
    _write(out / "part-0.parquet", [rows.doc_row(forged, []) | {"doc_id": c.doc_id}])
    db = tmp_path / "ledger.db"
    done = cli("load", str(out), "--db", str(db))
    assert done.returncode == 1 and "Traceback" not in done.stderr  # nothing could be loaded
    assert f"{out / 'part-0.parquet'}:1" in done.stderr and "CL113" in done.stderr
    folder = tmp_path / "articles"
    folder.mkdir()
    report = ingest(db, write_article(folder, 702))  # c's article, read for real
    assert report.documents_added == 1
    assert {json.loads(line)["doc_id"] for line in export_lines(db)} == {c.doc_id}
