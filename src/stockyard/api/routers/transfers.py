"""Transfers: /api/v1/transfers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Response

from stockyard.api.deps import over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    IN_WAREHOUSE,
    LIST_ERRORS,
    READ_IN_WAREHOUSE,
    WRITE_ERRORS,
    InventoryReader,
    InventoryWriter,
    Since,
    TransferId,
    Until,
    api_router,
    located,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, create_route, list_route
from stockyard.api.schemas.transfers import Transfer, TransferCreate, TransferList
from stockyard.errors import catalog
from stockyard.inventory.transfers import TRANSFER_SORTS, TransferFilters, TransferService

TAG = ApiTag(50, "transfers", "Move stock between two locations: all lines or none.")
router = api_router(TAG)

Transfers = Annotated[TransferService, Depends(over_database(TransferService))]


@create_route(
    router,
    "/transfers",
    Operation(
        "createTransfer",
        "Move stock between two locations: all lines or none",
        (
            *WRITE_ERRORS,
            *IN_WAREHOUSE,
            catalog.EXCEEDED_LIMIT,
            catalog.INVALID_TRANSFER,
            catalog.RESOURCE_LOCKED,
            catalog.INSUFFICIENT_STOCK,
            catalog.INVALID_STATE,
        ),
    ),
)
async def create_transfer(
    body: TransferCreate, ctx: InventoryWriter, transfers: Transfers, response: Response
) -> Transfer:
    result = await transfers.create(
        ctx,
        from_location_id=body.from_location_id,
        to_location_id=body.to_location_id,
        lines=[line.line() for line in body.lines],
        reference=body.reference,
    )
    located(response, f"{API_V1}/transfers/{result.transfer.id}")
    return Transfer.created(result)


list_route(
    router,
    "/transfers",
    Operation("listTransfers", "List transfers, oldest first unless sorted", LIST_ERRORS),
    InventoryReader,
    Transfers,
    TransferList,
    TransferService.list,
    TRANSFER_SORTS,
    TransferFilters,
    location_id=Annotated[
        str | None,
        Query(alias="locationId", max_length=32, description="Transfers from or to this location."),
    ],
    from_location_id=Annotated[
        str | None, Query(alias="fromLocationId", max_length=32, description="Transfers from this location.")
    ],
    to_location_id=Annotated[
        str | None, Query(alias="toLocationId", max_length=32, description="Transfers to this location.")
    ],
    since=Since,
    until=Until,
)


_transfer = ResourceRoutes(router, "/transfers/{transferId}", TransferId, Transfers, Transfer)
_transfer.get(Operation("getTransfer", "Get a transfer", READ_IN_WAREHOUSE), InventoryReader)
