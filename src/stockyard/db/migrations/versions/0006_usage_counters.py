"""usage counters: per-month plan usage (transfers) as one row, filled from the existing transfers;
merges the three branches that grew from the initial schema

Revision ID: 0006_usage_counters
Revises: 0002_access, 0003_inventory, 0005_jobs
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import stockyard.db.types

revision = "0006_usage_counters"
down_revision = ("0002_access", "0003_inventory", "0005_jobs")
branch_labels = None
depends_on = None


def _month_start(moment: datetime) -> datetime:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def upgrade() -> None:
    counters = op.create_table(
        "usage_counters",
        sa.Column("workspace_id", sa.String(length=32), nullable=False),
        sa.Column("metric", sa.String(length=40), nullable=False),
        sa.Column("period_start", stockyard.db.types.UTCDateTime(), nullable=False),
        sa.Column("used", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("workspace_id", "metric", "period_start"),
    )
    transfers = sa.table(
        "transfers",
        sa.column("workspace_id", sa.String()),
        sa.column("created_at", stockyard.db.types.UTCDateTime()),
    )
    since = _month_start(datetime.now(UTC))  # earlier months no longer count against a limit
    used: Counter[tuple[str, datetime]] = Counter()
    rows = op.get_bind().execute(
        sa.select(transfers.c.workspace_id, transfers.c.created_at).where(transfers.c.created_at >= since)
    )
    for workspace_id, created_at in rows:
        used[(workspace_id, _month_start(created_at))] += 1
    if used:
        op.bulk_insert(
            counters,
            [
                {"workspace_id": ws, "metric": "transfers_per_month", "period_start": period, "used": n}
                for (ws, period), n in sorted(used.items())
            ],
        )


def downgrade() -> None:
    op.drop_table("usage_counters")
