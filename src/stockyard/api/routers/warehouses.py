"""Warehouses and their locations: /api/v1/warehouses, /api/v1/warehouses/{id}/locations, /api/v1/locations."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Response

from stockyard.api.deps import authorize, over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    IN_WAREHOUSE,
    LIST_ERRORS,
    LIST_IN_WAREHOUSE,
    READ_IN_WAREHOUSE,
    WRITE_ERRORS,
    ArchivedFilter,
    InventoryReader,
    LocationId,
    WarehouseFilter,
    WarehouseId,
    api_router,
    created,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, create_route, list_route
from stockyard.api.schemas.warehouses import (
    Location,
    LocationCreate,
    LocationList,
    LocationUpdate,
    Warehouse,
    WarehouseCreate,
    WarehouseList,
    WarehouseUpdate,
)
from stockyard.api.timestamps import Timestamp
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.errors import catalog
from stockyard.inventory.locations import LOCATION_SORTS, LocationFilters, LocationService
from stockyard.inventory.warehouses import WAREHOUSE_SORTS, WarehouseFilters, WarehouseService

TAG = ApiTag(80, "warehouses", "Warehouses and their locations (bins), where stock is held.")
router = api_router(TAG)

Warehouses = Annotated[WarehouseService, Depends(over_database(WarehouseService))]
Locations = Annotated[LocationService, Depends(over_database(LocationService))]

Manager = Annotated[Context, Depends(authorize(Permission.WAREHOUSES_MANAGE))]

# Changing a warehouse or a location: the If-Match precondition, and stock that forbids archiving or deleting.
_CHANGE_ERRORS = (*WRITE_ERRORS, *IN_WAREHOUSE, catalog.PRECONDITION_FAILED, catalog.LOCATION_NOT_EMPTY)


# --- warehouses ----------------------------------------------------------------------------------
@create_route(
    router,
    "/warehouses",
    Operation(
        "createWarehouse",
        "Create a warehouse",
        (*WRITE_ERRORS, catalog.WAREHOUSE_OUT_OF_SCOPE, catalog.DUPLICATE_SHORT_ID),
    ),
)
async def create_warehouse(
    body: WarehouseCreate, ctx: Manager, warehouses: Warehouses, response: Response
) -> Warehouse:
    record = await warehouses.create(ctx, short_id=body.short_id, name=body.name, address=body.address)
    return created(response, record, f"{API_V1}/warehouses/{record.id}", Warehouse.of)


list_route(
    router,
    "/warehouses",
    Operation(
        "listWarehouses", "List the warehouses the caller may see, oldest first unless sorted", LIST_ERRORS
    ),
    InventoryReader,
    Warehouses,
    WarehouseList,
    WarehouseService.list,
    WAREHOUSE_SORTS,
    WarehouseFilters,
    archived=ArchivedFilter,
    updated_since=Annotated[
        Timestamp | None, Query(alias="updatedSince", description="Changed at or after.")
    ],
)


_warehouse = ResourceRoutes(router, "/warehouses/{warehouseId}", WarehouseId, Warehouses, Warehouse)
_warehouse.conditional_get(Operation("getWarehouse", "Get a warehouse", READ_IN_WAREHOUSE), InventoryReader)
_warehouse.update(
    Operation(
        "updateWarehouse", "Update or archive a warehouse", (*_CHANGE_ERRORS, catalog.DUPLICATE_SHORT_ID)
    ),
    Manager,
    WarehouseUpdate,
)
_warehouse.delete(
    Operation(
        "deleteWarehouse",
        "Delete a warehouse that has never held stock (archive it otherwise)",
        (*_CHANGE_ERRORS, catalog.CONFLICT),
    ),
    Manager,
)


# --- locations -----------------------------------------------------------------------------------
@create_route(
    router,
    "/warehouses/{warehouseId}/locations",
    Operation(
        "createLocation",
        "Create a location (bin) in a warehouse",
        (*WRITE_ERRORS, *IN_WAREHOUSE, catalog.ALREADY_EXISTS, catalog.EXCEEDED_LIMIT, catalog.INVALID_STATE),
    ),
)
async def create_location(
    warehouse_id: WarehouseId, body: LocationCreate, ctx: Manager, locations: Locations, response: Response
) -> Location:
    record = await locations.create(ctx, warehouse_id, code=body.code, name=body.name)
    return created(response, record, f"{API_V1}/locations/{record.id}", Location.of)


def _list_locations(path: str, operation: Operation, **warehouse: Any) -> None:
    """Declare a list of locations. Both lists read the same service with the same sorts and the
    `archived` filter; they differ only in where the warehouse comes from: the path of
    `/warehouses/{warehouseId}/locations` (`parent=`), or the optional `warehouseId` filter of
    `/locations` (a warehouse found or 404, in scope or 403)."""
    list_route(
        router,
        path,
        operation,
        InventoryReader,
        Locations,
        LocationList,
        LocationService.list,
        LOCATION_SORTS,
        LocationFilters,
        **warehouse,
        archived=ArchivedFilter,
    )


_list_locations(
    "/warehouses/{warehouseId}/locations",
    Operation(
        "listWarehouseLocations",
        "List the locations of a warehouse, oldest first unless sorted",
        LIST_IN_WAREHOUSE,
    ),
    parent=("warehouse_id", WarehouseId),
)
_list_locations(
    "/locations",
    Operation(
        "listLocations",
        "List the locations the caller may see, oldest first unless sorted",
        LIST_IN_WAREHOUSE,
    ),
    warehouse_id=WarehouseFilter,
)


_location = ResourceRoutes(router, "/locations/{locationId}", LocationId, Locations, Location)
_location.conditional_get(Operation("getLocation", "Get a location", READ_IN_WAREHOUSE), InventoryReader)
_location.update(
    Operation(
        "updateLocation",
        "Update or archive a location (archiving needs it empty)",
        (*_CHANGE_ERRORS, catalog.ALREADY_EXISTS, catalog.RESOURCE_LOCKED),
    ),
    Manager,
    LocationUpdate,
)
_location.delete(
    Operation(
        "deleteLocation",
        "Delete a location that has never held stock (archive it otherwise)",
        (*_CHANGE_ERRORS, catalog.CONFLICT, catalog.RESOURCE_LOCKED),
    ),
    Manager,
)
