"""Initial ledger: documents, claims, quantities, claimants, ingests.

Written out column by column (not ``metadata.create_all``; the column sets it shares with later
revisions come from the frozen ``ledger/migration_ddl.py``) so this revision stays what it was
when later revisions change schema.py. Portable types only: it runs on SQLite and PostgreSQL.

Created 2026-05-09.
"""

import sqlalchemy as sa
from alembic import op

from claimledger.ledger.migration_ddl import cascade_fk, document_columns

revision, down_revision = "0001_initial", None


def upgrade() -> None:
    """Create the five tables and their indexes."""
    op.create_table(
        "documents",
        *document_columns(),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("n_words", sa.Integer(), nullable=False),
        sa.Column("origin_id", sa.String(32)),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_documents"),
    )
    op.create_index("ix_documents_published", "documents", ["published"])

    op.create_table(
        "claims",
        sa.Column("claim_id", sa.String(32), nullable=False),
        sa.Column("doc_id", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=False),
        sa.Column("claimant_mention", sa.Text()),
        sa.Column("claimant_type", sa.String(16), nullable=False),
        sa.Column("affiliation", sa.Text()),
        sa.Column("cue", sa.Text()),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("stance", sa.String(16), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("stated_on", sa.Date()),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("claimant_spans", sa.Text(), nullable=False),
        sa.Column("cue_spans", sa.Text(), nullable=False),
        sa.Column("content_spans", sa.Text(), nullable=False),
        sa.Column("copy_of", sa.String(32)),
        sa.PrimaryKeyConstraint("claim_id", name="pk_claims"),
        cascade_fk("claims", "doc_id", "documents"),
    )
    op.create_index("ix_claims_doc", "claims", ["doc_id", "seq"])
    op.create_index("ix_claims_claimant", "claims", ["claimant"])
    op.create_index("ix_claims_stated_on", "claims", ["stated_on"])
    op.create_index("ix_claims_copy_of", "claims", ["copy_of"])

    op.create_table(
        "quantities",
        sa.Column("claim_id", sa.String(32), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.Float()),
        sa.Column("low", sa.Float()),
        sa.Column("high", sa.Float()),
        sa.Column("unit", sa.Text()),
        sa.Column("counted", sa.Text()),
        sa.Column("event", sa.Text()),
        sa.Column("grp", sa.Text()),
        sa.Column("kind", sa.String(16)),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("claim_id", "idx", name="pk_quantities"),
        cascade_fk("quantities", "claim_id", "claims"),
    )
    op.create_index("ix_quantities_counted_event", "quantities", ["counted", "event"])

    op.create_table(
        "claimants",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("claimant_type", sa.String(16), nullable=False),
        sa.Column("affiliation", sa.Text()),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_claimants"),
    )

    op.create_table(
        "ingests",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime()),
        sa.Column("paths", sa.Text(), nullable=False),
        sa.Column("documents_added", sa.Integer(), nullable=False),
        sa.Column("claims_added", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingests"),
    )


def downgrade() -> None:
    """Drop everything, children first."""
    for table in ("ingests", "claimants", "quantities", "claims", "documents"):
        op.drop_table(table)
