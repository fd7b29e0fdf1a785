"""One real local Ray instance per test session, and a small corpus of hand-written articles."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .scale_corpus import write_articles


@pytest.fixture(scope="session")
def ray_instance() -> Iterator[None]:
    """A real local Ray (2 CPUs, no dashboard), started once and shut down at session end."""
    ray = pytest.importorskip("ray", reason="ray[data] is not installed (pip install '.[ray]')")
    from ray.data import DataContext

    DataContext.get_current().enable_progress_bars = False
    if ray.is_initialized():  # tests/postgres started it for this session already
        yield
        return
    # Ray runs its workers at niceness 15; on a busy CI machine they would crawl. The variable
    # is read by the raylet, and inherited by `claimledger` subprocesses the tests start.
    os.environ.setdefault("RAY_worker_niceness", "0")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with the hand-written articles, a JSONL feed and an empty file."""
    return write_articles(tmp_path / "corpus")
