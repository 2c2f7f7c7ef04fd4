"""Warehouse and location request and response bodies."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import (
    CreatedAt,
    NextCursor,
    RequestModel,
    ResponseModel,
    UpdatedAt,
    UpdateModel,
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
    id: str
    short_id: str
    name: str
    address: str | None
    archived: bool
    created_at: CreatedAt
    updated_at: UpdatedAt


class WarehouseList(ResponseModel):
    data: list[Warehouse]
    next_cursor: NextCursor


class LocationCreate(RequestModel):
    code: LocationCode
    name: Name | None = None


class LocationUpdate(UpdateModel[LocationChanges]):
    non_nullable = frozenset({"code", "archived"})

    code: LocationCode | None = None
    name: Name | None = None
    archived: bool | None = None


class Location(ResponseModel):
    id: str
    warehouse_id: str
    code: str
    name: str | None
    archived: bool
    locked_by: str | None = Field(description="The open stocktake that locks the location, if any.")
    created_at: CreatedAt
    updated_at: UpdatedAt


class LocationList(ResponseModel):
    data: list[Location]
    next_cursor: NextCursor
