"""The SQL of each report, as keyset-paged Core queries scoped to one workspace and warehouse scope.

Each query returns at most `limit` rows after the key `after` (None: from the start), ordered by
that key, so a report is read in short transactions of one page each and memory stays flat.
Money is computed in SQL on integers (`unit_cost_e4`); on PostgreSQL the product is NUMERIC so it
cannot overflow a BIGINT.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, Numeric, Select, and_, cast, func, literal, select, tuple_

from stockyard.core.money import format_e4
from stockyard.db.database import Connection
from stockyard.db.filters import where_given, within
from stockyard.db.tables import (
    cost_layers,
    item_costs,
    items,
    locations,
    lot_levels,
    lots,
    movements,
    reservations,
    stock_levels,
    warehouses,
)
from stockyard.inventory.costing import share, worth_of
from stockyard.inventory.holds import holding
from stockyard.inventory.quantities import Quantity, report_number, sql_scale, to_quantity
from stockyard.reports.model import Column, ColumnKind, ReportParams, Row

Key = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose rows a report may show: one workspace, optionally a set of warehouses."""

    workspace_id: str
    warehouse_ids: frozenset[str] | None  # None: every warehouse
    dialect: str

    def warehouses(self, column: Any) -> ColumnElement[bool]:
        if self.warehouse_ids is None:
            return literal(True)
        return column.in_(sorted(self.warehouse_ids))  # type: ignore[no-any-return]


def _after(columns: Sequence[Any], after: Key | None) -> ColumnElement[bool]:
    if after is None:
        return literal(True)
    if len(columns) == 1:
        return columns[0] > after[0]  # type: ignore[no-any-return]
    return tuple_(*columns) > tuple_(*after)


def _number(quantity: Quantity) -> int | float:
    return quantity if isinstance(quantity, int) else float(quantity)


def _money(value: Any) -> str | None:
    return None if value is None else format_e4(int(value))


def _product(scope: Scope, units: Any, cost_e4: Any) -> Any:
    if scope.dialect == "postgresql":
        return cast(units, Numeric(38, 0)) * cost_e4
    return units * cost_e4


def _share(scope: Scope, value_e4: Any, units: Any, of_units: Any) -> Any:
    """value * units / of_units, rounded half up, in SQL; null when `of_units` is 0. Exact on both
    backends: integer arithmetic on SQLite, NUMERIC on PostgreSQL (no BIGINT overflow)."""
    if scope.dialect == "postgresql":
        return func.round(cast(value_e4, Numeric(38, 0)) * units / func.nullif(of_units, 0))
    # SQLite's own integer `/` (truncating, and these are never negative); SQLAlchemy's `//` would
    # call a FLOOR of its own that fails on the NULL of a zero divisor.
    return (2 * value_e4 * units + of_units).self_group().op("/", precedence=8)(func.nullif(2 * of_units, 0))


def _stock_page(levels: Any, *, by_location: bool, extra: Sequence[Any] = ()) -> Select[Any]:
    """A page of summed stock (`levels`: item, warehouse, [location,] on_hand) with the item's and
    the warehouse's names (and the location's code), in key order; `extra` columns come last."""
    place = (levels.c.location_id, locations.c.code) if by_location else ()
    query = (
        select(
            levels.c.item_id,
            items.c.sku,
            items.c.name,
            items.c.unit,
            levels.c.warehouse_id,
            warehouses.c.short_id,
            warehouses.c.name.label("warehouse_name"),
            *place,
            levels.c.on_hand,
            *extra,
            items.c.decimals.label("item_decimals"),  # last: renders read it by name
        )
        .select_from(levels)
        .join(items, items.c.id == levels.c.item_id)
    )
    if by_location:
        query = query.join(locations, locations.c.id == levels.c.location_id)
    query = query.join(warehouses, warehouses.c.id == levels.c.warehouse_id)
    return query.order_by(levels.c.item_id, levels.c.location_id if by_location else levels.c.warehouse_id)


