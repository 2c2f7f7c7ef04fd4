"""Transfer request and response bodies."""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import Field, field_validator, model_validator

from stockyard.api.schemas.base import (
    ActorId,
    ActorType,
    CreatedAt,
    ListBody,
    RequestModel,
    ResponseModel,
    each_item_once,
    id_of,
)
from stockyard.api.schemas.movements import (
    LotNumber,
    Movement,
    Reference,
    ResourceId,
    Serials,
    distinct_serials,
    serials_match_units,
)
from stockyard.api.schemas.quantities import QuantityIn, QuantityOut
from stockyard.inventory.lots import LotSpec
from stockyard.inventory.transfers import TransferCreated
from stockyard.inventory.transfers import TransferLine as TransferLineRecord


class TransferLineIn(RequestModel):
    item_id: ResourceId
    units: Annotated[QuantityIn, Field(gt=0)]
    lot_number: LotNumber | None = Field(
        default=None,
        description="Lot-tracked items: the lot to move; without it the lots that expire first go (FEFO).",
    )
    serials: Serials | None = None

    _distinct_serials = field_validator("serials")(distinct_serials)

    @model_validator(mode="after")
    def _one_serial_per_unit(self) -> Self:
        serials_match_units(self.serials, self.units)
        return self

    def line(self) -> TransferLineRecord:
        return TransferLineRecord(
            self.item_id,
            self.units,
            None if self.lot_number is None else LotSpec(self.lot_number),
            tuple(self.serials or ()),
        )


class TransferCreate(RequestModel):
    from_location_id: ResourceId
    to_location_id: ResourceId
    lines: Annotated[list[TransferLineIn], Field(min_length=1, max_length=100)]
    reference: Reference | None = None

    @model_validator(mode="after")
    def _each_item_once(self) -> Self:
        each_item_once(self.lines, "lines", "The item is already in line {first}.")
        return self


class TransferLine(ResponseModel):
    item_id: str = Field(description="The item moved.")
    units: QuantityOut = Field(description="Units moved, more than 0, in the item's unit.")


class Transfer(ResponseModel):
    id: str = id_of("trf", "transfer")
    from_location_id: str = Field(description="The location the units left.")
    to_location_id: str = Field(description="The location the units reached.")
    reference: str | None = Field(description="The caller's own reference; null when not given.")
    lines: list[TransferLine] = Field(description="What moved, one line per item, in the order sent.")
    actor_type: ActorType
    actor_id: ActorId
    created_at: CreatedAt
    movements: list[Movement] | None = Field(
        default=None, description="The paired ledger entries; present in the response to POST."
    )

    @classmethod
    def created(cls, result: TransferCreated) -> Transfer:
        """The answer to POST: the transfer with its ledger entries."""
        return cls.of(result.transfer).model_copy(
            update={"movements": [Movement.of(entry) for entry in result.movements]}
        )


class TransferList(ListBody):
    data: list[Transfer]
