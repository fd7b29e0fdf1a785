"""Alembic environment for the ledger: runs on the connection handed over by `open_store`.

`engine.migrate()` passes its open connection in ``config.attributes["connection"]`` (already
inside a write transaction, so concurrent openers wait for each other). Run from the command
line with a ``sqlalchemy.url`` option instead, it makes its own engine; ``--sql`` (offline) mode
prints the DDL, e.g. for a PostgreSQL administrator.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from claimledger.ledger.schema import metadata

config = context.config


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    given = config.attributes.get("connection")
    if given is not None:
        _configure(given)
    else:
        engine = create_engine(
            config.get_main_option("sqlalchemy.url") or "sqlite:///claimledger.db"
        )
        with engine.begin() as conn:
            _configure(conn)
        engine.dispose()
