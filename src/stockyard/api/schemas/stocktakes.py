"""Stocktake request and response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, Self

from pydantic import Field, field_validator, model_validator

from stockyard.api.schemas.base import (
    CreatedAt,
    ListBody,
    RequestModel,
    ResponseModel,
    UpdatedAt,
    each_item_once,
    id_of,
)
from stockyard.api.schemas.movements import LotNumber, Movement, ResourceId, Serial, distinct_serials
from stockyard.api.schemas.quantities import QuantityIn, QuantityOut
from stockyard.api.schemas.reservations import Reservation
from stockyard.inventory.stocktakes import Count as CountRecord
from stockyard.inventory.stocktakes import LotCount


class StocktakeCreate(RequestModel):
    location_id: ResourceId


class LotCountIn(RequestModel):
    lot_number: LotNumber
    counted_units: Annotated[QuantityIn, Field(ge=0)]


class CountIn(RequestModel):
    item_id: ResourceId
    counted_units: Annotated[QuantityIn, Field(ge=0)]
    lots: Annotated[list[LotCountIn], Field(max_length=1000)] | None = Field(
        default=None,
        description="Lot-tracked items: the units found of each lot (adding up to countedUnits); a lot on "
        "hand here but not listed was not found.",
    )
    serials: Annotated[list[Serial], Field(max_length=10_000)] | None = Field(
        default=None,
        description="Serial-tracked items: the serials found (as many as countedUnits); one on hand here "
        "but not listed was not found.",
    )

    _distinct_serials = field_validator("serials")(distinct_serials)

    def count(self) -> CountRecord:
        return CountRecord(
            self.item_id,
            self.counted_units,
            [LotCount(lot.lot_number, lot.counted_units) for lot in self.lots or ()],
            list(self.serials or ()),
        )


class CountsUpdate(RequestModel):
    counts: Annotated[list[CountIn], Field(max_length=1000)]

    @model_validator(mode="after")
    def _each_item_once(self) -> Self:
        each_item_once(self.counts, "counts", "The item is already counted in entry {first}.")
        return self


class LotCounted(ResponseModel):
    lot_number: str = Field(description="The lot.")
    counted_units: QuantityOut = Field(description="Its units found at the location.")


class Count(ResponseModel):
    item_id: str = Field(description="The item counted.")
    lots: list[LotCounted] = Field(description="Lot-tracked items: what was found of each lot; else empty.")
    serials: list[str] = Field(description="Serial-tracked items: the serials found; else empty.")
    counted_units: QuantityOut = Field(description="Units found at the location, in the item's unit.")


class Stocktake(ResponseModel):
    id: str = id_of("stk", "stocktake")
    location_id: str = Field(
        description="The location counted, locked against stock writes while the stocktake is open."
    )
    warehouse_id: str = Field(description="The location's warehouse.")
    status: Literal["open", "completed", "cancelled"] = Field(description="open, completed or cancelled.")
    counts: list[Count] = Field(description="The counts entered so far, one per item.")
    created_at: CreatedAt
    updated_at: UpdatedAt
    completed_at: datetime | None = Field(
        description="When it was completed (ISO 8601, UTC); null while open or once cancelled."
    )


class StocktakeList(ListBody):
    data: list[Stocktake]


class StocktakeCompleted(ResponseModel):
    stocktake: Stocktake
    movements: list[Movement] = Field(description="The count movements posted (counted minus on hand).")
    released_reservations: list[Reservation] = Field(
        description="Active holds released because the count left fewer units than they held "
        "(newest first released, until the remaining holds fit in the counted stock)."
    )
