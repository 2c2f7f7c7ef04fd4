"""Reservation request and response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import ISO_DATE_TIME, RequestModel, ResponseModel
from stockyard.api.schemas.movements import MAX_UNITS, Movement, Reference, ResourceId
from stockyard.api.timestamps import Timestamp
from stockyard.inventory.reservations import ReservationConsumed as ConsumedRecord
from stockyard.inventory.reservations import ReservationRecord

MAX_TTL_SECONDS = 30 * 24 * 3600


class ReservationCreate(RequestModel):
    item_id: ResourceId
    location_id: ResourceId
    units: Annotated[int, Field(gt=0, le=MAX_UNITS)]
    expires_at: Annotated[Timestamp, ISO_DATE_TIME] | None = Field(
        default=None, description="When the hold lapses; or ttlSeconds."
    )
    ttl_seconds: Annotated[int, Field(gt=0, le=MAX_TTL_SECONDS)] | None = None
    reference: Reference | None = None


class Reservation(ResponseModel):
    id: str
    item_id: str
    location_id: str
    warehouse_id: str
    units: int
    status: str = Field(description="active, released, consumed, or expired (an active hold past expiresAt).")
    expires_at: datetime
    reference: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, record: ReservationRecord) -> Reservation:
        return cls(
            id=record.id,
            item_id=record.item_id,
            location_id=record.location_id,
            warehouse_id=record.warehouse_id,
            units=record.units,
            status=record.status,
            expires_at=record.expires_at,
            reference=record.reference,
            created_at=record.created_at,
            updated_at=record.updated_at,
        )


class ReservationList(ResponseModel):
    data: list[Reservation]
    next_cursor: str | None


class ReservationConsumed(ResponseModel):
    reservation: Reservation
    movement: Movement

    @classmethod
    def of(cls, result: ConsumedRecord) -> ReservationConsumed:
        return cls(reservation=Reservation.of(result.reservation), movement=Movement.of(result.movement))