class ReportQuery:
    columns: tuple[Column, ...] = ()

    def __init__(self, scope: Scope, params: ReportParams, now: datetime) -> None:
        self.scope = scope
        self.params = params
        self.now = now

    def statement(self, after: Key | None, limit: int) -> Select[Any]:
        raise NotImplementedError

    def key(self, row: Any) -> Key:
        raise NotImplementedError

    def render(self, row: Any) -> Row:
        return tuple(row)

    def _place_filters(self, table: Any, *, location: bool = True) -> list[tuple[Any, object | None]]:
        """The optional warehouseId / locationId / itemId filters, on `table`'s columns (without
        locationId for a report that has no location column)."""
        p = self.params
        return [
            (table.c.warehouse_id, p.warehouse_id),
            *([(table.c.location_id, p.location_id)] if location else []),
            (table.c.item_id, p.item_id),
        ]

    def _per_item_and_warehouse(
        self, table: Any, units: Any, after: Key | None, limit: int, *conditions: Any, location: bool = True
    ) -> Any:
        """One page of `units` summed per (item, warehouse) over `table`'s rows that meet
        `conditions`, leaving out zero totals."""
        c = table.c
        total = func.sum(units)
        query = (
            select(c.item_id, c.warehouse_id, total.label("on_hand"))
            .where(
                c.workspace_id == self.scope.workspace_id,
                *conditions,
                self.scope.warehouses(c.warehouse_id),
                _after((c.item_id, c.warehouse_id), after),
            )
            .group_by(c.item_id, c.warehouse_id)
            .having(total != 0)
        )
        query = where_given(query, self._place_filters(table, location=location))
        return query.order_by(c.item_id, c.warehouse_id).limit(limit).subquery("levels")

    async def fetch(self, conn: Connection, after: Key | None, limit: int) -> list[Any]:
        return list(await conn.execute(self.statement(after, limit)))

    async def fetch_page(
        self, conn: Connection, after: Key | None, limit: int
    ) -> tuple[list[Any], Key | None]:
        """A page of rows and the key the next page starts after (None: this was the last)."""
        rows = await self.fetch(conn, after, limit)
        return rows, (self.key(rows[-1]) if len(rows) >= limit else None)


# --- stock on hand --------------------------------------------------------------------------------
_ITEM_COLUMNS = (Column("itemId", ColumnKind.ID), Column("sku"), Column("name"), Column("unit"))
_WAREHOUSE_COLUMNS = (
    Column("warehouseId", ColumnKind.ID),
    Column("warehouseShortId"),
    Column("warehouseName"),
)


class _StockOnHand(ReportQuery):
    """Stock on hand per location or per warehouse: a page of `_levels` with the names of its item
    and place (`_stock_page`), each row its leading columns as read and then on hand in the item's
    decimals."""

    by_location: ClassVar[bool]

    def _levels(self, after: Key | None, limit: int) -> Any:
        raise NotImplementedError

    def statement(self, after: Key | None, limit: int) -> Select[Any]:
        return _stock_page(self._levels(after, limit), by_location=self.by_location)

    def render(self, row: Any) -> Row:
        on_hand_index = len(self.columns) - 1  # on hand is the last column
        return (*tuple(row)[:on_hand_index], report_number(int(row.on_hand), row.item_decimals))


