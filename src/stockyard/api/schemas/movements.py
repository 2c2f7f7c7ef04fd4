"""Movement (ledger entry) request and response bodies."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from stockyard.api.schemas.base import (
    ActorId,
    ActorType,
    CreatedAt,
    ListBody,
    RequestId,
    RequestModel,
    ResponseModel,
    id_of,
)
from stockyard.api.schemas.items import UnitCost
from stockyard.core.money import format_amount
from stockyard.inventory.ledger import MovementType
from stockyard.inventory.movements import MovementRequest

MAX_UNITS = 1_000_000_000
ResourceId = Annotated[str, Field(min_length=1, max_length=32)]
Reason = Annotated[str, Field(max_length=500)]
Reference = Annotated[str, Field(max_length=200)]


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
    units: Annotated[int, Field(ge=-MAX_UNITS, le=MAX_UNITS)] = Field(
        description="Positive for receive and issue; a non-zero signed change for adjust."
    )
    reason: Reason | None = None
    reference: Reference | None = None
    unit_cost: UnitCost | None = Field(
        default=None,
        description="Receipts only: what one unit cost, in the workspace's currency. Without it a "
        "receipt is valued at the item's unitCost, else at its average cost (docs/inventory.md, Cost).",
    )

    @field_validator("unit_cost")
    @classmethod
    def _cost_on_receipts(cls, unit_cost: Decimal | None, info: ValidationInfo) -> Decimal | None:
        if unit_cost is not None and info.data.get("type") != "receive":
            raise ValueError("unitCost is given only with a receipt (type receive).")
        return unit_cost

    @field_validator("units")
    @classmethod
    def _units_fit_type(cls, units: int, info: ValidationInfo) -> int:
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
        )


class Movement(ResponseModel):
    id: str = id_of("mov", "movement")
    type: MovementType = Field(
        description="`receive`, `issue` (also a consumed reservation), `adjust`, `transfer_out`, `transfer_in` or "
        "`count` (a stocktake's difference)."
    )
    item_id: str = Field(description="The item whose stock moved.")
    location_id: str = Field(description="The location where it moved.")
    warehouse_id: str = Field(description="The location's warehouse.")
    units: int = Field(description="Signed change of on-hand units.")
    balance_after: int = Field(description="On-hand units at the location after this movement.")
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
