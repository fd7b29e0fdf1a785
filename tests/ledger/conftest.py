"""Fixtures for the ledger tests: a fresh store and the hand-built sample articles."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.ledger.engine import open_store
from claimledger.ledger.store import Store
from claimledger.models import Claim, Document


def _load_samples() -> None:
    # Registered under a fixed name so tests here and in tests/export share one module
    # (`from ledger_samples import ...`), whatever sys.path pytest has set up.
    if "ledger_samples" not in sys.modules:
        path = Path(__file__).resolve().parent / "ledger_samples.py"
        spec = importlib.util.spec_from_file_location("ledger_samples", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["ledger_samples"] = module
        spec.loader.exec_module(module)


_load_samples()
from ledger_samples import sample_batch  # noqa: E402


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh ledger in a temp SQLite file."""
    s = open_store(str(db_path))
    yield s
    s.close()


@pytest.fixture
def batch() -> list[tuple[Document, list[Claim]]]:
    """The three sample articles with their claims."""
    return sample_batch()
