"""Lot and serial response bodies."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from stockyard.api.schemas.base import CreatedAt, ListBody, ResponseModel, id_of
from stockyard.api.schemas.movements import Movement
from stockyard.api.schemas.quantities import QuantityOut


class Lot(ResponseModel):
    id: str = id_of("lot", "lot")
    item_id: str = Field(description="The lot-tracked item it belongs to.")
    lot_number: str = Field(description="The lot's number, unique per item.")
    expires_on: date | None = Field(description="Its expiry date; null when it has none (it never expires).")
    manufactured_on: date | None = Field(description="Its manufacturing date; null when not given.")
    on_hand: QuantityOut = Field(description="Its units over the locations you may see, in the item's unit.")
    expired: bool = Field(
        description="Its expiry date has passed (UTC): issues no longer take it unless they name it."
    )
    created_at: CreatedAt


class LotPlace(ResponseModel):
    location_id: str = Field(description="A location holding the lot.")
    warehouse_id: str = Field(description="The location's warehouse.")
    on_hand: QuantityOut = Field(description="The lot's units there.")


class LotDetail(Lot):
    locations: list[LotPlace] = Field(description="Where its units are (locations you may see).")


class LotList(ListBody):
    data: list[Lot]


class Serial(ResponseModel):
    item_id: str = Field(description="The serial-tracked item.")
    serial: str = Field(description="The serial number.")
    in_stock: bool = Field(description="Whether the unit is on hand somewhere.")
    location_id: str | None = Field(description="Where it is; null when it is not in stock.")
    warehouse_id: str | None = Field(description="The location's warehouse; null when it is not in stock.")
    history: list[Movement] = Field(description="Every ledger entry that moved it, oldest first.")
