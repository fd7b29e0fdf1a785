"""Places named in claims, linked to gazetteer coordinates (`claim_places`). Additive only.

Created 2026-12-02.
"""

import sqlalchemy as sa
from alembic import op

from claimledger.ledger.migration_ddl import cascade_fk

revision, down_revision = "0003_reconcile_places", "0003_claim_provenance"


def upgrade() -> None:
    """Create claim_places and its index."""
    op.create_table(
        "claim_places",
        sa.Column("claim_id", sa.String(32), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("written", sa.Text()),
        sa.Column("name", sa.Text()),
        sa.Column("geonameid", sa.Integer()),
        sa.Column("country", sa.String(2)),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.PrimaryKeyConstraint("claim_id", "idx", name="pk_claim_places"),
        cascade_fk("claim_places", "claim_id", "claims"),
    )
    op.create_index("ix_claim_places_name", "claim_places", ["name"])


def downgrade() -> None:
    """Drop it again."""
    op.drop_index("ix_claim_places_name", table_name="claim_places")
    op.drop_table("claim_places")
