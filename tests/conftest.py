"""Shared fixtures: the real spaCy model (loaded once), seeds read in place, temp ledgers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check behaviour, not speed: on a loaded CI machine a slow example is no failure.
settings.register_profile("claimledger", deadline=None)
settings.load_profile("claimledger")

REPO = Path(__file__).resolve().parent.parent
# A worktree outside the checkout names the shared folder with $CLAIMLEDGER_SHARED.
SHARED = Path(os.environ.get("CLAIMLEDGER_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
POLNEAR = SHARED / "data" / "polnear"
DEMO = REPO / "src" / "claimledger" / "data" / "demo"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from claimledger.extract.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent)")
    return SEEDS


@pytest.fixture(scope="session")
def polnear_dir() -> Path:
    if not POLNEAR.is_dir():
        pytest.skip(f"PolNeAR data not found at {POLNEAR} (../shared is absent)")
    return POLNEAR


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "ledger.db"


@pytest.fixture(scope="session")
def ray_instance() -> Iterator[None]:
    """A real local Ray (2 CPUs, no dashboard), started once per session, shut down at its end."""
    ray = pytest.importorskip("ray", reason="ray[data] is not installed (pip install '.[ray]')")
    from ray.data import DataContext

    DataContext.get_current().enable_progress_bars = False
    # Ray runs its workers at niceness 15; on a busy CI machine they would crawl. The variable
    # is read by the raylet, and inherited by `claimledger` subprocesses the tests start.
    os.environ.setdefault("RAY_worker_niceness", "0")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()
