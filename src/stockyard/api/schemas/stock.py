"""Stock level response bodies."""

from __future__ import annotations

from stockyard.api.schemas.base import ResponseModel
from stockyard.inventory.stock import ItemStock as ItemStockRecord
from stockyard.inventory.stock import StockLevel as StockLevelRecord


class StockLevel(ResponseModel):
    item_id: str
    sku: str
    location_id: str
    location_code: str
    warehouse_id: str
    on_hand: int
    reserved: int
    available: int

    @classmethod
    def of(cls, record: StockLevelRecord) -> StockLevel:
        return cls(
            item_id=record.item_id,
            sku=record.sku,
            location_id=record.location_id,
            location_code=record.location_code,
            warehouse_id=record.warehouse_id,
            on_hand=record.on_hand,
            reserved=record.reserved,
            available=record.available,
        )


class StockLevelList(ResponseModel):
    data: list[StockLevel]
    next_cursor: str | None


class ItemStock(ResponseModel):
    item_id: str
    sku: str
    on_hand: int
    reserved: int
    available: int
    locations: list[StockLevel]

    @classmethod
    def of(cls, record: ItemStockRecord) -> ItemStock:
        return cls(
            item_id=record.item_id,
            sku=record.sku,
            on_hand=record.on_hand,
            reserved=record.reserved,
            available=record.available,
            locations=[StockLevel.of(level) for level in record.levels],
        )
