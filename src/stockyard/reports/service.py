"""Opens a report for a caller: access checks first, then a stream of keyset pages.

Checks, in order (after the route's `reports.read`): `valuation` and `cogs` need the `reports.financial`
permission (403 report_access_denied), then the plan capability `valuation_report` (403
missing_capability); then the parameters (one that does not apply to the report, a timestamp out
of range, `to` not after `from`: 400); then parameters that name a warehouse, location or item are
looked up in the caller's workspace (404) and, for warehouses, checked against an API key's
warehouse scope (403).

Then `open()` reads the first page, so that a report that cannot be read fails while its caller
can still answer with an error: the HTTP route sends its status line only after `open()`.

Rows are read in pages of `page_size`, each in its own short read transaction, so a long export
never holds the database (SQLite has one connection) and memory does not grow with the report.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from sqlalchemy import select

from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.core.plans import Capability
from stockyard.db.database import Connection, Database
from stockyard.db.tables import items, locations, warehouses
from stockyard.db.types import TIMESTAMP_RANGE, in_range
from stockyard.errors import StockyardError, catalog
from stockyard.inventory import scope
from stockyard.reports.model import GroupBy, ReportName, ReportParams, ReportStream, Row
from stockyard.reports.queries import (
    Cogs,
    Expiring,
    Key,
    LowStock,
    Movements,
    ReportQuery,
    Scope,
    StockByLocation,
    StockByWarehouse,
    Valuation,
)

PAGE_SIZE = 5_000

# Which optional parameters each report accepts (wire names).
ACCEPTED: dict[ReportName, frozenset[str]] = {
    ReportName.STOCK_ON_HAND: frozenset({"groupBy", "asOf", "warehouseId", "locationId", "itemId"}),
    ReportName.LOW_STOCK: frozenset({"warehouseId", "locationId", "itemId"}),
    ReportName.MOVEMENTS: frozenset({"warehouseId", "locationId", "itemId", "type", "since", "until"}),
    ReportName.VALUATION: frozenset({"warehouseId", "itemId", "asOf"}),
    ReportName.COGS: frozenset({"warehouseId", "itemId", "since", "until"}),
    ReportName.EXPIRING: frozenset({"warehouseId", "locationId", "itemId", "days"}),
}


def parse_name(name: str) -> ReportName:
    try:
        return ReportName(name)
    except ValueError:
        raise StockyardError(
            catalog.NOT_FOUND,
            f"There is no report named '{name[:60]}'. Reports: {', '.join(n.value for n in ReportName)}.",
        ) from None


class ReportService:
    def __init__(self, database: Database, *, page_size: int | None = None) -> None:
        self._db = database
        self._page_size = page_size or PAGE_SIZE

    async def open(self, ctx: Context, name: ReportName, params: ReportParams) -> ReportStream:
        """Check access and parameters and read the first page; the stream reads the rest when
        iterated."""
        principal = ctx.principal
        if name.financial:
            if Permission.REPORTS_FINANCIAL not in principal.permissions:
                raise StockyardError(catalog.REPORT_ACCESS_DENIED)
            principal.require_capability(Capability.VALUATION_REPORT)
        _check_parameters(name, params)
        await self._db.transact(_check_references, ctx, params)
        now = utcnow()
        scope = Scope(ctx.workspace_id, principal.warehouse_ids, self._db.dialect)
        query = _query(name, scope, params, now)
        first = [await self._page(query, None)]
        stream = ReportStream(
            name=name, columns=query.columns, pages=lambda: self._pages(query, first), generated_at=now
        )
        if isinstance(query, Valuation):
            valuation = query

            async def totals() -> dict[str, Any]:
                return await self._db.transact(valuation.totals)

            stream.totals = totals
            stream.total_row = _valuation_total_row
        return stream

    async def _page(self, query: ReportQuery, after: Key | None) -> tuple[list[Row], Key | None]:
        rows, after = await self._db.transact(query.fetch_page, after, self._page_size)
        return [query.render(row) for row in rows], after

    async def _pages(
        self, query: ReportQuery, first: list[tuple[list[Row], Key | None]]
    ) -> AsyncIterator[list[Row]]:
        """The pages of `query`, starting with the one `open()` read (read again if taken)."""
        rows, after = first.pop() if first else await self._page(query, None)
        while True:
            if rows:
                yield rows
            if after is None:
                return
            rows, after = await self._page(query, after)


def _query(name: ReportName, scope: Scope, params: ReportParams, now: datetime) -> ReportQuery:
    if name is ReportName.STOCK_ON_HAND:
        if params.group_by is GroupBy.WAREHOUSE:
            return StockByWarehouse(scope, params, now)
        return StockByLocation(scope, params, now)
    if name is ReportName.LOW_STOCK:
        return LowStock(scope, params, now)
    if name is ReportName.MOVEMENTS:
        return Movements(scope, params, now)
    if name is ReportName.COGS:
        return Cogs(scope, params, now)
    if name is ReportName.EXPIRING:
        return Expiring(scope, params, now)
    return Valuation(scope, params, now)


def _valuation_total_row(totals: dict[str, Any]) -> Row:
    return ("", "TOTAL", "", "", "", "", "", totals["onHand"], "", totals["value"])


def _check_parameters(name: ReportName, params: ReportParams) -> None:
    accepted = ACCEPTED[name]
    for wire in params.sent():
        if wire not in accepted:
            raise StockyardError(
                catalog.INVALID_PARAMETER,
                f"The parameter {wire} does not apply to the {name.value} report.",
                param=wire,
            )
    # The API refuses these when it parses them (api/timestamps.py); other callers (the CLI's
    # --as-of) get the same answer here.
    for wire, value in (("asOf", params.as_of), ("since", params.since), ("until", params.until)):
        if value is not None and not in_range(value):
            raise StockyardError(
                catalog.INVALID_PARAMETER, f"The parameter {wire} must be {TIMESTAMP_RANGE}.", param=wire
            )
    if params.since is not None and params.until is not None and params.until <= params.since:
        raise StockyardError(
            catalog.INVALID_PARAMETER, "The parameter until must be later than since.", param="until"
        )


async def _check_references(conn: Connection, ctx: Context, params: ReportParams) -> None:
    """Named warehouse/location/item must exist in the caller's workspace; warehouses in scope."""
    principal = ctx.principal
    if params.warehouse_id is not None:
        found = await conn.execute(
            select(warehouses.c.id).where(
                warehouses.c.workspace_id == ctx.workspace_id, warehouses.c.id == params.warehouse_id
            )
        )
        if found.first() is None:
            raise StockyardError(catalog.NOT_FOUND, "The warehouse does not exist.", param="warehouseId")
        scope.require(principal, params.warehouse_id)
    if params.location_id is not None:
        row = (
            await conn.execute(
                select(locations.c.warehouse_id).where(
                    locations.c.workspace_id == ctx.workspace_id, locations.c.id == params.location_id
                )
            )
        ).first()
        if row is None:
            raise StockyardError(catalog.NOT_FOUND, "The location does not exist.", param="locationId")
        scope.require(principal, row.warehouse_id)
    if params.item_id is not None:
        found = await conn.execute(
            select(items.c.id).where(items.c.workspace_id == ctx.workspace_id, items.c.id == params.item_id)
        )
        if found.first() is None:
            raise StockyardError(catalog.NOT_FOUND, "The item does not exist.", param="itemId")