class StockByLocation(_StockOnHand):
    by_location = True
    columns = (
        *_ITEM_COLUMNS,
        *_WAREHOUSE_COLUMNS,
        Column("locationId", ColumnKind.ID),
        Column("locationCode"),
        Column("onHand", ColumnKind.INTEGER),
    )

    def _levels(self, after: Key | None, limit: int) -> Any:
        p = self.params
        if p.as_of is None:
            on_hand = stock_levels.c.on_hand
            return self._pairs(after, limit, on_hand.label("on_hand"), where=[on_hand != 0]).subquery(
                "levels"
            )
        # As of a past instant: the ledger summed for one page of (item, location) pairs. The
        # pairs come from stock_levels (every pair that ever moved has a row), in key order, so
        # each page reads only its own pairs' movements through the (item, location) index.
        pairs = self._pairs(after, limit).subquery("pairs")
        m = movements
        total = func.sum(m.c.units)
        return (
            select(pairs.c.item_id, pairs.c.location_id, pairs.c.warehouse_id, total.label("on_hand"))
            .select_from(pairs)
            .join(m, and_(m.c.item_id == pairs.c.item_id, m.c.location_id == pairs.c.location_id))
            .where(m.c.created_at <= p.as_of)
            .group_by(pairs.c.item_id, pairs.c.location_id, pairs.c.warehouse_id)
            .having(total != 0)
            .subquery("levels")
        )

    def _pairs(self, after: Key | None, limit: int, *columns: Any, where: Sequence[Any] = ()) -> Select[Any]:
        """The next `limit` (item, location) pairs of the workspace in scope that meet `where`, in
        key order, with `columns` of their stock level."""
        sl = stock_levels
        query = select(sl.c.item_id, sl.c.location_id, sl.c.warehouse_id, *columns).where(
            sl.c.workspace_id == self.scope.workspace_id,
            *where,
            self.scope.warehouses(sl.c.warehouse_id),
            _after((sl.c.item_id, sl.c.location_id), after),
        )
        query = where_given(query, self._place_filters(sl))
        return query.order_by(sl.c.item_id, sl.c.location_id).limit(limit)

    async def fetch_page(
        self, conn: Connection, after: Key | None, limit: int
    ) -> tuple[list[Any], Key | None]:
        if self.params.as_of is None:
            return await super().fetch_page(conn, after, limit)
        # The page is bounded by pairs, not by rows: pairs with nothing on hand then are left out.
        pairs = list(await conn.execute(self._pairs(after, limit)))
        if not pairs:
            return [], None
        rows = await self.fetch(conn, after, limit)
        return rows, ((pairs[-1].item_id, pairs[-1].location_id) if len(pairs) >= limit else None)

    def key(self, row: Any) -> Key:
        return (row.item_id, row.location_id)


class StockByWarehouse(_StockOnHand):
    by_location = False
    columns = (*_ITEM_COLUMNS, *_WAREHOUSE_COLUMNS, Column("onHand", ColumnKind.INTEGER))

    def _levels(self, after: Key | None, limit: int) -> Any:
        p = self.params
        if p.as_of is None:
            table, units = stock_levels, stock_levels.c.on_hand
            time_filter: ColumnElement[bool] = literal(True)
        else:
            table, units = movements, movements.c.units
            time_filter = movements.c.created_at <= p.as_of
        return self._per_item_and_warehouse(table, units, after, limit, time_filter)

    def key(self, row: Any) -> Key:
        return (row.item_id, row.warehouse_id)


