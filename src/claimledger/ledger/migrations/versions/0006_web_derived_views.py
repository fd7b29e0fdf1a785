"""Derived read views stored at ingest: figure tracks, claimants and conflicts (as rows).

Rebuilding them from 100,000 claims takes tens of seconds; stored at the end of an ingest with
the fingerprint of the content they were built from, a restarted `serve` loads them in well
under a second. Additive only: a ledger without the rows simply builds them as before.

Created 2026-12-01.
"""

import sqlalchemy as sa
from alembic import op

revision, down_revision = "0003_web_derived_views", "0003_robust_carriers"


def upgrade() -> None:
    """Add the table."""
    op.create_table(
        "derived_views",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_derived_views"),
    )
    op.create_table(
        "derived_tracks",
        sa.Column("track_id", sa.String(32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("chart_body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("track_id", name="pk_derived_tracks"),
    )
    op.create_table(
        "derived_conflicts",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_derived_conflicts"),
    )
    op.create_index("ix_derived_conflicts_kind_seq", "derived_conflicts", ["kind", "seq"])
    op.create_table(
        "derived_conflict_members",
        sa.Column("member", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
    )
    op.create_index(
        "ix_derived_conflict_members_member_seq", "derived_conflict_members", ["member", "seq"]
    )


def downgrade() -> None:
    """Drop them again."""
    op.drop_index("ix_derived_conflict_members_member_seq", table_name="derived_conflict_members")
    op.drop_table("derived_conflict_members")
    op.drop_index("ix_derived_conflicts_kind_seq", table_name="derived_conflicts")
    op.drop_table("derived_conflicts")
    op.drop_table("derived_tracks")
    op.drop_table("derived_views")
