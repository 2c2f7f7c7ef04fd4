"""The stock ledger: /api/v1/movements (append-only: entries are never changed or deleted)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Query, Response

from stockyard.api.deps import over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    LIST_IN_WAREHOUSE,
    READ_IN_WAREHOUSE,
    STOCK_WRITE_ERRORS,
    InventoryReader,
    InventoryWriter,
    ItemFilter,
    LocationFilter,
    MovementId,
    Since,
    Until,
    WarehouseFilter,
    api_router,
    located,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, create_route, list_route
from stockyard.api.schemas.movements import Movement, MovementCreate, MovementList
from stockyard.inventory.movements import MOVEMENT_SORTS, MovementFilter, MovementService

TAG = ApiTag(
    40,
    "movements",
    "The append-only stock ledger: receive, issue or adjust stock at a location, read it back, or record movements in bulk.",
)
router = api_router(TAG)

Movements = Annotated[MovementService, Depends(over_database(MovementService))]


@create_route(
    router,
    "/movements",
    Operation("createMovement", "Receive, issue or adjust stock at a location", STOCK_WRITE_ERRORS),
)
async def create_movement(
    body: MovementCreate, ctx: InventoryWriter, movements: Movements, response: Response
) -> Movement:
    record = await movements.record(ctx, body.request())
    located(response, f"{API_V1}/movements/{record.id}")
    return Movement.of(record)


list_route(
    router,
    "/movements",
    Operation(
        "listMovements",
        "Read the ledger, oldest first unless sorted, with cursor pagination",
        LIST_IN_WAREHOUSE,
    ),
    InventoryReader,
    Movements,
    MovementList,
    MovementService.list,
    MOVEMENT_SORTS,
    MovementFilter,
    item_id=ItemFilter,
    location_id=LocationFilter,
    warehouse_id=WarehouseFilter,
    type=Annotated[
        Literal["receive", "issue", "adjust", "transfer_out", "transfer_in", "count"] | None, Query()
    ],
    since=Since,
    until=Until,
)


_movement = ResourceRoutes(router, "/movements/{movementId}", MovementId, Movements, Movement)
_movement.get(
    Operation(
        "getMovement",
        "Get a ledger entry (PUT, PATCH and DELETE answer 405: the ledger is append-only)",
        READ_IN_WAREHOUSE,
    ),
    InventoryReader,
)
