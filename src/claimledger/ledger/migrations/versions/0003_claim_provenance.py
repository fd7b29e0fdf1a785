"""Where a claim came from and what kind of figure it holds: the extraction rule that produced
it, who relayed it, the claimant's party, and background figures. Additive only: old rows read
as no rule, no relay, no party and no background.

Created 2026-12-01.
"""

import sqlalchemy as sa
from alembic import op

revision, down_revision = "0003_claim_provenance", "0002_web_read_index"


def upgrade() -> None:
    """Add the columns."""
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("rule", sa.String(40), nullable=True))
        batch.add_column(sa.Column("relayed_by", sa.Text(), nullable=True))
        batch.add_column(sa.Column("party", sa.Text(), nullable=True))
    with op.batch_alter_table("quantities") as batch:
        batch.add_column(
            sa.Column("background", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    """Drop them again."""
    with op.batch_alter_table("quantities") as batch:
        batch.drop_column("background")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("party")
        batch.drop_column("relayed_by")
        batch.drop_column("rule")
