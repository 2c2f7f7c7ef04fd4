"""Warehouse and location request and response bodies."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import (
    CreatedAt,
    ListBody,
    RequestModel,
    ResponseModel,
    UpdatedAt,
    UpdateModel,
    id_of,
    in_words,
)
from stockyard.inventory.locations import LocationChanges
from stockyard.inventory.warehouses import WarehouseChanges

ShortId = Annotated[
    str,
    Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9-]+$"),
    in_words("1 to 16 characters from A to Z, 0 to 9 and '-'"),
]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Address = Annotated[str, Field(max_length=1000)]
LocationCode = Annotated[
    str,
    Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]*$"),
    in_words(
        "1 to 40 characters from A to Z, a to z, 0 to 9 and '.', '_', '/', '-', starting with a letter or digit"
    ),
]


class WarehouseCreate(RequestModel):
    short_id: ShortId
    name: Name
    address: Address | None = None


class WarehouseUpdate(UpdateModel[WarehouseChanges]):
    non_nullable = frozenset({"short_id", "name", "archived"})

    short_id: ShortId | None = None
    name: Name | None = None
    address: Address | None = None
    archived: bool | None = None


class Warehouse(ResponseModel):
    id: str = id_of("whs", "warehouse")
    short_id: str = Field(
        description="A short code for the warehouse (`MAIN`, `NYC-2`), unique in the workspace."
    )
    name: str = Field(description="The warehouse's display name.")
    address: str | None = Field(description="Its postal address as free text; null when not set.")
    archived: bool = Field(
        description="Archived warehouses are kept for history; their locations take no new stock."
    )
    created_at: CreatedAt
    updated_at: UpdatedAt


class WarehouseList(ListBody):
    data: list[Warehouse]


class LocationCreate(RequestModel):
    code: LocationCode
    name: Name | None = None


class LocationUpdate(UpdateModel[LocationChanges]):
    non_nullable = frozenset({"code", "archived"})

    code: LocationCode | None = None
    name: Name | None = None
    archived: bool | None = None


class Location(ResponseModel):
    id: str = id_of("loc", "location")
    warehouse_id: str = Field(description="The warehouse the location (bin) is in.")
    code: str = Field(description="The location's code (`A-01-03`), unique in its warehouse.")
    name: str | None = Field(description="A display name; null when not set.")
    archived: bool = Field(
        description="Archived locations are kept for history but take no new stock; archiving needs them empty."
    )
    locked_by: str | None = Field(description="The open stocktake that locks the location, if any.")
    created_at: CreatedAt
    updated_at: UpdatedAt


class LocationList(ListBody):
    data: list[Location]
