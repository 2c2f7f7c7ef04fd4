"""Lots and serial numbers: /api/v1/lots and /api/v1/serials/{itemId}/{serial} (read-only: the
ledger makes them, docs/inventory.md)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Path, Query

from stockyard.api.deps import over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.routers._common import (
    LIST_ERRORS,
    READ_IN_WAREHOUSE,
    READ_ONE_ERRORS,
    InventoryReader,
    ItemFilter,
    ItemId,
    api_router,
    id_path,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, list_route
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.lots import LotDetail, LotList, Serial
from stockyard.errors import catalog
from stockyard.inventory.lot_reads import LOT_SORTS, LotFilters, LotService

TAG = ApiTag(
    30,
    "lots",
    "Lots of lot-tracked items (numbers, expiry, where their units are) and the whereabouts and history of serial numbers.",
)
router = api_router(TAG)

Lots = Annotated[LotService, Depends(over_database(LotService))]
LotId = Annotated[str, id_path("lotId", "lot", "The lot's id.")]
SerialNumber = Annotated[
    str, Path(alias="serial", min_length=1, max_length=64, description="The serial number.")
]

list_route(
    router,
    "/lots",
    Operation("listLots", "List lots, first to expire first (lots without an expiry last)", LIST_ERRORS),
    InventoryReader,
    Lots,
    LotList,
    LotService.list,
    LOT_SORTS,
    LotFilters,
    item_id=ItemFilter,
    expiring_before=Annotated[
        date | None,
        Query(alias="expiringBefore", description="Lots whose expiry date is before this day (YYYY-MM-DD)."),
    ],
)


_lot = ResourceRoutes(router, "/lots/{lotId}", LotId, Lots, LotDetail)
_lot.get(Operation("getLot", "Get a lot and where its units are", READ_ONE_ERRORS), InventoryReader)


@router.get(
    "/serials/{itemId}/{serial}",
    operation_id="getSerial",
    summary="Find a serial number: where it is and every movement of it",
    responses=error_responses(*READ_IN_WAREHOUSE, catalog.INVALID_PARAMETER),  # a serial over 64 characters
)
async def get_serial(item_id: ItemId, serial: SerialNumber, ctx: InventoryReader, lots: Lots) -> Serial:
    return Serial.of(await lots.serial(ctx, item_id, serial))
