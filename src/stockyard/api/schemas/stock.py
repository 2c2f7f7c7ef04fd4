"""Stock level response bodies."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from stockyard.api.schemas.base import ResponseModel
from stockyard.inventory.stock import ItemStock as ItemStockRecord


class StockLevel(ResponseModel):
    item_id: str
    sku: str
    location_id: str
    location_code: str
    warehouse_id: str
    on_hand: int
    reserved: int
    available: int


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

    @model_validator(mode="before")
    @classmethod
    def _from_record(cls, data: Any) -> Any:
        if not isinstance(data, ItemStockRecord):
            return data
        return {
            "item_id": data.item_id,
            "sku": data.sku,
            "on_hand": data.on_hand,
            "reserved": data.reserved,
            "available": data.available,
            "locations": data.levels,
        }