# --- low stock ------------------------------------------------------------------------------------
class LowStock(ReportQuery):
    """Items whose available units (on hand minus active, unexpired reservations) are at or below
    their reorder point, summed over the warehouses in scope (or the one asked for)."""

    columns = (
        *_ITEM_COLUMNS,
        Column("reorderPoint", ColumnKind.INTEGER),
        Column("onHand", ColumnKind.INTEGER),
        Column("reserved", ColumnKind.INTEGER),
        Column("available", ColumnKind.INTEGER),
        Column("shortfall", ColumnKind.INTEGER),
    )

    def statement(self, after: Key | None, limit: int) -> Select[Any]:
        p = self.params
        sl = stock_levels
        on_hand_query = select(sl.c.item_id, func.sum(sl.c.on_hand).label("units")).where(
            sl.c.workspace_id == self.scope.workspace_id,
            self.scope.warehouses(sl.c.warehouse_id),
            _after((sl.c.item_id,), after),
        )
        r = reservations
        reserved_query = (
            select(r.c.item_id, func.sum(r.c.units).label("units"))
            .join(locations, locations.c.id == r.c.location_id)
            .where(
                r.c.workspace_id == self.scope.workspace_id,
                holding(self.now),
                self.scope.warehouses(locations.c.warehouse_id),
                _after((r.c.item_id,), after),
            )
        )
        on_hand_query = where_given(
            on_hand_query, [(sl.c.warehouse_id, p.warehouse_id), (sl.c.location_id, p.location_id)]
        )
        reserved_query = where_given(
            reserved_query, [(locations.c.warehouse_id, p.warehouse_id), (r.c.location_id, p.location_id)]
        )
        on_hand = on_hand_query.group_by(sl.c.item_id).subquery("on_hand")
        reserved = reserved_query.group_by(r.c.item_id).subquery("reserved")
        units = func.coalesce(on_hand.c.units, 0)
        held = func.coalesce(reserved.c.units, 0)
        available = units - held
        query = (
            select(
                items.c.id,
                items.c.sku,
                items.c.name,
                items.c.unit,
                items.c.reorder_point,
                units.label("on_hand"),
                held.label("reserved"),
                available.label("available"),
                items.c.decimals,
            )
            .select_from(items)
            .outerjoin(on_hand, on_hand.c.item_id == items.c.id)
            .outerjoin(reserved, reserved.c.item_id == items.c.id)
            .where(
                items.c.workspace_id == self.scope.workspace_id,
                items.c.deleted_at.is_(None),
                items.c.archived.is_(False),
                items.c.reorder_point.is_not(None),
                available <= items.c.reorder_point * sql_scale(items.c.decimals),
                _after((items.c.id,), after),
            )
        )
        if p.item_id is not None:
            query = query.where(items.c.id == p.item_id)
        return query.order_by(items.c.id).limit(limit)

    def key(self, row: Any) -> Key:
        return (row.id,)

    def render(self, row: Any) -> Row:
        decimals = int(row.decimals)
        available = to_quantity(int(row.available), decimals)
        shortfall = to_quantity(int(row.reorder_point) * 10**decimals - int(row.available), decimals)
        return (
            row.id,
            row.sku,
            row.name,
            row.unit,
            row.reorder_point,
            report_number(int(row.on_hand), decimals),
            report_number(int(row.reserved), decimals),
            available if isinstance(available, int) else float(available),
            shortfall if isinstance(shortfall, int) else float(shortfall),
        )


# --- movements ------------------------------------------------------------------------------------
class Movements(ReportQuery):
    columns = (
        Column("id", ColumnKind.ID),
        Column("createdAt", ColumnKind.DATETIME),
        Column("type", ColumnKind.ID),
        Column("itemId", ColumnKind.ID),
        Column("sku"),
        Column("warehouseId", ColumnKind.ID),
        Column("warehouseShortId"),
        Column("locationId", ColumnKind.ID),
        Column("locationCode"),
        Column("units", ColumnKind.INTEGER),
        Column("balanceAfter", ColumnKind.INTEGER),
        Column("reason"),
        Column("reference"),
        Column("transferId", ColumnKind.ID),
        Column("actorType", ColumnKind.ID),
        Column("actorId", ColumnKind.ID),
    )

    def statement(self, after: Key | None, limit: int) -> Select[Any]:
        p = self.params
        m = movements
        query = (
            select(
                m.c.id,
                m.c.created_at,
                m.c.type,
                m.c.item_id,
                items.c.sku,
                m.c.warehouse_id,
                warehouses.c.short_id,
                m.c.location_id,
                locations.c.code,
                m.c.units,
                m.c.balance_after,
                m.c.reason,
                m.c.reference,
                m.c.transfer_id,
                m.c.actor_type,
                m.c.actor_id,
                items.c.decimals,
            )
            .select_from(m)
            .join(items, items.c.id == m.c.item_id)
            .join(locations, locations.c.id == m.c.location_id)
            .join(warehouses, warehouses.c.id == m.c.warehouse_id)
            .where(
                m.c.workspace_id == self.scope.workspace_id,
                self.scope.warehouses(m.c.warehouse_id),
                _after((m.c.id,), after),
            )
        )
        query = where_given(query, [*self._place_filters(m), (m.c.type, p.movement_type)])
        return within(query, m.c.created_at, p.since, p.until).order_by(m.c.id).limit(limit)

    def key(self, row: Any) -> Key:
        return (row.id,)

    def render(self, row: Any) -> Row:
        values = list(row)[:-1]  # without the item's decimals
        values[1] = row.created_at.isoformat().replace("+00:00", "Z")
        values[9] = report_number(int(row.units), row.decimals)
        values[10] = report_number(int(row.balance_after), row.decimals)
        return tuple(values)


