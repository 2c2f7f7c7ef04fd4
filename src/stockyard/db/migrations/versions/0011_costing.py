"""costing: each item's cost method, the value of its stock, FIFO layers, and the cost of each movement

Existing items become `average`, valued at their current unit cost (0 when they have none): their
`item_costs` row holds the units they have on hand over all locations and those units times that
cost. Existing movements are costed at that same unit cost (transfers stay null: they change no
item's value), so an item's value is the sum of its movements' costs from the start and the
valuation can be read `asOf` any moment.

Revision ID: 0011_costing
Revises: 0010_webhooks
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from stockyard.db.types import UTCDateTime

revision = "0011_costing"
down_revision = "0010_webhooks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.add_column(
            sa.Column("cost_method", sa.String(length=10), nullable=False, server_default="average")
        )
    with op.batch_alter_table("movements") as batch:
        batch.add_column(sa.Column("unit_cost_e4", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("cost_e4", sa.BigInteger(), nullable=True))
    op.create_table(
        "item_costs",
        sa.Column("item_id", sa.String(length=32), nullable=False),
        sa.Column("workspace_id", sa.String(length=32), nullable=False),
        sa.Column("units", sa.BigInteger(), nullable=False),
        sa.Column("value_e4", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name="fk_item_costs_item_id_items", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name="fk_item_costs_workspace_id_workspaces",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", name="pk_item_costs"),
    )
    op.create_table(
        "cost_layers",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("workspace_id", sa.String(length=32), nullable=False),
        sa.Column("item_id", sa.String(length=32), nullable=False),
        sa.Column("movement_id", sa.String(length=32), nullable=False),
        sa.Column("unit_cost_e4", sa.BigInteger(), nullable=False),
        sa.Column("units_received", sa.BigInteger(), nullable=False),
        sa.Column("units_remaining", sa.BigInteger(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name="fk_cost_layers_item_id_items", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name="fk_cost_layers_workspace_id_workspaces",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_cost_layers"),
    )
    op.create_index(
        "ix_cost_layers_open",
        "cost_layers",
        ["item_id", "created_at", "id"],
        sqlite_where=sa.text("units_remaining > 0"),
        postgresql_where=sa.text("units_remaining > 0"),
    )
    # Every movement but a transfer, costed at its item's unit cost.
    op.execute(
        sa.text(
            "UPDATE movements SET "
            "cost_e4 = units * COALESCE((SELECT items.unit_cost_e4 FROM items WHERE items.id = movements.item_id), 0), "
            "unit_cost_e4 = CASE WHEN units > 0 THEN "
            "COALESCE((SELECT items.unit_cost_e4 FROM items WHERE items.id = movements.item_id), 0) END "
            "WHERE type NOT IN ('transfer_out', 'transfer_in')"
        )
    )
    # Every item's stock, valued at its unit cost: the starting point of its running average.
    items = sa.table(
        "items", sa.column("id"), sa.column("workspace_id"), sa.column("unit_cost_e4", sa.BigInteger())
    )
    levels = sa.table("stock_levels", sa.column("item_id"), sa.column("on_hand", sa.BigInteger()))
    costs = sa.table(
        "item_costs",
        sa.column("item_id"),
        sa.column("workspace_id"),
        sa.column("units"),
        sa.column("value_e4"),
        sa.column("updated_at", UTCDateTime()),
    )
    units = sa.func.coalesce(sa.func.sum(levels.c.on_hand), 0)
    op.execute(
        costs.insert().from_select(
            ["item_id", "workspace_id", "units", "value_e4", "updated_at"],
            sa.select(
                items.c.id,
                items.c.workspace_id,
                units,
                units * sa.func.coalesce(items.c.unit_cost_e4, 0),
                sa.literal(datetime.now(UTC), UTCDateTime()),
            )
            .select_from(items.outerjoin(levels, levels.c.item_id == items.c.id))
            .group_by(items.c.id, items.c.workspace_id, items.c.unit_cost_e4),
        )
    )


def downgrade() -> None:
    op.drop_index("ix_cost_layers_open", table_name="cost_layers")
    op.drop_table("cost_layers")
    op.drop_table("item_costs")
    with op.batch_alter_table("movements") as batch:
        batch.drop_column("cost_e4")
        batch.drop_column("unit_cost_e4")
    with op.batch_alter_table("items") as batch:
        batch.drop_column("cost_method")
