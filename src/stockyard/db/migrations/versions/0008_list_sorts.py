"""list sorts: an index for every sort a list offers (items by name, creation, update; the lists of
things that happen, API keys and invites by creation), one for the items' barcode filter, and one for the reservations' expiry sweep

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

_BY_CREATION = (
    "audit_events",
    "items",
    "reservations",
    "stocktakes",
    "jobs",
    "api_keys",
    "invites",
    "tags",
    "warehouses",
    "locations",
)


# Their (workspace_id, created_at) index gains the id, the keyset's tie-break.
_REPLACED = ("movements", "transfers")


def upgrade() -> None:
    for table in _REPLACED:
        op.drop_index(f"ix_{table}_workspace_id_created_at", table_name=table)
        op.create_index(f"ix_{table}_workspace_id_created_at_id", table, ["workspace_id", "created_at", "id"])
    op.create_index(
        "ix_reservations_workspace_id_expires_at_id", "reservations", ["workspace_id", "expires_at", "id"]
    )
    op.create_index("ix_reservations_status_expires_at", "reservations", ["status", "expires_at"])
    op.create_index("ix_locations_workspace_id_code_id", "locations", ["workspace_id", "code", "id"])
    op.create_index(
        "ix_stock_levels_workspace_id_on_hand_item_id_location_id",
        "stock_levels",
        ["workspace_id", "on_hand", "item_id", "location_id"],
    )
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
    op.drop_index("ix_stock_levels_workspace_id_on_hand_item_id_location_id", table_name="stock_levels")
    op.drop_index("ix_locations_workspace_id_code_id", table_name="locations")
    op.drop_index("ix_reservations_status_expires_at", table_name="reservations")
    op.drop_index("ix_reservations_workspace_id_expires_at_id", table_name="reservations")
    for table in _REPLACED:
        op.drop_index(f"ix_{table}_workspace_id_created_at_id", table_name=table)
        op.create_index(f"ix_{table}_workspace_id_created_at", table, ["workspace_id", "created_at"])
    op.drop_index("ix_items_workspace_id_name_lower_id", table_name="items")
    op.drop_index("ix_items_workspace_id_barcode", table_name="items")
    op.drop_index("ix_items_workspace_id_updated_at_id", table_name="items")
    for table in reversed(_BY_CREATION):
        op.drop_index(f"ix_{table}_workspace_id_created_at_id", table_name=table)
