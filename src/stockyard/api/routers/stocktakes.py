"""Stocktakes (cycle counts): /api/v1/stocktakes."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Query, Response

from stockyard.api.deps import over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    LIST_IN_WAREHOUSE,
    READ_IN_WAREHOUSE,
    STATE_CHANGE_ERRORS,
    InventoryReader,
    InventoryWriter,
    LocationFilter,
    Since,
    StocktakeId,
    Until,
    WarehouseFilter,
    api_router,
    located,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, create_route, list_route
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.stocktakes import (
    CountsUpdate,
    Stocktake,
    StocktakeCompleted,
    StocktakeCreate,
    StocktakeList,
)
from stockyard.errors import catalog
from stockyard.inventory.stocktakes import STOCKTAKE_SORTS, StocktakeFilters, StocktakeService

TAG = ApiTag(
    70,
    "stocktakes",
    "Count a location: it is locked against stock writes until the differences are posted or the count cancelled.",
)
router = api_router(TAG)

Stocktakes = Annotated[StocktakeService, Depends(over_database(StocktakeService))]


@create_route(
    router,
    "/stocktakes",
    Operation(
        "startStocktake",
        "Start a stocktake: locks the location against stock writes",
        (*STATE_CHANGE_ERRORS, catalog.RESOURCE_LOCKED),
    ),
)
async def start_stocktake(
    body: StocktakeCreate, ctx: InventoryWriter, stocktakes: Stocktakes, response: Response
) -> Stocktake:
    record = await stocktakes.start(ctx, body.location_id)
    located(response, f"{API_V1}/stocktakes/{record.id}")
    return Stocktake.of(record)


list_route(
    router,
    "/stocktakes",
    Operation("listStocktakes", "List stocktakes, oldest first unless sorted", LIST_IN_WAREHOUSE),
    InventoryReader,
    Stocktakes,
    StocktakeList,
    StocktakeService.list,
    STOCKTAKE_SORTS,
    StocktakeFilters,
    location_id=LocationFilter,
    warehouse_id=WarehouseFilter,
    status=Annotated[Literal["open", "completed", "cancelled"] | None, Query()],
    since=Since,
    until=Until,
)


_stocktake = ResourceRoutes(router, "/stocktakes/{stocktakeId}", StocktakeId, Stocktakes, Stocktake)
_stocktake.get(
    Operation("getStocktake", "Get a stocktake with its counts", READ_IN_WAREHOUSE), InventoryReader
)


@router.put(
    "/stocktakes/{stocktakeId}/counts",
    operation_id="setStocktakeCounts",
    summary="Replace the counted units of an open stocktake",
    responses=error_responses(*STATE_CHANGE_ERRORS, body=True),
)
async def set_counts(
    stocktake_id: StocktakeId, body: CountsUpdate, ctx: InventoryWriter, stocktakes: Stocktakes
) -> Stocktake:
    counts = [count.count() for count in body.counts]
    return Stocktake.of(await stocktakes.set_counts(ctx, stocktake_id, counts))


_stocktake.action(
    "complete",
    Operation(
        "completeStocktake",
        "Post the differences as count movements and unlock the location",
        STATE_CHANGE_ERRORS,
    ),
    InventoryWriter,
    StocktakeService.complete,
    model=StocktakeCompleted,
)
_stocktake.action(
    "cancel",
    Operation("cancelStocktake", "Cancel a stocktake and unlock the location", STATE_CHANGE_ERRORS),
    InventoryWriter,
    StocktakeService.cancel,
)
