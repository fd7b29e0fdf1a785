"""A real PostgreSQL server for the session: initdb into a temp dir, start, yield a URL, stop.

Set `$CLAIMLEDGER_TEST_PG_URL` to use an existing server instead: the claimledger tables (and
only those) are dropped from its database before each test that asks for `pg_url`. Tests skip,
saying why, when no PostgreSQL binaries are installed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

DB_NAME = "claimledger"


def _pg_bin() -> Path | None:
    """Directory holding initdb/pg_ctl: on PATH, else the newest Debian-style install."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent  # /usr/local/bin may hold symlinks only
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root; hand them to the `postgres` OS user then.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _run(cmd: list[str]) -> None:
    done = subprocess.run(_as_server_user(cmd), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = f"{done.stdout}\n{done.stderr}"
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{output}")


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """URL of the session's PostgreSQL database (a fresh server unless one is configured)."""
    configured = os.environ.get("CLAIMLEDGER_TEST_PG_URL")
    if configured:
        yield configured
        return
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; install `postgresql`")
    root = Path(tempfile.mkdtemp(prefix="claimledger-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres", group="postgres")
    data, sockets, log = root / "data", root / "sock", root / "server.log"
    port = _free_port()
    _run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
          "-E", "UTF8", "--locale=C", "--no-sync"])  # fmt: skip
    _run(["mkdir", "-p", str(sockets)])
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"])
    try:
        _create_database(f"postgresql://postgres@127.0.0.1:{port}/postgres", DB_NAME)
        yield f"postgresql://postgres@127.0.0.1:{port}/{DB_NAME}"
    finally:
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
        shutil.rmtree(root, ignore_errors=True)


def _create_database(admin_url: str, name: str) -> None:
    import psycopg

    with contextlib.closing(psycopg.connect(admin_url, autocommit=True)) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')


def _drop_ledger_tables(url: str) -> None:
    """Drop the ledger's tables: each test gets a schema built from nothing by the migrations."""
    import psycopg

    from claimledger.ledger.schema import metadata

    names = [t.name for t in reversed(metadata.sorted_tables)] + ["alembic_version"]
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with contextlib.closing(psycopg.connect(plain, autocommit=True)) as conn:
        for name in names:
            conn.execute(f'DROP TABLE IF EXISTS "{name}" CASCADE')


@pytest.fixture
def pg_url(pg_server_url: str) -> str:
    """The session server's database, emptied for this test."""
    _drop_ledger_tables(pg_server_url)
    return pg_server_url
