"""Column sets and constraints the shipped Alembic revisions share (migrations/versions/).

Frozen: a revision must run the same SQL forever (existing ledgers were built by it), so what
is here never changes. A new revision that needs another shape writes it out or adds a new
helper; schema.py describes the current tables, these only what the revisions wrote.
"""

from __future__ import annotations

import sqlalchemy as sa


def document_columns() -> list[sa.Column[object]]:
    """The leading columns of `documents` (0001) and `carriers` (0005): a document's id, path
    and metadata, in this order."""
    return [
        sa.Column("doc_id", sa.String(32), nullable=False),
        sa.Column("doc_path", sa.Text(), nullable=False),
        sa.Column("source_id", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("format", sa.String(16), nullable=False),
    ]


def cascade_fk(table: str, column: str, parent: str) -> sa.ForeignKeyConstraint:
    """`table.column` referencing `parent.column`, rows deleted with their parent; named
    fk_<table>_<column>_<parent> as every revision names it."""
    return sa.ForeignKeyConstraint(
        [column], [f"{parent}.{column}"], name=f"fk_{table}_{column}_{parent}", ondelete="CASCADE"
    )
