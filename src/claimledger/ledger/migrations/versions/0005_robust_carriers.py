"""Carriers: every file, URL or outlet that gave a document's text; and when copies were linked.

An identical copy of a stored document (same text, so same doc_id) from another path, URL or
outlet used to be dropped as "already in the ledger". It is now one row of `carriers` with its
own path, outlet, title, url and date; the document's first carrier is a row too (backfilled
here from `documents`). `ingests.linked_at` records that copy linking ran after a run, so a
no-op re-ingest does not link every copy again. Additive only.

Revision ID: 0003_robust_carriers
Revises: 0003_reconcile_places
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_robust_carriers"
down_revision = "0003_reconcile_places"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create `carriers`, fill it from `documents`, add `ingests.linked_at`."""
    op.create_table(
        "carriers",
        sa.Column("doc_id", sa.String(32), nullable=False),
        sa.Column("doc_path", sa.Text(), nullable=False),
        sa.Column("source_id", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "doc_path", name="pk_carriers"),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["documents.doc_id"],
            name="fk_carriers_doc_id_documents",
            ondelete="CASCADE",
        ),
    )
    op.execute(
        "INSERT INTO carriers (doc_id, doc_path, source_id, url, outlet, title, published, "
        "format, ingested_at) SELECT doc_id, doc_path, source_id, url, outlet, title, "
        "published, format, ingested_at FROM documents"
    )
    with op.batch_alter_table("ingests") as batch:
        batch.add_column(sa.Column("linked_at", sa.DateTime))


def downgrade() -> None:
    """Drop them again."""
    with op.batch_alter_table("ingests") as batch:
        batch.drop_column("linked_at")
    op.drop_table("carriers")
