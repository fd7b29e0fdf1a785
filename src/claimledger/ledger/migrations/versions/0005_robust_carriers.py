"""Carriers: every file, URL or outlet that gave a document's text; and when copies were linked.

An identical copy of a stored document (same text, so same doc_id) from another path, URL or
outlet used to be dropped as "already in the ledger". It is now one row of `carriers` with its
own path, outlet, title, url and date; the document's first carrier is a row too (backfilled
here from `documents`). `ingests.linked_at` records that copy linking ran after a run, so a
no-op re-ingest does not link every copy again. Additive only.

Created 2026-12-01.
"""

import sqlalchemy as sa
from alembic import op

from claimledger.ledger.migration_ddl import cascade_fk, document_columns

revision, down_revision = "0003_robust_carriers", "0003_reconcile_places"


def upgrade() -> None:
    """Create `carriers`, fill it from `documents`, add `ingests.linked_at`."""
    op.create_table(
        "carriers",
        *document_columns(),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "doc_path", name="pk_carriers"),
        cascade_fk("carriers", "doc_id", "documents"),
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