# --- cost of goods issued -------------------------------------------------------------------------
class Cogs(ReportQuery):
    """Cost of goods issued per item and warehouse over a period (`since`/`until`): the issues
    (consumed reservations included) and what they cost at the item's cost method. Adjustments and
    counts down are shrinkage, not sales, and are left out; so are movements from before costing."""

    columns = (
        *_ITEM_COLUMNS,
        *_WAREHOUSE_COLUMNS,
        Column("unitsIssued", ColumnKind.INTEGER),
        Column("cost", ColumnKind.MONEY),
    )

    def statement(self, after: Key | None, limit: int) -> Select[Any]:
        p = self.params
        m = movements
        issued = (
            select(
                m.c.item_id,
                m.c.warehouse_id,
                func.sum(-m.c.units).label("on_hand"),
                func.sum(-m.c.cost_e4).label("cost_e4"),
            )
            .where(
                m.c.workspace_id == self.scope.workspace_id,
                m.c.type == "issue",
                m.c.cost_e4.is_not(None),
                self.scope.warehouses(m.c.warehouse_id),
                _after((m.c.item_id, m.c.warehouse_id), after),
            )
            .group_by(m.c.item_id, m.c.warehouse_id)
        )
        issued = within(issued, m.c.created_at, p.since, p.until)
        issued = where_given(issued, self._place_filters(m, location=False))
        levels = issued.order_by(m.c.item_id, m.c.warehouse_id).limit(limit).subquery("levels")
        return _stock_page(levels, by_location=False, extra=(levels.c.cost_e4,))

    def key(self, row: Any) -> Key:
        return (row.item_id, row.warehouse_id)

    def render(self, row: Any) -> Row:
        return (*tuple(row)[:7], report_number(int(row.on_hand), row.item_decimals), _money(row.cost_e4))


