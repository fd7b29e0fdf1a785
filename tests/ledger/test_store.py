"""Store.write_batch and friends: one transaction per batch, idempotent, checked on reopen."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from ledger_samples import FLOOD, make_claim, make_doc, sample_batch

from claimledger.errors import StoreError
from claimledger.ledger.engine import open_store
from claimledger.ledger.store import Store, WriteResult
from claimledger.models import Claim, Document


def counts(db_path: Path) -> dict[str, int]:
    """Row counts read through a separate, plain sqlite3 connection (a real reopen)."""
    with sqlite3.connect(db_path) as raw:
        return {
            t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "claims", "quantities", "claimants")
        }


def test_store_write_batch_stores_every_row(
    store: Store, batch: list[tuple[Document, list[Claim]]], db_path: Path
) -> None:
    result = store.write_batch(batch)
    store.close()
    assert result == WriteResult(documents_added=3, claims_added=6, documents_skipped=0)
    assert counts(db_path) == {"documents": 3, "claims": 6, "quantities": 4, "claimants": 5}
    with sqlite3.connect(db_path) as raw:
        doc = raw.execute(
            "SELECT doc_path, outlet, title, published, format, n_words, text FROM documents "
            "WHERE doc_path = 'news/flood.txt'"
        ).fetchone()
        q = raw.execute(
            "SELECT text, value, low, counted, event, grp, kind, approximate FROM quantities "
            "WHERE text LIKE 'more than%'"
        ).fetchone()
        seqs = raw.execute("SELECT seq FROM claims ORDER BY doc_id, seq").fetchall()
    assert doc == (
        "news/flood.txt",
        "Ravensford Courier",
        "Bridges shut",
        "2024-05-06",
        "txt",
        len(FLOOD.split()),
        FLOOD,
    )
    assert q == (
        "more than\n600",
        None,
        600.0,
        "members",
        "joined",
        "dock workers",
        "cumulative",
        0,
    )
    assert sorted(s for (s,) in seqs) == [0, 0, 0, 1, 1, 2]


def test_store_write_batch_is_idempotent(
    store: Store, batch: list[tuple[Document, list[Claim]]], db_path: Path
) -> None:
    store.write_batch(batch)
    before = counts(db_path)
    again = store.write_batch(sample_batch())
    assert again == WriteResult(documents_added=0, claims_added=0, documents_skipped=3)
    store.close()
    # A brand-new store on the same file sees the same and adds nothing either.
    with open_store(str(db_path)) as reopened:
        assert reopened.write_batch(sample_batch()).documents_added == 0
    assert counts(db_path) == before


def test_store_write_batch_skips_repeats_within_a_batch(store: Store, db_path: Path) -> None:
    flood, claims = sample_batch()[0]
    twice = [*claims, claims[0]]  # the extractor emitting the same claim twice
    result = store.write_batch([(flood, twice), (flood, claims)])
    assert result == WriteResult(documents_added=1, claims_added=3, documents_skipped=1)
    assert counts(db_path)["claims"] == 3


def test_store_write_batch_rejects_claim_of_another_document(store: Store, db_path: Path) -> None:
    (flood, _), (_, copy_claims), _ = sample_batch()
    with pytest.raises(ValueError, match="belongs to document"):
        store.write_batch([(flood, copy_claims)])
    assert counts(db_path)["documents"] == 0


def test_store_failed_batch_leaves_nothing(store: Store, db_path: Path) -> None:
    items = sample_batch()
    # The third document's second claim is broken (no sentence), so its INSERT fails after the
    # documents, and the first claims of the batch, have been sent to the database.
    broken = items[2][1][1].model_copy(update={"sentence": None})
    items[2] = (items[2][0], [items[2][1][0], broken])
    with pytest.raises(StoreError, match="constraint"):
        store.write_batch(items)
    store.close()
    assert counts(db_path) == {"documents": 0, "claims": 0, "quantities": 0, "claimants": 0}
    # The store still works after the failure.
    with open_store(str(db_path)) as again:
        assert again.write_batch(sample_batch()[:1]).claims_added == 3


def test_store_full_disk_raises_store_error_and_keeps_earlier_batches(
    store: Store, db_path: Path
) -> None:
    from sqlalchemy import event

    store.write_batch(sample_batch()[:1])
    before = counts(db_path)
    pages = sqlite3.connect(db_path).execute("PRAGMA page_count").fetchone()[0]

    def cap(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # SQLite's own "database or disk is full" error, at the current size plus two pages.
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    store.engine.dispose()
    event.listen(store.engine, "connect", cap)
    big = make_doc("Harbour note. " + "The pier was repaired by volunteers. " * 400, "big.txt")
    claims = [
        make_claim(
            big, "Harbour note.", "Harbour note", f"Volunteer {i}", stance="assert"
        ).model_copy(update={"claim_id": f"big{i:04d}", "content": "x" * 500})
        for i in range(40)
    ]
    with pytest.raises(StoreError, match="disk is full"):
        store.write_batch([(big, claims)])
    store.close()
    assert counts(db_path) == before


def test_store_claimants_are_merged_across_batches(store: Store, db_path: Path) -> None:
    flood, claims = sample_batch()[0]
    plain = claims[0].model_copy(
        update={"claimant_type": "unknown", "affiliation": None, "claimant_mention": "she"}
    )
    store.write_batch([(flood, [plain])])
    copy, copy_claims = sample_batch()[1]
    store.write_batch([(copy, copy_claims)])  # person, mention "The mayor"
    other = make_doc("Ana Ruiz spoke again on Friday. She said the bridges would reopen.", "n.txt")
    late = make_claim(
        other,
        "She said the bridges would reopen.",
        "the bridges would reopen",
        "Ana Ruiz",
        cue="said",
        mention="She",
        affiliation="Ravensford",
    )
    store.write_batch([(other, [late])])
    store.close()
    with sqlite3.connect(db_path) as raw:
        row = raw.execute(
            "SELECT claimant_type, affiliation, aliases FROM claimants WHERE name = 'Ana Ruiz'"
        ).fetchone()
    assert row[0] == "person"  # a known type replaces "unknown"; "unknown" never overwrites it
    assert row[1] == "Ravensford"
    assert json.loads(row[2]) == ["She", "The mayor", "she"]


def test_store_known_doc_ids_checks_in_chunks(
    store: Store, batch: list[tuple[Document, list[Claim]]]
) -> None:
    store.write_batch(batch)
    ids = [d.doc_id for d, _ in batch]
    asked = [f"missing{i}" for i in range(1200)] + ids
    assert store.known_doc_ids(iter(asked)) == set(ids)
    assert store.known_doc_ids([]) == set()
    assert store.has_document(ids[0])
    assert not store.has_document("missing7")


def test_store_records_ingest_runs(store: Store, db_path: Path) -> None:
    run = store.start_ingest(["feeds/a.jsonl", "pages/"])
    store.finish_ingest(run, 12, 40, 2)
    second = store.start_ingest(["more/"])
    store.close()
    assert second == run + 1
    with sqlite3.connect(db_path) as raw:
        rows = raw.execute(
            "SELECT paths, documents_added, claims_added, errors, finished_at IS NOT NULL "
            "FROM ingests ORDER BY id"
        ).fetchall()
    assert rows == [('["feeds/a.jsonl", "pages/"]', 12, 40, 2, 1), ('["more/"]', 0, 0, 0, 0)]


def test_store_set_copy_links_updates_rows(
    store: Store, batch: list[tuple[Document, list[Claim]]], db_path: Path
) -> None:
    store.write_batch(batch)
    (flood, flood_claims), (copy, copy_claims), _ = batch
    n = store.set_copy_links(
        {flood.doc_id: flood.doc_id, copy.doc_id: flood.doc_id},
        {copy_claims[0].claim_id: flood_claims[0].claim_id},
    )
    assert n == 3
    store.close()
    with sqlite3.connect(db_path) as raw:
        assert raw.execute(
            "SELECT copy_of FROM claims WHERE claim_id = ?", (copy_claims[0].claim_id,)
        ).fetchone() == (flood_claims[0].claim_id,)
        assert raw.execute(
            "SELECT count(*) FROM documents WHERE origin_id = ?", (flood.doc_id,)
        ).fetchone() == (2,)


def test_store_concurrent_writers_wait_instead_of_failing(db_path: Path) -> None:
    open_store(str(db_path)).close()
    errors: list[BaseException] = []

    def writer(tag: str) -> None:
        try:
            with open_store(str(db_path)) as s:
                for i in range(15):
                    text = f"Bulletin {tag}-{i}. The council said the road would reopen soon."
                    doc = make_doc(text, f"{tag}/{i}.txt", date(2024, 1, 1 + i))
                    claim = make_claim(
                        doc,
                        "The council said the road would reopen soon.",
                        "the road would reopen soon",
                        "Town Council",
                        cue="said",
                    )
                    s.write_batch([(doc, [claim])])
        except BaseException as exc:  # reported to the main thread below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(t,)) for t in ("a", "b", "c")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert counts(db_path)["documents"] == 45
    assert counts(db_path)["claimants"] == 1


def test_write_rows_fill_every_column_of_their_table() -> None:
    # The row builders read each table's own columns: a column added to schema.py without a
    # value for it fails here, not on the first ingest.
    from datetime import UTC, datetime

    from claimledger.ledger.schema import claims, documents, quantities
    from claimledger.ledger.write_rows import claim_row, document_row, quantity_rows

    doc, found = sample_batch()[0]
    claim = next(c for c in found if c.quantities)
    row = document_row(doc, datetime(2026, 12, 2, tzinfo=UTC))
    assert list(row) == [c.name for c in documents.c]
    assert row["doc_path"] == doc.doc_path and row["n_words"] == len(doc.text.split())
    assert row["origin_id"] is None
    row = claim_row(claim, 3)
    assert list(row) == [c.name for c in claims.c]
    assert row["seq"] == 3 and row["copy_of"] is None and row["party"]
    assert row["content_spans"] == json.dumps([list(s) for s in claim.content_spans])
    rows = quantity_rows(claim)
    assert [list(r) for r in rows] == [[c.name for c in quantities.c]] * len(claim.quantities)
    assert [r["grp"] for r in rows] == [q.group for q in claim.quantities]
    assert [r["idx"] for r in rows] == list(range(len(claim.quantities)))
