"""inventory: a gap-free sequence per item+location ledger

Revision ID: 0003_inventory
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_inventory"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stock_levels") as batch:
        batch.add_column(sa.Column("movement_count", sa.BigInteger(), nullable=False, server_default="0"))
    with op.batch_alter_table("movements") as batch:
        batch.add_column(sa.Column("sequence", sa.BigInteger(), nullable=False, server_default="0"))
    op.create_index(
        "uq_movements_item_id_location_id_sequence",
        "movements",
        ["item_id", "location_id", "sequence"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_movements_item_id_location_id_sequence", table_name="movements")
    with op.batch_alter_table("movements") as batch:
        batch.drop_column("sequence")
    with op.batch_alter_table("stock_levels") as batch:
        batch.drop_column("movement_count")
