"""list sorts: an index for every sort a list offers (items by name, creation, update; the lists of
things that happen, API keys and invites by creation), and one for the items' barcode filter

Revision ID: 0008_list_sorts
Revises: 0007_membership_credentials
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_list_sorts"
down_revision = "0007_membership_credentials"
branch_labels = None
depends_on = None

_BY_CREATION = ("audit_events", "items", "reservations", "stocktakes", "jobs", "api_keys", "invites")


def upgrade() -> None:
    for table in _BY_CREATION:
        op.create_index(f"ix_{table}_workspace_id_created_at_id", table, ["workspace_id", "created_at", "id"])
    op.create_index("ix_items_workspace_id_updated_at_id", "items", ["workspace_id", "updated_at", "id"])
    op.create_index("ix_items_workspace_id_barcode", "items", ["workspace_id", "barcode"])
    op.create_index(
        "ix_items_workspace_id_name_lower_id",
        "items",
        [sa.text("workspace_id"), sa.text("lower(name)"), sa.text("id")],
    )


def downgrade() -> None:
    op.drop_index("ix_items_workspace_id_name_lower_id", table_name="items")
    op.drop_index("ix_items_workspace_id_barcode", table_name="items")
    op.drop_index("ix_items_workspace_id_updated_at_id", table_name="items")
    for table in reversed(_BY_CREATION):
        op.drop_index(f"ix_{table}_workspace_id_created_at_id", table_name=table)
