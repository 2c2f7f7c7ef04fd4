"""Stock levels: /api/v1/stock and /api/v1/items/{id}/stock."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from stockyard.api.deps import over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.routers._common import (
    LIST_IN_WAREHOUSE,
    READ_ONE_ERRORS,
    InventoryReader,
    ItemFilter,
    ItemId,
    LocationFilter,
    WarehouseFilter,
    api_router,
)
from stockyard.api.routers._resource import Operation, list_route
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.stock import ItemStock, StockLevelList
from stockyard.api.timestamps import Timestamp
from stockyard.inventory.stock import STOCK_LEVEL_SORTS, StockLevelFilters, StockService

TAG = ApiTag(20, "stock", "Stock levels (on hand, reserved, available) by item, location or warehouse.")
router = api_router(TAG)

Stock = Annotated[StockService, Depends(over_database(StockService))]

list_route(
    router,
    "/stock",
    Operation(
        "listStockLevels",
        "Stock levels (on hand, reserved, available) by item, location or warehouse; by SKU unless sorted",
        LIST_IN_WAREHOUSE,
    ),
    InventoryReader,
    Stock,
    StockLevelList,
    StockService.levels,
    STOCK_LEVEL_SORTS,
    StockLevelFilters,
    item_id=ItemFilter,
    location_id=LocationFilter,
    warehouse_id=WarehouseFilter,
    below_reorder_point=Annotated[
        bool | None,
        Query(
            alias="belowReorderPoint",
            description="true: levels of items with a reorder point whose available units here are at "
            "or below it (the low-stock report's rule); false: every other level.",
        ),
    ],
    min_available=Annotated[
        int | None,
        # Bounded by BIGINT, the units' column type: a larger number cannot be bound as a parameter.
        Query(alias="minAvailable", ge=0, le=9_223_372_036_854_775_807, description="Available at least."),
    ],
    updated_since=Annotated[
        Timestamp | None, Query(alias="updatedSince", description="On hand changed at or after.")
    ],
)


@router.get(
    "/items/{itemId}/stock",
    operation_id="getItemStock",
    summary="An item's stock: totals and one entry per location",
    responses=error_responses(*READ_ONE_ERRORS),
)
async def get_item_stock(item_id: ItemId, ctx: InventoryReader, stock: Stock) -> ItemStock:
    return ItemStock.of(await stock.for_item(ctx, item_id))
