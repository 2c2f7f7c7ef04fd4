"""Item request and response bodies."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal, cast

from pydantic import Field, ValidationInfo, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError, to_json

from stockyard.api.schemas.base import (
    DECIMAL_NUMBER,
    MAX_DECIMAL_TEXT,
    CreatedAt,
    ListBody,
    RequestModel,
    ResponseModel,
    UpdatedAt,
    UpdateModel,
    id_of,
    in_words,
)
from stockyard.core.listing import Page
from stockyard.core.money import format_amount
from stockyard.inventory.items import ItemChanges, ItemRecord
from stockyard.inventory.quantities import MAX_DECIMALS

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
# The unit cost in the document as the Field and DECIMAL_NUMBER read it: a JSON number from 0, or a
# decimal string of at most 10 digits before the point and 4 after (leading zeros and trailing
# zeros after the point do not count; "-0" is zero).
UNIT_COST_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 9_999_999_999.9999},
        {
            "type": "string",
            "maxLength": MAX_DECIMAL_TEXT,
            "pattern": r"^(?:(?:0*[1-9][0-9]{0,9}|0+)(?:\.[0-9]{1,4}0*)?|-0+(?:\.0+)?)$",
        },
    ]
}
UnitCost = Annotated[
    Decimal,
    Field(ge=0, max_digits=14, decimal_places=4, allow_inf_nan=False),
    DECIMAL_NUMBER,
    WithJsonSchema(UNIT_COST_SCHEMA),
]
TagName = Annotated[str, Field(min_length=1, max_length=60)]
CostMethodName = Literal["average", "fifo"]
TrackingName = Literal["none", "lot", "serial"]
Decimals = Annotated[int, Field(ge=0, le=MAX_DECIMALS)]


def _whole_serials(tracking: str | None, decimals: int | None) -> None:
    if tracking == "serial" and decimals:
        raise PydanticCustomError(
            "serial_decimals", "A serial-tracked item counts whole units: decimals must be 0."
        )


class ItemCreate(RequestModel):
    sku: Sku
    name: Name
    description: Annotated[str, Field(max_length=2000)] | None = None
    unit: Unit = "each"
    barcode: Annotated[str, Field(max_length=64)] | None = None
    reorder_point: Annotated[int, Field(ge=0, le=2_000_000_000)] | None = None
    unit_cost: UnitCost | None = None
    cost_method: CostMethodName = "average"
    tracking: TrackingName = "none"
    decimals: Decimals = 0
    tags: Annotated[list[TagName], Field(max_length=20)] | None = None
    archived: bool = False

    @field_validator("decimals")
    @classmethod
    def _serials_count_whole_units(cls, decimals: int, info: ValidationInfo) -> int:
        _whole_serials(info.data.get("tracking"), decimals)
        return decimals

    def changes(self) -> ItemChanges:
        """Every field, defaults included, as the service's typed change set (a test checks that
        its keys are this model's fields)."""
        return cast(ItemChanges, self.model_dump())


class ItemUpdate(UpdateModel[ItemChanges]):
    non_nullable = frozenset({"sku", "name", "archived", "unit", "cost_method", "tracking", "decimals"})

    sku: Sku | None = None
    name: Name | None = None
    description: Annotated[str, Field(max_length=2000)] | None = None
    unit: Unit | None = None
    barcode: Annotated[str, Field(max_length=64)] | None = None
    reorder_point: Annotated[int, Field(ge=0, le=2_000_000_000)] | None = None
    unit_cost: UnitCost | None = None
    cost_method: CostMethodName | None = None
    tracking: TrackingName | None = None
    decimals: Decimals | None = None
    tags: Annotated[list[TagName], Field(max_length=20)] | None = None
    archived: bool | None = None

    @field_validator("decimals")
    @classmethod
    def _serials_count_whole_units(cls, decimals: int | None, info: ValidationInfo) -> int | None:
        _whole_serials(info.data.get("tracking"), decimals)
        return decimals


class Item(ResponseModel):
    id: str = id_of("itm", "item")
    sku: str = Field(
        description="The stock-keeping unit, unique in the workspace (compared case-insensitively)."
    )
    name: str = Field(description="The item's display name.")
    description: str | None = Field(description="Free text; null when not set.")
    unit: str = Field(description="The unit its quantities count in (`each`, `box`, `kg`...).")
    barcode: str | None = Field(description="The barcode (EAN, UPC or any code); null when not set.")
    reorder_point: int | None = Field(
        description="Available units at or below which the item shows in the low-stock report; null for none."
    )
    unit_cost: str | None = Field(
        description="Cost of one unit as a decimal string, up to 4 decimal places (`12.5000`); null when unknown."
    )
    cost_method: CostMethodName = Field(
        description="How its stock is valued: `average` (moving weighted average) or `fifo` (the "
        "oldest units received go out first, at what they cost). Changes only while it has no stock."
    )
    tracking: TrackingName = Field(
        description="How its units are told apart: `none`, `lot` (batches with a lot number and an "
        "optional expiry; issues take the first to expire unless a lot is named) or `serial` (every "
        "unit has its own serial number). Changes only while it has no stock (docs/inventory.md)."
    )
    decimals: int = Field(
        description="How many decimal places its quantities have (0-6): 0 counts whole units; 3 counts "
        "a `kg` item to the gram. Changes only before its first movement."
    )
    tags: list[str] = Field(
        description="The names of the item's tags, in alphabetical order (ignoring case)."
    )
    archived: bool = Field(description="Archived items are kept for history but take no new stock.")
    created_at: CreatedAt
    updated_at: UpdatedAt

    @field_validator("unit_cost", mode="before")
    @classmethod
    def _cost_as_text(cls, value: Any) -> Any:
        return format_amount(value) if isinstance(value, Decimal) else value


class ItemList(ListBody):
    data: list[Item]


def item_body(record: ItemRecord) -> dict[str, Any]:
    """What `Item.of(record)` dumps by alias, built without validating: the record's fields are
    already of the model's types (a test holds the two equal, key order included)."""
    return {
        "id": record.id,
        "sku": record.sku,
        "name": record.name,
        "description": record.description,
        "unit": record.unit,
        "barcode": record.barcode,
        "reorderPoint": record.reorder_point,
        "unitCost": None if record.unit_cost is None else format_amount(record.unit_cost),
        "costMethod": record.cost_method,
        "tracking": record.tracking,
        "decimals": record.decimals,
        "tags": record.tags,
        "archived": record.archived,
        "createdAt": record.created_at,
        "updatedAt": record.updated_at,
    }


def item_list_json(page: Page[ItemRecord]) -> bytes:
    """The JSON of `ItemList.of(page)`, byte for byte, encoded once by the serializer FastAPI uses
    for it (pydantic-core's) without validating 50 models first."""
    body = {
        "data": [item_body(record) for record in page.data],
        "nextCursor": page.next_cursor,
        "hasMore": page.has_more,
    }
    return to_json(body)
