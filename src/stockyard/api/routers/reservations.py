"""Reservations (holds with expiry): /api/v1/reservations."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response

from stockyard.api.deps import ServicesDep
from stockyard.api.routers._common import (
    READ_ERRORS,
    WRITE_ERRORS,
    InventoryReader,
    InventoryWriter,
    PageCursor,
    PageLimit,
)
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.reservations import (
    MAX_TTL_SECONDS,
    Reservation,
    ReservationConsumed,
    ReservationCreate,
    ReservationList,
)
from stockyard.clock import utcnow
from stockyard.errors import catalog, validation_failed
from stockyard.inventory.reservations import ReservationService

router = APIRouter(prefix="/api/v1", tags=["reservations"])


async def _reservations(services: ServicesDep) -> ReservationService:
    return ReservationService(services.database)


Reservations = Annotated[ReservationService, Depends(_reservations)]


@router.post(
    "/reservations",
    status_code=201,
    operation_id="createReservation",
    summary="Hold units of an item at a location until released, consumed or expired",
    responses=error_responses(
        *WRITE_ERRORS,
        catalog.NOT_FOUND,
        catalog.WAREHOUSE_OUT_OF_SCOPE,
        catalog.RESOURCE_LOCKED,
        catalog.INSUFFICIENT_STOCK,
        catalog.INVALID_STATE,
        body=True,
    ),
)
async def create_reservation(
    body: ReservationCreate, ctx: InventoryWriter, reservations: Reservations, response: Response
) -> Reservation:
    now = utcnow()
    if (body.expires_at is None) == (body.ttl_seconds is None):
        raise validation_failed({"expiresAt": ["Send exactly one of expiresAt and ttlSeconds."]})
    if body.expires_at is not None:
        if body.expires_at <= now:
            raise validation_failed({"expiresAt": ["The field expiresAt must be in the future."]})
        if body.expires_at > now + timedelta(seconds=MAX_TTL_SECONDS):
            raise validation_failed({"expiresAt": ["The field expiresAt must be at most 30 days ahead."]})
        expires_at = body.expires_at
    else:
        assert body.ttl_seconds is not None
        expires_at = now + timedelta(seconds=body.ttl_seconds)
    record = await reservations.create(
        ctx,
        item_id=body.item_id,
        location_id=body.location_id,
        units=body.units,
        expires_at=expires_at,
        reference=body.reference,
    )
    response.headers["Location"] = f"/api/v1/reservations/{record.id}"
    return Reservation.of(record)


@router.get(
    "/reservations",
    operation_id="listReservations",
    summary="List reservations, oldest first",
    responses=error_responses(
        *READ_ERRORS, catalog.NOT_FOUND, catalog.WAREHOUSE_OUT_OF_SCOPE, catalog.INVALID_PARAMETER
    ),
)
async def list_reservations(
    ctx: InventoryReader,
    reservations: Reservations,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    item_id: Annotated[str | None, Query(alias="itemId", max_length=32)] = None,
    location_id: Annotated[str | None, Query(alias="locationId", max_length=32)] = None,
    status: Annotated[Literal["active", "released", "consumed", "expired"] | None, Query()] = None,
) -> ReservationList:
    page = await reservations.list(
        ctx, item_id=item_id, location_id=location_id, status=status, cursor=cursor, limit=limit
    )
    return ReservationList(
        data=[Reservation.of(record) for record in page.data], next_cursor=page.next_cursor
    )


@router.get(
    "/reservations/{reservation_id}",
    operation_id="getReservation",
    summary="Get a reservation",
    responses=error_responses(*READ_ERRORS, catalog.NOT_FOUND, catalog.WAREHOUSE_OUT_OF_SCOPE),
)
async def get_reservation(
    reservation_id: str, ctx: InventoryReader, reservations: Reservations
) -> Reservation:
    return Reservation.of(await reservations.get(ctx, reservation_id))


@router.post(
    "/reservations/{reservation_id}/release",
    operation_id="releaseReservation",
    summary="Release a hold: its units become available again",
    responses=error_responses(
        *WRITE_ERRORS, catalog.NOT_FOUND, catalog.WAREHOUSE_OUT_OF_SCOPE, catalog.INVALID_STATE
    ),
)
async def release_reservation(
    reservation_id: str, ctx: InventoryWriter, reservations: Reservations
) -> Reservation:
    return Reservation.of(await reservations.release(ctx, reservation_id))


@router.post(
    "/reservations/{reservation_id}/consume",
    operation_id="consumeReservation",
    summary="Turn a hold into an issue of its units",
    responses=error_responses(
        *WRITE_ERRORS,
        catalog.NOT_FOUND,
        catalog.WAREHOUSE_OUT_OF_SCOPE,
        catalog.INVALID_STATE,
        catalog.RESOURCE_LOCKED,
        catalog.INSUFFICIENT_STOCK,
    ),
)
async def consume_reservation(
    reservation_id: str, ctx: InventoryWriter, reservations: Reservations
) -> ReservationConsumed:
    return ReservationConsumed.of(await reservations.consume(ctx, reservation_id))
