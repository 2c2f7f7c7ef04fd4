"""Movement (ledger entry) request and response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from stockyard.api.schemas.base import RequestModel, ResponseModel
from stockyard.inventory.ledger import MovementRecord

MAX_UNITS = 1_000_000_000
ResourceId = Annotated[str, Field(min_length=1, max_length=32)]
Reason = Annotated[str, Field(max_length=500)]
Reference = Annotated[str, Field(max_length=200)]


class MovementCreate(RequestModel):
    type: Literal["receive", "issue", "adjust"]
    item_id: ResourceId
    location_id: ResourceId
    units: Annotated[int, Field(ge=-MAX_UNITS, le=MAX_UNITS)] = Field(
        description="Positive for receive and issue; a non-zero signed change for adjust."
    )
    reason: Reason | None = None
    reference: Reference | None = None

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


class Movement(ResponseModel):
    id: str
    type: str
    item_id: str
    location_id: str
    warehouse_id: str
    units: int = Field(description="Signed change of on-hand units.")
    balance_after: int = Field(description="On-hand units at the location after this movement.")
    sequence: int = Field(description="Position in this item's ledger at this location: 1, 2, 3...")
    reason: str | None
    reference: str | None
    transfer_id: str | None
    stocktake_id: str | None
    reservation_id: str | None
    actor_type: str
    actor_id: str | None
    request_id: str | None
    created_at: datetime

    @classmethod
    def of(cls, record: MovementRecord) -> Movement:
        return cls(
            id=record.id,
            type=record.type,
            item_id=record.item_id,
            location_id=record.location_id,
            warehouse_id=record.warehouse_id,
            units=record.units,
            balance_after=record.balance_after,
            sequence=record.sequence,
            reason=record.reason,
            reference=record.reference,
            transfer_id=record.transfer_id,
            stocktake_id=record.stocktake_id,
            reservation_id=record.reservation_id,
            actor_type=record.actor_type,
            actor_id=record.actor_id,
            request_id=record.request_id,
            created_at=record.created_at,
        )


class MovementList(ResponseModel):
    data: list[Movement]
    next_cursor: str | None
