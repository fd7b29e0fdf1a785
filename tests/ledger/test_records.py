"""Reading back: full Claim models, filters, carriers, documents and stats, after a reopen."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from ledger_samples import make_claim, make_doc, sample_batch

from claimledger.ledger import records
from claimledger.ledger.engine import open_store
from claimledger.ledger.store import Store
from claimledger.models import Claim, Document


@pytest.fixture
def filled(db_path: Path, batch: list[tuple[Document, list[Claim]]]) -> Iterator[Store]:
    """The sample ledger, written, closed and opened again."""
    with open_store(str(db_path)) as s:
        s.write_batch(batch)
    with open_store(str(db_path)) as again:
        yield again


def ids(found: list[Claim]) -> list[str]:
    return [c.claimant for c in found]


def test_records_round_trip_full_claims(
    filled: Store, batch: list[tuple[Document, list[Claim]]]
) -> None:
    from claimledger.ledger.store import party_for

    # The write gate gives every claimant its party (reconcile/sides.py).
    written = {
        c.claim_id: c.model_copy(update={"party": party_for(c)}) for _, cs in batch for c in cs
    }
    read = list(records.iter_claims(filled))
    assert len(read) == len(written)
    for claim in read:
        assert claim == written[claim.claim_id]  # every field, quantities and spans included


def test_records_order_is_by_date_then_position(filled: Store) -> None:
    read = list(records.iter_claims(filled))
    assert ids(read) == [
        "Ana Ruiz",  # 2024-05-06, seq 0
        "Regional Water Board",
        "officials",
        "Ana Ruiz",  # the wire copy, 2024-05-07
        "Dock Workers Union",  # undated documents last
        "Port Alder Port Authority",
    ]


def test_records_filters(filled: Store) -> None:
    def names(**filters: object) -> list[str]:
        return ids(list(records.iter_claims(filled, **filters)))  # type: ignore[arg-type]

    assert names(claimant="ruiz") == ["Ana Ruiz", "Ana Ruiz"]
    # Alias-aware: "the mayor" was recorded as a mention of Ana Ruiz, so it picks her claims.
    assert names(claimant="THE MAYOR") == ["Ana Ruiz", "Ana Ruiz"]
    assert names(claimant="union") == ["Dock Workers Union"]
    assert names(claimant="100%") == []  # LIKE wildcards are taken literally
    assert names(stance="deny") == ["Regional Water Board"]
    assert names(mode="according_to") == ["Dock Workers Union"]
    assert names(since=date(2024, 5, 6)) == ["Regional Water Board", "officials", "Ana Ruiz"]
    assert names(until="2024-05-05") == ["Ana Ruiz"]
    assert names(counted="MEMBER") == ["Dock Workers Union"]
    assert names(counted="people", event="rescued") == ["Ana Ruiz", "Ana Ruiz"]
    assert names(counted="people", event="joined") == []  # both on one figure
    assert names(limit=2) == ["Ana Ruiz", "Regional Water Board"]
    assert names(limit=2, offset=4) == ["Dock Workers Union", "Port Alder Port Authority"]
    flood_id = sample_batch()[0][0].doc_id
    assert names(doc_id=flood_id) == ["Ana Ruiz", "Regional Water Board", "officials"]


def test_records_carriers_follow_copy_links(filled: Store) -> None:
    (flood, flood_claims), (copy, copy_claims), (strike, _) = sample_batch()
    assert [c.carriers for c in records.iter_claims(filled, claimant="ruiz")] == [
        [flood.doc_id],
        [copy.doc_id],
    ]
    filled.set_copy_links(claim_copies={copy_claims[0].claim_id: flood_claims[0].claim_id})
    both = list(records.iter_claims(filled, claimant="ruiz"))
    assert [c.carriers for c in both] == [[flood.doc_id, copy.doc_id]] * 2
    originals = list(records.iter_claims(filled, claimant="ruiz", include_copies=False))
    assert [c.doc_id for c in originals] == [flood.doc_id]
    others = list(records.iter_claims(filled, doc_id=strike.doc_id))
    assert all(c.carriers == [strike.doc_id] for c in others)


def test_records_stream_in_batches_with_flat_memory(db_path: Path) -> None:
    with open_store(str(db_path)) as s:
        for start in range(0, 3000, 500):
            items = []
            for i in range(start, start + 500):
                doc = make_doc(f"Note {i}. The clerk said {i} forms were filed.", f"n/{i}.txt")
                claim = make_claim(
                    doc,
                    f"The clerk said {i} forms were filed.",
                    f"{i} forms were filed",
                    "Clerk",
                    cue="said",
                )
                items.append((doc, [claim]))
            s.write_batch(items)
    with open_store(str(db_path)) as s:
        tracemalloc.start()
        n = sum(1 for _ in records.iter_claims(s))
        _, streamed = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        kept = list(records.iter_claims(s))
        _, materialised = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert n == len(kept) == 3000
    # Streaming holds one batch (500) at a time: far less than all 3000 claims at once.
    assert streamed < materialised / 3


def test_records_documents(filled: Store, batch: list[tuple[Document, list[Claim]]]) -> None:
    docs = list(records.iter_documents(filled))
    assert [d.doc_path for d in docs] == ["news/flood.txt", "wire.jsonl#3", "docs/strike.md"]
    assert docs[0] == batch[0][0]
    assert filled.get_document(batch[2][0].doc_id) == batch[2][0]
    assert filled.get_document("nope") is None


def test_records_stats(filled: Store) -> None:
    stats = filled.stats()
    assert stats.as_dict() == {
        "documents": 3,
        "claims": 6,
        "claimants": 5,
        "outlets": 1,
        "quantities": 4,
        "first_published": "2024-05-06",
        "last_published": "2024-05-07",
        "first_stated": "2024-05-05",
        "last_stated": "2024-05-06",
    }


def test_records_empty_ledger(store: Store) -> None:
    assert list(records.iter_claims(store)) == []
    assert store.stats().documents == 0
    assert store.stats().first_published is None


def test_records_claim_contents_are_the_compared_columns_in_reading_order(filled: Store) -> None:
    full = list(records.iter_claims(filled))
    wanted = {c.doc_id for c in full if c.claimant == "Ana Ruiz"}
    found = records.claim_contents(filled, wanted)
    expected = sorted((c for c in full if c.doc_id in wanted), key=lambda c: c.doc_id)
    # The same claims in the order copy linking has always read them: by document, then
    # each document's claims in reading order.
    assert [c.claim_id for c in found] == [c.claim_id for c in expected]
    for light, claim in zip(found, expected, strict=True):
        assert (light.doc_id, light.claimant, light.content) == (
            claim.doc_id,
            claim.claimant,
            claim.content,
        )
        assert [tuple(q) for q in light.quantities] == [
            (q.value, q.low, q.high) for q in claim.quantities
        ]
    assert any(c.quantities for c in found)  # the sample's figures come along
    assert records.claim_contents(filled, set()) == []
