"""The demo workspace `make run` creates on a new database."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from stockyard.core.context import Context
from stockyard.core.permissions import ALL_PERMISSIONS
from stockyard.core.principal import Principal, PrincipalKind
from stockyard.db.database import Connection, Database
from stockyard.db.tables import workspaces
from stockyard.identity.api_keys import ApiKeyService
from stockyard.identity.workspaces import WorkspaceService
from stockyard.inventory.items import ItemChanges, ItemService

DEMO_SLUG = "demo"
DEMO_EMAIL = "owner@demo.example"
DEMO_PASSWORD = "demo-password"  # noqa: S105 - a published demo sign-in, local use only

DEMO_ITEMS: list[ItemChanges] = [
    {
        "sku": "BOLT-M6",
        "name": "Hex bolt M6x30",
        "unit": "each",
        "reorder_point": 200,
        "unit_cost": Decimal("0.12"),
    },
    {
        "sku": "NUT-M6",
        "name": "Hex nut M6",
        "unit": "each",
        "reorder_point": 200,
        "unit_cost": Decimal("0.04"),
    },
    {
        "sku": "GLUE-500",
        "name": "Wood glue 500 ml",
        "unit": "bottle",
        "reorder_point": 10,
        "unit_cost": Decimal("6.90"),
    },
    {
        "sku": "TAPE-50",
        "name": "Packing tape 50 m",
        "unit": "roll",
        "reorder_point": 24,
        "unit_cost": Decimal("2.15"),
    },
]


async def _exists(conn: Connection) -> bool:
    return (
        await conn.execute(select(workspaces.c.id).where(workspaces.c.slug == DEMO_SLUG))
    ).first() is not None


async def ensure_demo(database: Database) -> str | None:
    """Creates the demo workspace; returns its read-only API key (shown once), or None if it exists."""
    if await database.transact(_exists):
        return None
    created = await WorkspaceService(database).create(
        name="Demo Hardware Co.",
        slug=DEMO_SLUG,
        owner_email=DEMO_EMAIL,
        owner_name="Demo Owner",
        owner_password=DEMO_PASSWORD,
    )
    owner = Principal(
        kind=PrincipalKind.MEMBER,
        id=created.membership_id,
        workspace_id=created.workspace.id,
        workspace_slug=DEMO_SLUG,
        plan=created.workspace.plan,
        permissions=frozenset(ALL_PERMISSIONS),
        user_id=created.owner.id,
    )
    ctx = Context(owner, "req_demo")
    service = ItemService(database)
    for item in DEMO_ITEMS:
        await service.create(ctx, item)
    key = await ApiKeyService(database).create(
        ctx,
        name="Demo integration (read-only)",
        scopes=["inventory.read"],
        read_only=True,
        warehouse_ids=None,
    )
    return key.secret
