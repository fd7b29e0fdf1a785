"""One real local Ray instance per test session, and a small corpus of hand-written articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .scale_corpus import write_articles


@pytest.fixture(scope="session")
def ray_instance() -> Iterator[None]:
    """A real local Ray (2 CPUs, no dashboard), started once and shut down at session end."""
    ray = pytest.importorskip("ray", reason="ray[data] is not installed (pip install '.[ray]')")
    from ray.data import DataContext

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with the hand-written articles, a JSONL feed and an empty file."""
    return write_articles(tmp_path / "corpus")
