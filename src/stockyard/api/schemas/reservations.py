"""Reservation request and response bodies."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Literal, Self

from pydantic import ConfigDict, Field, PrivateAttr, model_validator

from stockyard.api.schemas.base import (
    ISO_DATE_TIME,
    CreatedAt,
    ListBody,
    RequestModel,
    ResponseModel,
    UpdatedAt,
    field_error,
    id_of,
)
from stockyard.api.schemas.movements import LotNumber, Movement, Reference, ResourceId
from stockyard.api.schemas.quantities import QuantityIn, QuantityOut
from stockyard.api.timestamps import Timestamp
from stockyard.core.clock import utcnow

MAX_TTL_SECONDS = 30 * 24 * 3600


class ReservationCreate(RequestModel):
    # `_one_expiry` in the document: exactly one of expiresAt and ttlSeconds, not null.
    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["expiresAt"], "properties": {"expiresAt": {"not": {"type": "null"}}}},
                {"required": ["ttlSeconds"], "properties": {"ttlSeconds": {"not": {"type": "null"}}}},
            ]
        }
    )

    item_id: ResourceId
    location_id: ResourceId
    units: Annotated[QuantityIn, Field(gt=0)]
    lot_number: LotNumber | None = Field(
        default=None,
        description="Lot-tracked items: hold units of this lot (consuming issues it); without it the hold "
        "is on the item at the location and consuming issues the lots that expire first.",
    )
    expires_at: Annotated[Timestamp, ISO_DATE_TIME] | None = Field(
        default=None, description="When the hold lapses; or ttlSeconds."
    )
    ttl_seconds: Annotated[int, Field(gt=0, le=MAX_TTL_SECONDS)] | None = None
    reference: Reference | None = None

    _ends_at: datetime = PrivateAttr()

    @property
    def ends_at(self) -> datetime:
        """When the hold lapses: expiresAt as sent, or ttlSeconds from the time the body was read."""
        return self._ends_at

    @model_validator(mode="after")
    def _one_expiry(self) -> Self:
        now = utcnow()
        if self.expires_at is not None and self.ttl_seconds is None:
            if self.expires_at <= now:
                raise field_error("expiresAt", "The field expiresAt must be in the future.")
            if self.expires_at > now + timedelta(seconds=MAX_TTL_SECONDS):
                raise field_error("expiresAt", "The field expiresAt must be at most 30 days ahead.")
            self._ends_at = self.expires_at
        elif self.ttl_seconds is not None and self.expires_at is None:
            self._ends_at = now + timedelta(seconds=self.ttl_seconds)
        else:
            raise field_error("expiresAt", "Send exactly one of expiresAt and ttlSeconds.")
        return self


class Reservation(ResponseModel):
    id: str = id_of("res", "reservation")
    item_id: str = Field(description="The item held.")
    location_id: str = Field(description="The location the units are held at.")
    warehouse_id: str = Field(description="The location's warehouse.")
    units: QuantityOut = Field(description="Units held, more than 0, in the item's unit.")
    lot_number: str | None = Field(description="The lot held; null for a hold on the item at the location.")
    status: Literal["active", "released", "consumed", "expired"] = Field(
        description="active, released, consumed, or expired (an active hold past expiresAt)."
    )
    expires_at: datetime = Field(description="When an active hold lapses on its own (ISO 8601, UTC).")
    reference: str | None = Field(
        description="The caller's own reference (an order number...); null when not given."
    )
    created_at: CreatedAt
    updated_at: UpdatedAt


class ReservationList(ListBody):
    data: list[Reservation]


class ReservationConsumed(ResponseModel):
    reservation: Reservation
    movement: Movement
