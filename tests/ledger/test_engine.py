"""open_store: where the ledger lives, how SQLite is set up, and the errors users see."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from ledger_samples import sample_batch
from sqlalchemy import text

from claimledger.errors import StoreError
from claimledger.ledger.engine import DEFAULT_DB, ENV_VAR, _head_revision, open_store, resolve_url


def test_engine_plain_path_is_sqlite_with_wal_fk_and_busy_timeout(db_path: Path) -> None:
    with open_store(str(db_path)) as store:
        with store.read() as conn:
            fk = conn.execute(text("PRAGMA foreign_keys")).scalar_one()
            busy = conn.execute(text("PRAGMA busy_timeout")).scalar_one()
        assert store.where == str(db_path)
    assert fk == 1
    assert busy >= 5000
    with sqlite3.connect(db_path) as raw:  # WAL is a property of the file: check from outside
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "claims", "quantities", "claimants", "ingests"} <= tables


def test_engine_default_is_env_var_then_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_VAR, raising=False)
    open_store(None).close()
    assert (tmp_path / DEFAULT_DB).is_file()
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env.db"))
    open_store(None).close()
    assert (tmp_path / "from-env.db").is_file()


def test_engine_sqlite_url_opens_that_file(tmp_path: Path) -> None:
    target = tmp_path / "by-url.db"
    with open_store(f"sqlite:///{target}") as store:
        store.write_batch(sample_batch()[:1])
    with open_store(str(target)) as again:
        assert again.stats().documents == 1


def test_engine_postgres_urls_use_psycopg3() -> None:
    for given in ("postgresql://ann:secret@db.example/ledger", "postgres://ann@db.example/ledger"):
        url = resolve_url(given)
        assert url.drivername == "postgresql+psycopg"
        assert url.host == "db.example"
        assert url.database == "ledger"
    assert resolve_url("postgresql+psycopg://x@h/d").drivername == "postgresql+psycopg"


def test_engine_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "ledger.db"))


def test_engine_folder_instead_of_file_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="it is a folder"):
        open_store(str(tmp_path))


def test_engine_non_database_file_is_a_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("These are meeting notes, not a database.\n" * 200)
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(str(junk))


def test_engine_bad_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        open_store("postgresql://user@host:notaport/db")


def test_engine_read_only_ledger_reads_but_refuses_writes(db_path: Path) -> None:
    with open_store(str(db_path)) as store:
        store.write_batch(sample_batch()[:1])
    # SQLite's own read-only mode (file permissions do not bind root, who runs CI here).
    with open_store(f"sqlite:///file:{db_path}?mode=ro&uri=true") as ro:
        assert ro.stats().claims == 3
        with pytest.raises(StoreError, match="read-only"):
            ro.write_batch(sample_batch()[1:])
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_engine_reader_is_not_blocked_by_a_writer(db_path: Path) -> None:
    with open_store(str(db_path)) as store:
        store.write_batch(sample_batch()[:1])
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # an ingest in the middle of a batch
        holder.execute("DELETE FROM quantities")
        started = time.monotonic()
        stats = store.stats()  # WAL: the reader sees the last commit, at once
        elapsed = time.monotonic() - started
        holder.execute("ROLLBACK")
        holder.close()
    assert stats.quantities == 2
    assert elapsed < 1.0


def test_engine_writer_waits_for_another_writer(db_path: Path) -> None:
    with open_store(str(db_path)) as store:
        holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
        release.start()
        started = time.monotonic()
        result = store.write_batch(sample_batch())  # waits on the busy timeout, then writes
        waited = time.monotonic() - started
        release.join()
        holder.close()
    assert result.documents_added == 3
    assert waited >= 0.4


def test_engine_reopen_keeps_schema_and_rows(db_path: Path) -> None:
    with open_store(str(db_path)) as store:
        store.write_batch(sample_batch())
    for _ in range(2):
        with open_store(str(db_path)) as store:
            assert store.stats().claims == 6
    with sqlite3.connect(db_path) as raw:
        # One row, at the newest migration shipped in ledger/migrations/versions.
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (_head_revision(),)
        ]


def test_engine_other_databases_are_refused() -> None:
    with pytest.raises(StoreError, match="unsupported database 'mysql'"):
        open_store("mysql://ann@db.example/ledger")
