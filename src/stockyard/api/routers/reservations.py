"""Reservations (holds with expiry): /api/v1/reservations."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Query, Response

from stockyard.api.deps import over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    LIST_IN_WAREHOUSE,
    READ_IN_WAREHOUSE,
    STATE_CHANGE_ERRORS,
    STOCK_WRITE_ERRORS,
    InventoryReader,
    InventoryWriter,
    ItemFilter,
    LocationFilter,
    ReservationId,
    Since,
    Until,
    WarehouseFilter,
    api_router,
    located,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, create_route, list_route
from stockyard.api.schemas.reservations import (
    Reservation,
    ReservationConsumed,
    ReservationCreate,
    ReservationList,
)
from stockyard.errors import catalog
from stockyard.inventory.reservations import RESERVATION_SORTS, ReservationFilters, ReservationService

TAG = ApiTag(60, "reservations", "Hold units of an item at a location until released, consumed or expired.")
router = api_router(TAG)

Reservations = Annotated[ReservationService, Depends(over_database(ReservationService))]


@create_route(
    router,
    "/reservations",
    Operation(
        "createReservation",
        "Hold units of an item at a location until released, consumed or expired",
        STOCK_WRITE_ERRORS,
    ),
)
async def create_reservation(
    body: ReservationCreate, ctx: InventoryWriter, reservations: Reservations, response: Response
) -> Reservation:
    record = await reservations.create(
        ctx,
        item_id=body.item_id,
        location_id=body.location_id,
        units=body.units,
        lot_number=body.lot_number,
        expires_at=body.ends_at,
        reference=body.reference,
    )
    located(response, f"{API_V1}/reservations/{record.id}")
    return Reservation.of(record)


list_route(
    router,
    "/reservations",
    Operation("listReservations", "List reservations, oldest first unless sorted", LIST_IN_WAREHOUSE),
    InventoryReader,
    Reservations,
    ReservationList,
    ReservationService.list,
    RESERVATION_SORTS,
    ReservationFilters,
    item_id=ItemFilter,
    location_id=LocationFilter,
    warehouse_id=WarehouseFilter,
    status=Annotated[Literal["active", "released", "consumed", "expired"] | None, Query()],
    since=Since,
    until=Until,
)


_reservation = ResourceRoutes(
    router, "/reservations/{reservationId}", ReservationId, Reservations, Reservation
)
_reservation.get(Operation("getReservation", "Get a reservation", READ_IN_WAREHOUSE), InventoryReader)
_reservation.action(
    "release",
    Operation("releaseReservation", "Release a hold: its units become available again", STATE_CHANGE_ERRORS),
    InventoryWriter,
    ReservationService.release,
)
_reservation.action(
    "consume",
    Operation(
        "consumeReservation",
        "Turn a hold into an issue of its units",
        (*STATE_CHANGE_ERRORS, catalog.RESOURCE_LOCKED, catalog.INSUFFICIENT_STOCK),
    ),
    InventoryWriter,
    ReservationService.consume,
    model=ReservationConsumed,
)