# --- valuation ------------------------------------------------------------------------------------
class Valuation(ReportQuery):
    """Stock at what it cost, per item and warehouse: the item's stock value at its cost method
    (`item_costs`: the running average, or what its FIFO layers have left), shared over its units.
    `unitCost` is that value per unit; a row's value is its units' share, rounded half up. With
    `asOf`, units and value are summed from the ledger up to that moment."""

    columns = (
        *_ITEM_COLUMNS,
        *_WAREHOUSE_COLUMNS,
        Column("onHand", ColumnKind.INTEGER),
        Column("unitCost", ColumnKind.MONEY),
        Column("value", ColumnKind.MONEY),
    )

    def statement(self, after: Key | None, limit: int) -> Select[Any]:
        if self.params.as_of is None:
            levels = self._per_item_and_warehouse(
                stock_levels, stock_levels.c.on_hand, after, limit, location=False
            )
        else:
            levels = self._per_item_and_warehouse(
                movements, movements.c.units, after, limit, movements.c.created_at <= self.params.as_of,
                location=False,
            )  # fmt: skip
        value = self._item_values()
        extra = (
            # per unit of the item's own unit (stored units are 10**-decimals of it)
            _share(self.scope, value.c.value_e4, sql_scale(items.c.decimals), value.c.units).label(
                "unit_cost_e4"
            ),
            _share(self.scope, value.c.value_e4, levels.c.on_hand, value.c.units).label("value_e4"),
        )
        return _stock_page(levels, by_location=False, extra=extra).outerjoin(
            value, value.c.item_id == levels.c.item_id
        )

    def _item_values(self) -> Any:
        """Each item's units and value over all its locations: now (`item_costs`), or at `asOf`,
        summed from the ledger (every movement records the value it added or took away)."""
        if self.params.as_of is None:
            return item_costs
        m = movements
        return (
            select(
                m.c.item_id,
                func.sum(m.c.units).label("units"),
                func.sum(func.coalesce(m.c.cost_e4, 0)).label("value_e4"),
            )
            .where(
                m.c.workspace_id == self.scope.workspace_id,
                m.c.created_at <= self.params.as_of,
                *([m.c.item_id == self.params.item_id] if self.params.item_id is not None else []),
            )
            .group_by(m.c.item_id)
            .subquery("item_values")
        )

    def key(self, row: Any) -> Key:
        return (row.item_id, row.warehouse_id)

    def render(self, row: Any) -> Row:
        return (
            *tuple(row)[:7],
            report_number(int(row.on_hand), row.item_decimals),
            _money(row.unit_cost_e4),
            _money(row.value_e4),
        )

    def totals_statement(self) -> Select[Any]:
        """Per warehouse, the sum of the report's rows (each an item's share in that warehouse)."""
        when: ColumnElement[bool]
        if self.params.as_of is None:
            table, units, when = stock_levels, stock_levels.c.on_hand, literal(True)
        else:
            table, units, when = movements, movements.c.units, movements.c.created_at <= self.params.as_of
        per_item = (
            select(table.c.item_id, table.c.warehouse_id, func.sum(units).label("on_hand"))
            .where(
                table.c.workspace_id == self.scope.workspace_id,
                when,
                self.scope.warehouses(table.c.warehouse_id),
            )
            .group_by(table.c.item_id, table.c.warehouse_id)
        )
        rows = where_given(per_item, self._place_filters(table, location=False)).subquery("rows")
        values = self._item_values()
        value = _share(self.scope, values.c.value_e4, rows.c.on_hand, values.c.units)
        # Grouped by the items' decimals too: stored units of items with other decimals do not add up
        # until each is turned back into the items' own units (`totals`).
        return (
            select(
                rows.c.warehouse_id,
                warehouses.c.short_id,
                warehouses.c.name,
                items.c.decimals,
                func.sum(rows.c.on_hand).label("on_hand"),
                func.sum(value).label("value_e4"),
            )
            .select_from(rows)
            .outerjoin(values, values.c.item_id == rows.c.item_id)
            .join(warehouses, warehouses.c.id == rows.c.warehouse_id)
            .join(items, items.c.id == rows.c.item_id)
            .group_by(rows.c.warehouse_id, warehouses.c.short_id, warehouses.c.name, items.c.decimals)
            .order_by(rows.c.warehouse_id, items.c.decimals)
        )

    async def totals(self, conn: Connection) -> dict[str, Any]:
        by_warehouse: dict[str, dict[str, Any]] = {}
        units: Quantity = 0
        value = 0
        for row in await conn.execute(self.totals_statement()):
            row_units = to_quantity(int(row.on_hand or 0), int(row.decimals))
            row_value = int(row.value_e4 or 0)
            units += row_units
            value += row_value
            entry = by_warehouse.setdefault(
                row.warehouse_id,
                {
                    "warehouseId": row.warehouse_id,
                    "warehouseShortId": row.short_id,
                    "warehouseName": row.name,
                    "onHand": 0,
                    "value_e4": 0,
                },
            )
            entry["onHand"] += row_units
            entry["value_e4"] += row_value
        warehouses_seen = [
            {
                **{key: entry[key] for key in ("warehouseId", "warehouseShortId", "warehouseName")},
                "onHand": _number(entry["onHand"]),
                "value": format_e4(entry["value_e4"]),
            }
            for entry in by_warehouse.values()
        ]
        return {"onHand": _number(units), "value": format_e4(value), "warehouses": warehouses_seen}


# --- lots that expire soon ------------------------------------------------------------------------
DEFAULT_EXPIRY_DAYS = 30
MAX_EXPIRY_DAYS = 3650


