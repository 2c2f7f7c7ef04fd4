"""Movement (ledger entry) request and response bodies."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, ValidationInfo, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from stockyard.api.schemas.base import (
    ISO_DATE,
    ActorId,
    ActorType,
    CreatedAt,
    ListBody,
    RequestId,
    RequestModel,
    ResponseModel,
    field_error,
    id_of,
)
from stockyard.api.schemas.items import UnitCost
from stockyard.api.schemas.quantities import QuantityIn, QuantityOut
from stockyard.core.money import format_amount
from stockyard.inventory.ledger import MovementType
from stockyard.inventory.lots import LotSpec
from stockyard.inventory.movements import MovementRequest

ResourceId = Annotated[str, Field(min_length=1, max_length=32)]
Reason = Annotated[str, Field(max_length=500)]
Reference = Annotated[str, Field(max_length=200)]
LotNumber = Annotated[
    str, Field(min_length=1, max_length=64, description="The lot's number, unique per item.")
]
Serial = Annotated[str, Field(min_length=1, max_length=64)]
Serials = Annotated[
    list[Serial],
    Field(
        min_length=1,
        max_length=1000,
        description="Serial-tracked items: the serial numbers moved, one per unit, each once.",
    ),
]
IsoDate = Annotated[date, ISO_DATE, WithJsonSchema({"type": "string", "format": "date", "maxLength": 10})]


def distinct_serials(serials: list[str] | None) -> list[str] | None:
    if serials is not None and len(set(serials)) != len(serials):
        repeated = next(serial for index, serial in enumerate(serials) if serial in serials[:index])
        raise ValueError(f"The serial {repeated} is listed twice.")
    return serials


def serials_match_units(serials: list[str] | None, units: Decimal | None) -> None:
    if serials is not None and units is not None and abs(units) != len(serials):
        raise field_error(
            "serials", f"{len(serials)} serials listed for {abs(units)} units: one serial per unit."
        )


class MovementCreate(RequestModel):
    # `_units_fit_type` in the document: more than 0 to receive or issue, not 0 to adjust.
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"properties": {"type": {"enum": ["receive", "issue"]}, "units": {"minimum": 1}}},
                {"properties": {"type": {"const": "adjust"}, "units": {"not": {"const": 0}}}},
            ]
        }
    )

    type: Literal["receive", "issue", "adjust"]
    item_id: ResourceId
    location_id: ResourceId
    units: QuantityIn = Field(
        description="Positive for receive and issue; a non-zero signed change for adjust. In the item's "
        "unit, with at most the item's `decimals` decimal places."
    )
    reason: Reason | None = None
    reference: Reference | None = None
    unit_cost: UnitCost | None = Field(
        default=None,
        description="Receipts only: what one unit cost, in the workspace's currency. Without it a "
        "receipt is valued at the item's unitCost, else at its average cost (docs/inventory.md, Cost).",
    )

    lot_number: LotNumber | None = Field(
        default=None,
        description="Lot-tracked items: the lot received (required to add units; created on its first "
        "receipt) or taken (optional: without it an issue takes the lots that expire first, FEFO).",
    )
    expires_on: IsoDate | None = Field(default=None, description="With lotNumber: the lot's expiry date.")
    manufactured_on: IsoDate | None = Field(
        default=None, description="With lotNumber: the lot's manufacturing date."
    )
    serials: Serials | None = None

    _distinct_serials = field_validator("serials")(distinct_serials)

    @model_validator(mode="after")
    def _lot_fields_fit(self) -> MovementCreate:
        if self.lot_number is None:
            for name, value in (("expiresOn", self.expires_on), ("manufacturedOn", self.manufactured_on)):
                if value is not None:
                    raise field_error(name, f"{name} is given only with a lotNumber.")
        serials_match_units(self.serials, self.units)
        return self

    @field_validator("unit_cost")
    @classmethod
    def _cost_on_receipts(cls, unit_cost: Decimal | None, info: ValidationInfo) -> Decimal | None:
        if unit_cost is not None and info.data.get("type") != "receive":
            raise ValueError("unitCost is given only with a receipt (type receive).")
        return unit_cost

    @field_validator("units")
    @classmethod
    def _units_fit_type(cls, units: Decimal, info: ValidationInfo) -> Decimal:
        kind = info.data.get("type")
        if kind == "adjust":
            if units == 0:
                raise ValueError("The field units must not be zero.")
        elif units <= 0:
            raise PydanticCustomError("greater_than", "Input should be greater than 0", {"gt": 0})
        return units

    def request(self) -> MovementRequest:
        """What the ledger records for this body (POST /movements, or a row of POST /movements/bulk)."""
        return MovementRequest(
            type=MovementType(self.type),
            item_id=self.item_id,
            location_id=self.location_id,
            units=self.units,
            reason=self.reason,
            reference=self.reference,
            unit_cost=self.unit_cost,
            lot=None
            if self.lot_number is None
            else LotSpec(self.lot_number, self.expires_on, self.manufactured_on),
            serials=tuple(self.serials or ()),
        )


class MovementLot(ResponseModel):
    lot_id: str = id_of("lot", "lot")
    lot_number: str = Field(validation_alias="number", description="The lot's number.")
    expires_on: date | None = Field(description="The lot's expiry date; null when it has none.")
    units: QuantityOut = Field(description="Signed units of this lot the movement moved.")


class Movement(ResponseModel):
    id: str = id_of("mov", "movement")
    type: MovementType = Field(
        description="`receive`, `issue` (also a consumed reservation), `adjust`, `transfer_out`, `transfer_in` or "
        "`count` (a stocktake's difference)."
    )
    item_id: str = Field(description="The item whose stock moved.")
    location_id: str = Field(description="The location where it moved.")
    warehouse_id: str = Field(description="The location's warehouse.")
    units: QuantityOut = Field(description="Signed change of on-hand units, in the item's unit.")
    balance_after: QuantityOut = Field(description="On-hand units at the location after this movement.")
    sequence: int = Field(description="Position in this item's ledger at this location: 1, 2, 3...")
    reason: str | None = Field(description="Why, in the caller's words; null when not given.")
    reference: str | None = Field(
        description="The caller's own reference (an order number...); null when not given."
    )
    transfer_id: str | None = Field(description="The transfer this movement is half of; null otherwise.")
    stocktake_id: str | None = Field(description="The stocktake whose count posted it; null otherwise.")
    reservation_id: str | None = Field(description="The reservation it consumed; null otherwise.")
    unit_cost: str | None = Field(
        description="What one unit added cost (receipts and other increases), as a decimal string; null "
        "for decreases, transfers and movements recorded before costing."
    )
    cost_amount: str | None = Field(
        description="The value the movement added or took away at the item's cost method (a decrease's "
        "cost of goods), as a decimal string, never negative: `units` gives the direction. Null for "
        "transfers (the item's value does not change) and movements recorded before costing."
    )
    lots: list[MovementLot] = Field(
        description="Lot-tracked items: each lot this movement added to or took from, with its signed "
        "units (an issue may take several, first to expire first); empty for other items."
    )
    serials: list[str] = Field(description="Serial-tracked items: the serials moved; empty for other items.")
    actor_type: ActorType
    actor_id: ActorId
    request_id: RequestId
    created_at: CreatedAt

    @field_validator("unit_cost", "cost_amount", mode="before")
    @classmethod
    def _amount_as_text(cls, value: Any) -> Any:
        return format_amount(value) if isinstance(value, Decimal) else value


class MovementList(ListBody):
    data: list[Movement]
