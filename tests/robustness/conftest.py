"""Fixtures for the robustness suite: a ledger that already holds documents, copied per test.

`robust_helpers` (helpers.py) and `faults` (benchmarks/faults.py, the kill-and-resume loop the
benchmark runs) are registered under fixed names so the tests here can import them.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def _register(name: str, path: Path) -> None:
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)


_register("faults", REPO / "benchmarks" / "faults.py")
_register("robust_helpers", HERE / "helpers.py")

from robust_helpers import Held, copy_ledger, hold, write_article  # noqa: E402

from claimledger.api import Ledger  # noqa: E402


@pytest.fixture(scope="session")
def seeded_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger holding three generated articles, built once per session."""
    folder = tmp_path_factory.mktemp("seeded")
    paths = [write_article(folder, 900 + i) for i in range(3)]
    db = folder / "seeded.db"
    with Ledger(db) as ledger:
        report = ledger.ingest([str(p) for p in paths])
    assert report.documents_added == 3 and report.claims_added > 0
    return db


@pytest.fixture
def held(seeded_ledger: Path, tmp_path: Path) -> Iterator[Held]:
    """A private copy of the seeded ledger and what its export holds before the test."""
    db = tmp_path / "ledger.db"
    copy_ledger(seeded_ledger, db)
    yield hold(db)
