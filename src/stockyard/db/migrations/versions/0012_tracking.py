"""tracking: lots and serial numbers, fractional units

Items gain `tracking` (none | lot | serial) and `decimals` (0-6, how many decimal places their
quantities have). Existing items become untracked with 0 decimals: their stored quantities are
already whole units, so no number changes. New tables hold lots and serials (`lots`), their units
per location (`lot_levels`) and the lots each ledger entry moved (`movement_lots`); cost layers and
reservations may name a lot; a stocktake's count of a tracked item keeps what it
found of each lot or serial.

Revision ID: 0012_tracking
Revises: 0011_costing
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from stockyard.db.types import JSONList, UTCDateTime

revision = "0012_tracking"
down_revision = "0011_costing"
branch_labels = None
depends_on = None

ID = sa.String(length=32)


def _workspace(table: str) -> list[sa.Column[str] | sa.ForeignKeyConstraint]:
    return [
        sa.Column("workspace_id", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=f"fk_{table}_workspace_id_workspaces",
            ondelete="CASCADE",
        ),
    ]


def upgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("tracking", sa.String(length=10), nullable=False, server_default="none"))
        batch.add_column(sa.Column("decimals", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("movements") as batch:
        batch.add_column(sa.Column("tracked", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("cost_layers") as batch:
        batch.add_column(sa.Column("lot_id", ID, nullable=True))
    with op.batch_alter_table("reservations") as batch:
        batch.add_column(sa.Column("lot_id", ID, nullable=True))
    with op.batch_alter_table("stocktake_counts") as batch:
        batch.add_column(sa.Column("found", JSONList(), nullable=True))
    op.create_table(
        "lots",
        sa.Column("id", ID, nullable=False),
        *_workspace("lots"),
        sa.Column("item_id", ID, nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("manufactured_on", sa.Date(), nullable=True),
        sa.Column("expiring_announced_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name="fk_lots_item_id_items", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_lots"),
        sa.UniqueConstraint("item_id", "number", name="uq_lots_item_id_number"),
    )
    op.create_index("ix_lots_workspace_id_expires_on_id", "lots", ["workspace_id", "expires_on", "id"])
    op.create_index("ix_lots_workspace_id_item_id_id", "lots", ["workspace_id", "item_id", "id"])
    op.create_table(
        "lot_levels",
        sa.Column("lot_id", ID, nullable=False),
        sa.Column("location_id", ID, nullable=False),
        *_workspace("lot_levels"),
        sa.Column("item_id", ID, nullable=False),
        sa.Column("warehouse_id", ID, nullable=False),
        sa.Column("on_hand", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lots.id"], name="fk_lot_levels_lot_id_lots", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"], name="fk_lot_levels_location_id_locations", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("lot_id", "location_id", name="pk_lot_levels"),
    )
    op.create_index("ix_lot_levels_item_id_location_id", "lot_levels", ["item_id", "location_id"])
    op.create_table(
        "movement_lots",
        sa.Column("movement_id", ID, nullable=False),
        sa.Column("lot_id", ID, nullable=False),
        *_workspace("movement_lots"),
        sa.Column("units", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["movements.id"],
            name="fk_movement_lots_movement_id_movements",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lots.id"], name="fk_movement_lots_lot_id_lots", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("movement_id", "lot_id", name="pk_movement_lots"),
    )
    op.create_index("ix_movement_lots_lot_id_movement_id", "movement_lots", ["lot_id", "movement_id"])


def downgrade() -> None:
    op.drop_table("movement_lots")
    op.drop_table("lot_levels")
    op.drop_table("lots")
    with op.batch_alter_table("stocktake_counts") as batch:
        batch.drop_column("found")
    with op.batch_alter_table("reservations") as batch:
        batch.drop_column("lot_id")
    with op.batch_alter_table("cost_layers") as batch:
        batch.drop_column("lot_id")
    with op.batch_alter_table("movements") as batch:
        batch.drop_column("tracked")
    with op.batch_alter_table("items") as batch:
        batch.drop_column("decimals")
        batch.drop_column("tracking")
