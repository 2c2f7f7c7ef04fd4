"""Stocktake request and response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from stockyard.api.schemas.base import (
    CreatedAt,
    ListBody,
    RequestModel,
    ResponseModel,
    UpdatedAt,
    each_item_once,
)
from stockyard.api.schemas.movements import Movement, ResourceId
from stockyard.api.schemas.quantities import QuantityIn, QuantityOut
from stockyard.api.schemas.reservations import Reservation


class StocktakeCreate(RequestModel):
    location_id: ResourceId


class CountIn(RequestModel):
    item_id: ResourceId
    counted_units: Annotated[QuantityIn, Field(ge=0)]


class CountsUpdate(RequestModel):
    counts: Annotated[list[CountIn], Field(max_length=1000)]

    @model_validator(mode="after")
    def _each_item_once(self) -> Self:
        each_item_once(self.counts, "counts", "The item is already counted in entry {first}.")
        return self


class Count(ResponseModel):
    item_id: str = Field(description="The item counted.")
    counted_units: QuantityOut = Field(description="Units found at the location, in the item's unit.")


class Stocktake(ResponseModel):
    id: str = Field(description="The stocktake's id: `stk_` and 26 characters, in order of creation.")
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
