"""Derived views are cached per ledger version and stay answerable while they rebuild."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from claimledger.ledger import dashboard
from claimledger.ledger.engine import open_store
from claimledger.ledger.queries import data_version

from .conftest import fill
from .ledger_data import build
from .test_concurrent_ingest import extra_document


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    db = tmp_path / "cache.db"
    fill(db, build())
    with open_store(str(db)) as store:
        yield store.engine


def test_data_version_changes_when_another_connection_writes(
    engine: Engine, tmp_path: Path
) -> None:
    before = data_version(engine)
    assert data_version(engine) == before  # reading changes nothing
    with open_store(str(tmp_path / "cache.db")) as store:
        store.write_batch([extra_document(1)])
    assert data_version(engine) != before


def test_cached_view_is_built_once_per_version(engine: Engine, tmp_path: Path) -> None:
    calls: list[int] = []

    def build_view() -> int:
        calls.append(1)
        return len(calls)

    assert dashboard.cached(engine, "probe", build_view) == 1
    assert dashboard.cached(engine, "probe", build_view) == 1
    with open_store(str(tmp_path / "cache.db")) as store:
        store.write_batch([extra_document(2)])
    assert dashboard.cached(engine, "probe", build_view) == 2


def test_slow_rebuild_answers_from_previous_version(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dashboard, "STALE_WAIT", 0.2)
    release = threading.Event()
    versions = iter(["old", "new"])

    def build_view() -> str:
        value = next(versions)
        if value == "new":
            release.wait(10)
        return value

    assert dashboard.cached(engine, "slow", build_view) == "old"
    with open_store(str(tmp_path / "cache.db")) as store:
        store.write_batch([extra_document(3)])
    t0 = time.monotonic()
    assert dashboard.cached(engine, "slow", build_view) == "old"  # stale, not blocked
    assert time.monotonic() - t0 < 2
    release.set()
    deadline = time.monotonic() + 10
    while dashboard.cached(engine, "slow", build_view) != "new":
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_failed_first_build_raises(engine: Engine) -> None:
    def broken() -> int:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        dashboard.cached(engine, "broken", broken)
