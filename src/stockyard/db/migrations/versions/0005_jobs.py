"""jobs: the submitter's request id and warehouse scope; an index for the resume scan; stock
levels indexed in report order (workspace, item, location) so report pages are range scans

Revision ID: 0005_jobs
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import stockyard.db.types

revision = "0005_jobs"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("request_id", sa.String(length=128), nullable=True))
        batch.add_column(sa.Column("warehouse_ids", stockyard.db.types.JSONList(), nullable=True))
    op.create_index(op.f("ix_jobs_status"), "jobs", ["status"], unique=False)
    op.create_index(
        op.f("ix_stock_levels_workspace_id_item_id_location_id"),
        "stock_levels",
        ["workspace_id", "item_id", "location_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_stock_levels_workspace_id_item_id_location_id"), table_name="stock_levels")
    op.drop_index(op.f("ix_jobs_status"), table_name="jobs")
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("warehouse_ids")
        batch.drop_column("request_id")
