"""events: the transactional outbox the change feed and webhooks read

Revision ID: 0009_events
Revises: 0008_list_sorts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from stockyard.db.types import JSONDict, UTCDateTime

revision = "0009_events"
down_revision = "0008_list_sorts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("workspace_id", sa.String(length=32), nullable=False),
        sa.Column("type", sa.String(length=60), nullable=False),
        sa.Column("warehouse_id", sa.String(length=32), nullable=True),
        sa.Column("actor_type", sa.String(length=20), nullable=False),
        sa.Column("actor_id", sa.String(length=32), nullable=True),
        sa.Column("request_id", sa.String(length=128), nullable=True),
        sa.Column("data", JSONDict(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name="fk_events_workspace_id_workspaces", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.UniqueConstraint("position", name="uq_events_position"),
    )
    op.create_index("ix_events_workspace_id_position", "events", ["workspace_id", "position"])
    op.create_index("ix_events_created_at", "events", ["created_at"])
    op.create_index(
        "ix_events_unpositioned",
        "events",
        ["id"],
        sqlite_where=sa.text("position IS NULL"),
        postgresql_where=sa.text("position IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_events_unpositioned", table_name="events")
    op.drop_index("ix_events_created_at", table_name="events")
    op.drop_index("ix_events_workspace_id_position", table_name="events")
    op.drop_table("events")
