"""Stock level response bodies."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import Field, model_validator

from stockyard.api.schemas.base import ListBody, ResponseModel, id_of
from stockyard.api.schemas.quantities import QuantityOut
from stockyard.inventory.stock import ItemStock as ItemStockRecord

OnHand = Annotated[
    QuantityOut,
    Field(description="Units physically there: the sum of the ledger's movements, in the item's unit."),
]
Reserved = Annotated[QuantityOut, Field(description="Units held by active, unexpired reservations.")]
Available = Annotated[
    QuantityOut,
    Field(description="Units free to issue, reserve or transfer: onHand - reserved, never below 0."),
]


class LotStock(ResponseModel):
    lot_id: str = id_of("lot", "lot")
    lot_number: str = Field(description="The lot's number.")
    expires_on: date | None = Field(description="The lot's expiry date; null when it has none.")
    on_hand: OnHand
    reserved: Reserved = Field(description="Units held by reservations that name this lot.")
    available: Available


class StockLevel(ResponseModel):
    item_id: str = Field(description="The item.")
    sku: str = Field(description="The item's SKU.")
    location_id: str = Field(description="The location holding it.")
    location_code: str = Field(description="The location's code (`A-01-03`...).")
    warehouse_id: str = Field(description="The location's warehouse.")
    on_hand: OnHand
    reserved: Reserved
    available: Available
    lots: list[LotStock] = Field(
        description="Lot-tracked items: the lots here with units, first to expire first; empty otherwise."
    )
    serials: list[str] = Field(description="Serial-tracked items: the serials here; empty otherwise.")


class StockLevelList(ListBody):
    data: list[StockLevel]


class ItemStock(ResponseModel):
    item_id: str = Field(description="The item.")
    sku: str = Field(description="The item's SKU.")
    on_hand: OnHand
    reserved: Reserved
    available: Available
    locations: list[StockLevel] = Field(
        description="The item's stock location by location; the totals above add these up."
    )

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
