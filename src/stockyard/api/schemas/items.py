"""Item request and response bodies."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import DECIMAL_NUMBER, RequestModel, ResponseModel, in_words
from stockyard.core.money import format_amount
from stockyard.inventory.items import ItemRecord

Sku = Annotated[
    str,
    Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._/+#-]*$"),
    in_words(
        "1 to 64 characters from A to Z, a to z, 0 to 9 and '.', '_', '/', '+', '#', '-', "
        "starting with a letter or digit"
    ),
]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Unit = Annotated[str, Field(min_length=1, max_length=20)]
UnitCost = Annotated[
    Decimal, Field(ge=0, max_digits=14, decimal_places=4, allow_inf_nan=False), DECIMAL_NUMBER
]
TagName = Annotated[str, Field(min_length=1, max_length=60)]


class ItemCreate(RequestModel):
    sku: Sku
    name: Name
    description: Annotated[str, Field(max_length=2000)] | None = None
    unit: Unit = "each"
    barcode: Annotated[str, Field(max_length=64)] | None = None
    reorder_point: Annotated[int, Field(ge=0, le=2_000_000_000)] | None = None
    unit_cost: UnitCost | None = None
    tags: Annotated[list[TagName], Field(max_length=20)] | None = None
    archived: bool = False


class ItemUpdate(RequestModel):
    non_nullable = frozenset({"sku", "name", "archived", "unit"})

    sku: Sku | None = None
    name: Name | None = None
    description: Annotated[str, Field(max_length=2000)] | None = None
    unit: Unit | None = None
    barcode: Annotated[str, Field(max_length=64)] | None = None
    reorder_point: Annotated[int, Field(ge=0, le=2_000_000_000)] | None = None
    unit_cost: UnitCost | None = None
    tags: Annotated[list[TagName], Field(max_length=20)] | None = None
    archived: bool | None = None


class Item(ResponseModel):
    id: str
    sku: str
    name: str
    description: str | None
    unit: str
    barcode: str | None
    reorder_point: int | None
    unit_cost: str | None = Field(description="Decimal string, up to 4 decimal places.")
    tags: list[str]
    archived: bool
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, record: ItemRecord) -> Item:
        return cls(
            id=record.id,
            sku=record.sku,
            name=record.name,
            description=record.description,
            unit=record.unit,
            barcode=record.barcode,
            reorder_point=record.reorder_point,
            unit_cost=None if record.unit_cost is None else format_amount(record.unit_cost),
            tags=record.tags,
            archived=record.archived,
            created_at=record.created_at,
            updated_at=record.updated_at,
        )


class ItemList(ResponseModel):
    data: list[Item]
    next_cursor: str | None
