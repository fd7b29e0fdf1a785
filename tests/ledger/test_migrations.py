"""The shipped Alembic revisions: they build exactly schema.py, and stay portable to PostgreSQL."""

from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from claimledger.ledger.engine import MIGRATIONS, open_store
from claimledger.ledger.schema import metadata


def test_migrations_build_exactly_the_schema(db_path: Path) -> None:
    open_store(str(db_path)).close()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), metadata
        )
    engine.dispose()
    # Non-empty means schema.py changed without a new revision under ledger/migrations/versions.
    assert diff == []


def test_migrations_downgrade_and_upgrade_again(db_path: Path) -> None:
    open_store(str(db_path)).close()
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    command.downgrade(cfg, "base")
    engine = create_engine(f"sqlite:///{db_path}")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    engine.dispose()
    with open_store(str(db_path)) as store:
        assert store.stats().documents == 0
    engine = create_engine(f"sqlite:///{db_path}")
    assert {"documents", "claims", "quantities", "claimants", "ingests"} <= set(
        inspect(engine).get_table_names()
    )
    engine.dispose()


def test_migrations_render_postgresql_ddl_offline() -> None:
    out = io.StringIO()
    cfg = Config(output_buffer=out)
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", "postgresql+psycopg://ledger@localhost/ledger")
    command.upgrade(cfg, "head", sql=True)
    sql = out.getvalue()
    assert "CREATE TABLE claims" in sql
    assert "TIMESTAMP WITHOUT TIME ZONE" in sql
    assert "REFERENCES documents (doc_id) ON DELETE CASCADE" in sql
    assert "AUTOINCREMENT" not in sql  # nothing SQLite-only
    assert "SERIAL" in sql  # ingests.id gets a PostgreSQL sequence
