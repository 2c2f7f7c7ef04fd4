"""What a report is: its name, its columns, and the parameters it accepts."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class ReportName(StrEnum):
    STOCK_ON_HAND = "stock-on-hand"
    LOW_STOCK = "low-stock"
    MOVEMENTS = "movements"
    VALUATION = "valuation"
    COGS = "cogs"
    EXPIRING = "expiring"

    @property
    def financial(self) -> bool:
        """Reports of money: the `reports.financial` permission and the `valuation_report` capability."""
        return self in (ReportName.VALUATION, ReportName.COGS, ReportName.EXPIRING)


class ReportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


class GroupBy(StrEnum):
    LOCATION = "location"
    WAREHOUSE = "warehouse"


class ColumnKind(StrEnum):
    TEXT = "text"  # may hold user text (checked against formula injection in CSV)
    ID = "id"  # a Stockyard id or enum value, never user text
    INTEGER = "integer"
    MONEY = "money"  # rendered as an exact decimal string
    DATETIME = "datetime"  # rendered as ISO 8601


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: ColumnKind = ColumnKind.TEXT


@dataclass(frozen=True, slots=True)
class ReportParams:
    """Parameters as the caller sent them (None: not sent)."""

    group_by: GroupBy | None = None
    as_of: datetime | None = None
    warehouse_id: str | None = None
    location_id: str | None = None
    item_id: str | None = None
    movement_type: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    days: int | None = None  # expiring: the window, in days from today

    def sent(self) -> dict[str, Any]:
        """Parameter wire names → values, for the ones that were sent."""
        names = {
            "group_by": "groupBy",
            "as_of": "asOf",
            "warehouse_id": "warehouseId",
            "location_id": "locationId",
            "item_id": "itemId",
            "movement_type": "type",
            "since": "since",
            "until": "until",
            "days": "days",
        }
        return {wire: getattr(self, name) for name, wire in names.items() if getattr(self, name) is not None}


Row = tuple[Any, ...]


@dataclass(slots=True)
class ReportStream:
    """A report ready to be rendered: its columns, its rows page by page, and optional totals.

    Access checks ran when it was opened, so rendering can no longer fail on permissions.
    """

    name: ReportName
    columns: tuple[Column, ...]
    pages: Callable[[], AsyncIterator[list[Row]]]
    totals: Callable[[], Awaitable[dict[str, Any]]] | None = None
    generated_at: datetime | None = None
    total_row: Callable[[dict[str, Any]], Row] | None = field(default=None)
