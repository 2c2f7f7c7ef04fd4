"""Stock levels: /api/v1/stock and /api/v1/items/{id}/stock."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from stockyard.api.deps import over_database
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    LIST_IN_WAREHOUSE,
    READ_ONE_ERRORS,
    InventoryReader,
    ItemFilter,
    ItemId,
    LocationFilter,
    PageCursor,
    PageLimit,
    WarehouseFilter,
)
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.stock import ItemStock, StockLevelList
from stockyard.inventory.stock import StockService

router = APIRouter(prefix=API_V1, tags=["stock"])

Stock = Annotated[StockService, Depends(over_database(StockService))]


@router.get(
    "/stock",
    operation_id="listStockLevels",
    summary="Stock levels (on hand, reserved, available) by item, location or warehouse",
    responses=error_responses(*LIST_IN_WAREHOUSE),
)
async def list_stock_levels(
    ctx: InventoryReader,
    stock: Stock,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    item_id: ItemFilter = None,
    location_id: LocationFilter = None,
    warehouse_id: WarehouseFilter = None,
) -> StockLevelList:
    page = await stock.levels(
        ctx,
        item_id=item_id,
        location_id=location_id,
        warehouse_id=warehouse_id,
        cursor=cursor,
        limit=limit,
    )
    return StockLevelList.of(page)


@router.get(
    "/items/{itemId}/stock",
    operation_id="getItemStock",
    summary="An item's stock: totals and one entry per location",
    responses=error_responses(*READ_ONE_ERRORS),
)
async def get_item_stock(item_id: ItemId, ctx: InventoryReader, stock: Stock) -> ItemStock:
    return ItemStock.of(await stock.for_item(ctx, item_id))
