"""Fixtures for the export tests: the hand-built sample ledger, with one copy link."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from claimledger.ledger.engine import open_store
from claimledger.ledger.store import Store
from claimledger.models import Claim, Document


def _samples() -> ModuleType:
    # One set of sample articles for ledger and export tests; tests/ has no packages to import.
    name = "ledger_samples"
    if name not in sys.modules:
        path = Path(__file__).resolve().parent.parent / "ledger" / "ledger_samples.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def batch() -> list[tuple[Document, list[Claim]]]:
    """The three sample articles with their claims (carriers as stored: copy linked)."""
    items: list[tuple[Document, list[Claim]]] = _samples().sample_batch()
    (flood, flood_claims), (copy, copy_claims), _ = items
    # The wire copy repeats the mayor's claim: both carry both documents.
    carriers = [flood.doc_id, copy.doc_id]
    flood_claims[0] = flood_claims[0].model_copy(update={"carriers": carriers})
    copy_claims[0] = copy_claims[0].model_copy(update={"carriers": carriers})
    return items


@pytest.fixture
def ledger(db_path: Path, batch: list[tuple[Document, list[Claim]]]) -> Iterator[Store]:
    """The sample ledger with the copy link recorded, reopened."""
    (_, flood_claims), (_, copy_claims), _ = batch
    with open_store(str(db_path)) as s:
        s.write_batch(batch)
        s.set_copy_links(claim_copies={copy_claims[0].claim_id: flood_claims[0].claim_id})
    with open_store(str(db_path)) as again:
        yield again


@pytest.fixture
def claims_by_id(batch: list[tuple[Document, list[Claim]]]) -> dict[str, Claim]:
    """Every sample claim, as the ledger should give it back (with the party the store's
    write gate gives every claimant)."""
    from claimledger.ledger.store import party_for

    return {
        c.claim_id: c.model_copy(update={"party": c.party or party_for(c)})
        for _, cs in batch
        for c in cs
    }


@pytest.fixture
def docs_by_id(batch: list[tuple[Document, list[Claim]]]) -> dict[str, Document]:
    """Every sample document by doc_id."""
    return {d.doc_id: d for d, _ in batch}