class Expiring(ReportQuery):
    """Lots with units on hand (in the caller's warehouses, and the filters given) whose expiry date
    is at most `days` days away (30 unless given); expired lots are included, with a negative
    `daysLeft`. First to expire first. `value` is what the lot's units cost: a FIFO item's lot at
    its own cost layers, an average-cost item's at the item's average cost."""

    columns = (
        Column("itemId", ColumnKind.ID),
        Column("sku"),
        Column("lotId", ColumnKind.ID),
        Column("lotNumber"),
        Column("expiresOn", ColumnKind.ID),
        Column("daysLeft", ColumnKind.INTEGER),
        Column("onHand", ColumnKind.INTEGER),
        Column("value", ColumnKind.MONEY),
    )

    def statement(self, after: Key | None, limit: int) -> Select[Any]:
        ll = lot_levels
        days = DEFAULT_EXPIRY_DAYS if self.params.days is None else self.params.days
        until = self.now.date() + timedelta(days=days)
        total = func.sum(ll.c.on_hand)
        per_lot = (
            select(ll.c.lot_id, total.label("on_hand"))
            .where(ll.c.workspace_id == self.scope.workspace_id, self.scope.warehouses(ll.c.warehouse_id))
            .group_by(ll.c.lot_id)
            .having(total > 0)
        )
        units = where_given(per_lot, self._place_filters(ll)).subquery("units")
        return (
            select(
                lots.c.item_id,
                items.c.sku,
                lots.c.id.label("lot_id"),
                lots.c.number,
                lots.c.expires_on,
                units.c.on_hand,
                items.c.decimals,
                items.c.cost_method,
                item_costs.c.units.label("item_units"),
                item_costs.c.value_e4.label("item_value_e4"),
            )
            .select_from(lots)
            .join(units, units.c.lot_id == lots.c.id)
            .join(items, items.c.id == lots.c.item_id)
            .outerjoin(item_costs, item_costs.c.item_id == lots.c.item_id)
            .where(
                lots.c.workspace_id == self.scope.workspace_id,
                lots.c.kind == "lot",
                lots.c.expires_on.is_not(None),
                lots.c.expires_on <= until,
                _after((lots.c.expires_on, lots.c.id), after),
            )
            .order_by(lots.c.expires_on, lots.c.id)
            .limit(limit)
        )

    async def fetch(self, conn: Connection, after: Key | None, limit: int) -> list[Any]:
        rows = list(await conn.execute(self.statement(after, limit)))
        fifo = [row.lot_id for row in rows if row.cost_method == "fifo"]
        self._layers: dict[str, tuple[int, int]] = {}  # lot -> (units left, their value)
        if fifo:
            found = await conn.execute(
                select(cost_layers.c.lot_id, cost_layers.c.units_remaining, cost_layers.c.unit_cost_e4).where(
                    cost_layers.c.lot_id.in_(fifo), cost_layers.c.units_remaining > 0
                )
            )
            scales = {row.lot_id: 10 ** int(row.decimals) for row in rows}
            for layer in found:
                left, value = self._layers.get(layer.lot_id, (0, 0))
                remaining = int(layer.units_remaining)
                worth = worth_of(remaining, int(layer.unit_cost_e4), scales[layer.lot_id])
                self._layers[layer.lot_id] = (left + remaining, value + worth)
        return rows

    def key(self, row: Any) -> Key:
        return (row.expires_on, row.lot_id)

    def render(self, row: Any) -> Row:
        on_hand = int(row.on_hand)
        if row.cost_method == "fifo":
            units, value = self._layers.get(row.lot_id, (0, 0))
        else:
            units, value = int(row.item_units or 0), int(row.item_value_e4 or 0)
        lot_value = share(value, on_hand, units) if units else 0
        quantity = to_quantity(on_hand, int(row.decimals))
        return (
            row.item_id,
            row.sku,
            row.lot_id,
            row.number,
            row.expires_on.isoformat(),
            (row.expires_on - self.now.date()).days,
            quantity if isinstance(quantity, int) else float(quantity),
            _money(lot_value),
        )
