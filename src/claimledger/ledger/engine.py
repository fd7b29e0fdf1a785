"""Opening the ledger: resolve `--db`, build the engine, bring the schema up to date.

    >>> store = open_store("claims.db")                 # doctest: +SKIP
    >>> store = open_store("postgresql://me@db/claims")  # doctest: +SKIP

A plain path is a SQLite file; a URL picks the engine (``postgresql://`` runs on psycopg 3).
SQLite is tuned for one writer and many readers at once: WAL journal (the web server reads while
an ingest writes), a busy timeout (a second writer waits instead of failing) and foreign keys on.
The schema is owned by the Alembic revisions shipped in ``ledger/migrations``; they run here, at
open, so every store is at the head revision before it is used.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

from claimledger.errors import StoreError
from claimledger.ledger.dberrors import BUSY_TIMEOUT, WRITE_OPTION, translate_errors
from claimledger.ledger.store import Store

DEFAULT_DB = "claimledger.db"
ENV_VAR = "CLAIMLEDGER_DB"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def resolve_url(db: str | None) -> URL:
    """Turn `--db` (None, a path or a URL) into a SQLAlchemy URL.

    Args:
        db: None for ``$CLAIMLEDGER_DB`` or ``./claimledger.db``; a path for a SQLite file;
            a ``sqlite:///`` or ``postgresql://`` URL.

    Returns:
        The URL, with PostgreSQL pointed at the psycopg 3 driver.

    Raises:
        StoreError: the URL cannot be parsed.
    """
    if db is None:
        db = os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" not in db:
        return URL.create("sqlite", database=str(Path(db).expanduser()))
    try:
        url = make_url(db)
    except (exc.ArgumentError, ValueError) as err:
        raise StoreError(f"not a database URL: {db!r}") from err
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {url.drivername!r}: use a SQLite path or URL, or postgresql://"
        )
    return url


def display(url: URL) -> str:
    """The URL as shown in messages: a SQLite file as its path, passwords hidden."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def create_ledger_engine(url: URL) -> Engine:
    """An engine configured for the ledger (SQLite pragmas and write-lock transactions)."""
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    database = url.database or ":memory:"
    memory = database == ":memory:" or database.startswith("file::memory:")
    if not memory and not database.startswith("file:"):  # SQLite URI filenames: as given
        _check_sqlite_path(Path(database))
        url = _read_only_media(Path(database)) or url
    kwargs: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT, "check_same_thread": False}}
    if memory:  # one shared connection, or each checkout would see a new empty database
        kwargs["poolclass"] = StaticPool
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _check_sqlite_path(path: Path) -> None:
    """Fail early, with a plain message, on paths SQLite would only call 'unable to open'."""
    if path.is_dir():
        raise StoreError(f"cannot open the ledger {path}: it is a folder, not a database file")
    parent = path.parent
    if not parent.is_dir():
        raise StoreError(f"cannot open the ledger {path}: folder {parent} does not exist")


def _read_only_media(path: Path) -> URL | None:
    """A read-only URL for a ledger on a read-only file system (a CD, a ro mount), else None.

    SQLite cannot create the WAL index there, so a plain open fails; `immutable` reads the file
    as it is (only when no WAL file holds more). Writes then fail as read-only, with a message.
    """
    try:
        read_only = bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except OSError:
        return None
    if not read_only or not path.is_file():
        return None
    wal = path.with_name(path.name + "-wal")
    query = {"mode": "ro", "uri": "true"}
    if not (wal.exists() and wal.stat().st_size):
        query["immutable"] = "1"
    return URL.create("sqlite", database=f"file:{quote(str(path.resolve()))}", query=query)


def _sqlite_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Take transaction control from pysqlite so BEGIN (IMMEDIATE) is ours to emit.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        cur.execute("PRAGMA foreign_keys = ON")
        mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() not in ("wal", "memory"):
            # A read-only file cannot switch; it can still be read in its current mode.
            with suppress(sqlite3.OperationalError):
                cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")  # durable enough under WAL, much faster
    finally:
        cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # Writers take the lock up front: a deferred transaction that reads then writes fails with
    # SQLITE_BUSY instead of waiting when another writer got there first.
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


@lru_cache(maxsize=1)
def _head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _alembic_config() -> Config:
    cfg = Config()
    # configparser interpolates '%'; a path may contain one.
    cfg.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    return cfg


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the head revision, unless it is there already.

    The check is a plain read (so a read-only ledger at head opens fine); the upgrade runs in
    one write transaction, so two processes opening a new ledger at once do not race.
    """
    head = _head_revision()
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            conn.rollback()
            return
        conn.rollback()
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7215001)")
            if MigrationContext.configure(conn).get_current_revision() == head:
                return  # another process upgraded while we waited for the lock
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")


def open_store(db: str | None = None) -> Store:
    """Open (creating or upgrading when needed) the ledger at `db`.

    Args:
        db: None for ``$CLAIMLEDGER_DB`` or ``./claimledger.db``, a SQLite path, or a URL.

    Returns:
        A Store; close it when done (or use it as a context manager).

    Raises:
        StoreError: bad URL, missing folder, unreadable or non-database file, unreachable server.
    """
    url = resolve_url(db)
    where = display(url)
    engine = create_ledger_engine(url)
    try:
        with translate_errors(where, "open"):
            migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, where)
