"""Stock levels: /api/v1/stock and /api/v1/items/{id}/stock."""

from __future__ import annotations

from fastapi import APIRouter

from stockyard.api.deps import Stock
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    IN_WAREHOUSE,
    READ_ERRORS,
    InventoryReader,
    ItemFilter,
    LocationFilter,
    PageCursor,
    PageLimit,
    WarehouseFilter,
)
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.stock import ItemStock, StockLevel, StockLevelList
from stockyard.errors import catalog

router = APIRouter(prefix=API_V1, tags=["stock"])


@router.get(
    "/stock",
    operation_id="listStockLevels",
    summary="Stock levels (on hand, reserved, available) by item, location or warehouse",
    responses=error_responses(*READ_ERRORS, *IN_WAREHOUSE, catalog.INVALID_PARAMETER),
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
    return StockLevelList(data=[StockLevel.of(level) for level in page.data], next_cursor=page.next_cursor)


@router.get(
    "/items/{item_id}/stock",
    operation_id="getItemStock",
    summary="An item's stock: totals and one entry per location",
    responses=error_responses(*READ_ERRORS, catalog.NOT_FOUND),
)
async def get_item_stock(item_id: str, ctx: InventoryReader, stock: Stock) -> ItemStock:
    return ItemStock.of(await stock.for_item(ctx, item_id))
