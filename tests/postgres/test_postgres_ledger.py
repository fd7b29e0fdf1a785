"""The ledger on a real PostgreSQL server: same schema, same claims, every command works."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from claimledger import Ledger
from claimledger.cli import app
from claimledger.ledger.engine import open_store

from .pg_corpus import exported, write_articles

pytestmark = pytest.mark.postgres


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "corpus")


@pytest.fixture
def sqlite_records(corpus: Path, tmp_path: Path) -> list[dict[str, object]]:
    """The reference: the same corpus in a SQLite ledger."""
    with Ledger(tmp_path / "reference.db") as ledger:
        ledger.ingest([str(corpus)])
        return exported(ledger.store)


def test_postgres_ingest_matches_sqlite_and_reingest_adds_nothing(
    pg_url: str, corpus: Path, sqlite_records: list[dict[str, object]]
) -> None:
    with Ledger(pg_url) as ledger:
        first = ledger.ingest([str(corpus)])
        again = ledger.ingest([str(corpus)])
        records = exported(ledger.store)
        stats = ledger.store.stats()
    assert len(sqlite_records) >= 6, "the corpus should give a fair number of claims"
    assert records == sqlite_records
    assert (first.documents_read, first.documents_added, len(first.errors)) == (4, 4, 1)
    assert first.claims_added == len(records)
    assert (again.documents_added, again.claims_added, again.documents_skipped) == (0, 0, 4)
    assert (stats.documents, stats.claims) == (4, len(records))


def test_postgres_schema_is_the_alembic_head(pg_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy import inspect

    from claimledger.ledger.engine import _alembic_config
    from claimledger.ledger.schema import metadata

    with open_store(pg_url) as store, store.engine.connect() as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert revision == head
    assert {"documents", "claims", "quantities", "claimants", "ingests"} <= tables
    # The revisions build exactly schema.py on PostgreSQL too (types included).
    with open_store(pg_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []
    # Opening again, at head already, is a no-op that still works.
    with open_store(pg_url) as store:
        assert store.stats().documents == 0


def test_postgres_migrations_downgrade_and_upgrade_again(pg_url: str) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, inspect

    from claimledger.ledger.engine import MIGRATIONS, resolve_url

    open_store(pg_url).close()
    url = resolve_url(pg_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.render_as_string(hide_password=False))
    command.downgrade(cfg, "base")
    engine = create_engine(url)
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    engine.dispose()
    with open_store(pg_url) as store:  # opening upgrades to head again
        assert store.stats().documents == 0
        tables = set(inspect(store.engine).get_table_names())
    assert {"documents", "claims", "quantities", "claimants", "ingests"} <= tables


def test_postgres_cli_ingest_claims_figures_export(
    pg_url: str, corpus: Path, tmp_path: Path, sqlite_records: list[dict[str, object]]
) -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["ingest", str(corpus), "--db", pg_url, "--quiet"])
    assert done.exit_code == 0, done.output
    assert "4 documents read, 4 added" in done.output

    listed = runner.invoke(app, ["claims", "--db", pg_url, "--json", "--claimant", "Anke Vos"])
    assert listed.exit_code == 0, listed.output
    vos = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    assert vos and all(c["claimant"] == "Anke Vos" for c in vos)

    figures = runner.invoke(app, ["figures", "--db", pg_url, "--json"])
    assert figures.exit_code == 0, figures.output
    json.loads(figures.stdout)

    out = tmp_path / "claims.jsonl"
    args = ["export", "--db", pg_url, "--format", "jsonl", "-o", str(out)]
    exported_cli = runner.invoke(app, args)
    assert exported_cli.exit_code == 0, exported_cli.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(lines, key=lambda r: r["claim_id"]) == sqlite_records

    csv_out = tmp_path / "claims.csv"
    as_csv = runner.invoke(app, ["export", "--db", pg_url, "--format", "csv", "-o", str(csv_out)])
    assert as_csv.exit_code == 0, as_csv.output
    assert len(csv_out.read_text(encoding="utf-8").splitlines()) > len(sqlite_records)


@pytest.mark.ray
@pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*")
@pytest.mark.filterwarnings("ignore::FutureWarning:ray.*")
def test_postgres_ray_parquet_load_then_ray_ingest(
    ray_instance: None,
    pg_url: str,
    corpus: Path,
    tmp_path: Path,
    sqlite_records: list[dict[str, object]],
) -> None:
    """`ingest --engine ray --out`, `load --db postgresql://`, then `ingest --engine ray --db`."""
    runner = CliRunner()
    out = tmp_path / "parquet"
    args = ["ingest", str(corpus), "--engine", "ray", "--workers", "2", "--out", str(out)]
    extracted = runner.invoke(app, args)
    assert extracted.exit_code == 0, extracted.output
    loaded = runner.invoke(app, ["load", str(out), "--db", pg_url])
    assert loaded.exit_code == 0, loaded.output
    assert "4 documents read, 4 added" in loaded.output
    with Ledger(pg_url) as ledger:
        assert exported(ledger.store) == sqlite_records

    again = runner.invoke(app, ["ingest", str(corpus), "--engine", "ray", "--db", pg_url])
    assert again.exit_code == 0, again.output
    assert "4 documents read, 0 added, 4 already in the ledger" in again.output
    with Ledger(pg_url) as ledger:
        assert exported(ledger.store) == sqlite_records


def test_postgres_two_teammates_ingesting_at_once_store_everything_once(
    pg_url: str, corpus: Path, sqlite_records: list[dict[str, object]]
) -> None:
    """Two `claimledger ingest` processes on one fresh database: migrations and writes queue."""
    code = "from claimledger.cli import main; main()"
    args = ["ingest", str(corpus), "--db", pg_url, "--quiet"]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in processes]
    for process, (out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, (out + err).decode()
    added = sum(int(out.decode().split(" added")[0].rsplit(" ", 1)[1]) for out, _ in outputs)
    assert added == 4, [out.decode() for out, _ in outputs]
    with Ledger(pg_url) as ledger:
        assert exported(ledger.store) == sqlite_records


def test_postgres_serve_answers_the_json_api(pg_url: str, corpus: Path) -> None:
    """`claimledger serve --db postgresql://...` as a real server process."""
    with Ledger(pg_url) as ledger:
        ledger.ingest([str(corpus)])
        n_claims = ledger.store.stats().claims
    port = _free_port()
    code = "from claimledger.cli import main; main()"
    args = ["serve", "--db", pg_url, "--port", str(port)]
    server = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        claims = _get_when_up(f"http://127.0.0.1:{port}/api/claims?limit=100", server)
        page = httpx.get(f"http://127.0.0.1:{port}/claims", timeout=30)
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert claims.status_code == 200, claims.text
    assert page.status_code == 200
    assert "Samir Aziz" in claims.text
    assert n_claims > 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get_when_up(url: str, server: subprocess.Popen[bytes]) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        try:
            return httpx.get(url, timeout=30)
        except httpx.TransportError:
            if server.poll() is not None or time.monotonic() > deadline:
                out = server.stdout.read().decode() if server.stdout else ""
                raise AssertionError(f"claimledger serve did not answer:\n{out}") from None
            time.sleep(0.2)


def test_postgres_bad_url_is_a_clear_cli_error(pg_server_url: str) -> None:
    wrong = pg_server_url.rsplit("/", 1)[0] + "/no_such_database"
    done = CliRunner().invoke(app, ["claims", "--db", wrong])
    assert done.exit_code != 0
    assert "no_such_database" in done.output
