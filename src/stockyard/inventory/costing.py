"""Cost: what an item's stock cost, at the item's cost method — a moving weighted average or FIFO.

The ledger values every posting in its own transaction (docs/inventory.md, Cost). After it has
locked the stock levels it calls `lock(item_ids)`, which takes the items' `item_costs` rows FOR
UPDATE in id order (the last step of the global lock order: items → locations → stock levels →
item costs), so two postings of one item are valued one after the other. Then, per posting,
`increase` or `decrease` returns the value it adds or takes away, and `save` writes back the rows
that changed. Transfers move units between locations of one item and change no value.

Amounts are integers in ten-thousandths (`_e4`), as everywhere in Stockyard, so sums are exact.

- Average: an item keeps its units and their total value. An increase adds units * its unit cost.
  A decrease of n of the u units on hand takes value * n / u, rounded half up: the last unit out
  takes exactly what is left, so value is never stranded or invented by rounding.
- FIFO: each increase is a layer (units at one unit cost); a decrease consumes the oldest layers
  first, and its cost is what those units cost. The value is the sum of what the layers have left.

An increase that names no unit cost (an adjustment, a count found more, a receipt without
`unitCost`) is valued at the item's average cost while it has stock, else at its `unitCost`
(a receipt without `unitCost` takes the item's `unitCost` first), else at 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import bindparam, select, update

from stockyard.core.ids import new_id
from stockyard.db.database import Connection
from stockyard.db.tables import cost_layers, item_costs, items
from stockyard.db.upsert import per_backend


class CostMethod(StrEnum):
    AVERAGE = "average"
    FIFO = "fifo"


@dataclass(slots=True)
class _Layer:
    id: str
    unit_cost_e4: int
    remaining: int
    lot_id: str | None = None  # the lot or serial it received (lot- and serial-tracked items)
    fresh: bool = False  # made in this transaction (inserted by `save`, not updated)
    touched: bool = False


@dataclass(slots=True)
class _State:
    method: CostMethod
    units: int
    value_e4: int
    price_e4: int | None  # the item's unitCost
    scale: int = 1  # 10**decimals: `units` counts 1/scale of the item's unit, costs are per whole unit
    changed: bool = False
    layers: list[_Layer] | None = None  # FIFO: the open layers, oldest first, once read


@dataclass(frozen=True, slots=True)
class Valued:
    unit_cost_e4: int | None  # what one unit cost (increases), None for decreases
    cost_e4: int  # signed: the value added (> 0) or taken away (< 0)
    layer_ids: tuple[str, ...] = ()  # the FIFO layers an increase made (one per lot it added to)


@dataclass(slots=True)
class Costing:
    conn: Connection
    workspace_id: str
    _states: dict[str, _State] = field(default_factory=dict)
    # Layers made here, to insert: (item id, layer, units received, when).
    _fresh_layers: list[tuple[str, _Layer, int, datetime]] = field(default_factory=list)

    async def lock(self, item_ids: list[str], now: datetime) -> None:
        wanted = sorted(set(item_ids) - set(self._states))
        if not wanted:
            return
        rows = await self._read(wanted)
        missing = [item_id for item_id in wanted if item_id not in rows]
        if missing:  # an item that has never had a costed movement
            await self.conn.execute(
                _CREATE[self.conn.dialect],
                [
                    {
                        "item_id": item_id,
                        "workspace_id": self.workspace_id,
                        "units": 0,
                        "value_e4": 0,
                        "updated_at": now,
                    }
                    for item_id in missing
                ],
            )
            rows = await self._read(wanted)
        for item_id, row in rows.items():
            self._states[item_id] = _State(
                method=CostMethod(row.cost_method),
                units=int(row.units),
                value_e4=int(row.value_e4),
                price_e4=None if row.unit_cost_e4 is None else int(row.unit_cost_e4),
                scale=10 ** int(row.decimals),
            )

    async def _read(self, item_ids: list[str]) -> dict[str, Any]:
        if len(item_ids) == 1:
            rows = await self.conn.execute(_READ_ONE, {"item_id": item_ids[0]})
        else:
            rows = await self.conn.execute(_READ_MANY, {"item_ids": item_ids})
        return {row.item_id: row for row in rows}

    async def increase(
        self,
        item_id: str,
        units: int,
        unit_cost_e4: int | None,
        *,
        receipt: bool,
        now: datetime,
        lots: Sequence[tuple[str | None, int]] = (),
    ) -> Valued:
        """`units` (of 1/scale of the item's unit) added at `unit_cost_e4` per whole unit; `lots`
        says which lots received how many (a FIFO layer per lot)."""
        state = self._states[item_id]
        if unit_cost_e4 is None:
            unit_cost_e4 = _default_cost(state, receipt=receipt)
        value = worth_of(units, unit_cost_e4, state.scale)
        state.units += units
        state.value_e4 += value
        state.changed = True
        if state.method is CostMethod.FIFO:
            layers = await self._open_layers(item_id, state)
            made: list[str] = []
            for lot_id, lot_units in lots or [(None, units)]:
                layers.append(_Layer(new_id("lyr"), unit_cost_e4, lot_units, lot_id, fresh=True))
                self._fresh_layers.append((item_id, layers[-1], lot_units, now))
                made.append(layers[-1].id)
            return Valued(unit_cost_e4, value, tuple(made))
        return Valued(unit_cost_e4, value)

    async def decrease(
        self, item_id: str, units: int, *, lots: Sequence[tuple[str | None, int]] = ()
    ) -> Valued:
        """`units` taken away; a FIFO item's lot-tracked units consume the layers of their own lots."""
        state = self._states[item_id]
        if state.method is CostMethod.FIFO:
            layers = await self._open_layers(item_id, state)
            cost = 0
            for lot_id, lot_units in lots or [(None, units)]:
                left = lot_units
                # The lot's own layers first; then (units received before tracking began) any.
                for own in (True, False):
                    for layer in layers:
                        if not left:
                            break
                        if own and lot_id is not None and layer.lot_id != lot_id:
                            continue
                        taken = min(layer.remaining, left)
                        if not taken:
                            continue
                        before = worth_of(layer.remaining, layer.unit_cost_e4, state.scale)
                        layer.remaining -= taken
                        layer.touched = True
                        cost += before - worth_of(layer.remaining, layer.unit_cost_e4, state.scale)
                        left -= taken
                if left:  # the layers always hold the units on hand: a broken invariant, not bad input
                    raise AssertionError(f"FIFO layers of item {item_id} hold fewer units than its stock")
        else:
            cost = share(state.value_e4, units, state.units)
        state.units -= units
        state.value_e4 -= cost
        state.changed = True
        return Valued(None, -cost)

    async def _open_layers(self, item_id: str, state: _State) -> list[_Layer]:
        if state.layers is None:
            rows = await self.conn.execute(_OPEN_LAYERS, {"item_id": item_id})
            state.layers = [
                _Layer(row.id, int(row.unit_cost_e4), int(row.units_remaining), row.lot_id) for row in rows
            ]
        return state.layers

    async def save(self, movement_of_layer: dict[str, str], now: datetime) -> None:
        """Writes the changed item rows and layers. `movement_of_layer` names, for each layer made
        here, the movement that made it."""
        changed = {item_id: state for item_id, state in self._states.items() if state.changed}
        if not changed:
            return
        await self.conn.execute(
            _UPDATE_COST,
            [
                {"k_item": item_id, "v_units": s.units, "v_value": s.value_e4, "v_now": now}
                for item_id, s in changed.items()
            ],
        )
        fresh = self._fresh_layers
        if fresh:
            await self.conn.execute(
                cost_layers.insert(),
                [
                    {
                        "id": layer.id,
                        "workspace_id": self.workspace_id,
                        "item_id": item_id,
                        "movement_id": movement_of_layer[layer.id],
                        "unit_cost_e4": layer.unit_cost_e4,
                        "units_received": received,
                        "units_remaining": layer.remaining,
                        "lot_id": layer.lot_id,
                        "created_at": at,
                    }
                    for item_id, layer, received, at in fresh
                ],
            )
        consumed = [
            {"k_layer": layer.id, "v_remaining": layer.remaining}
            for state in changed.values()
            for layer in state.layers or ()
            if layer.touched and not layer.fresh
        ]
        if consumed:
            await self.conn.execute(_UPDATE_LAYER, consumed)
        for state in changed.values():
            state.changed = False
            for layer in state.layers or ():
                layer.fresh = layer.touched = False
        self._fresh_layers.clear()


def _default_cost(state: _State, *, receipt: bool) -> int:
    if receipt and state.price_e4 is not None:
        return state.price_e4
    if state.units > 0:
        return share(state.value_e4 * state.scale, 1, state.units)
    return state.price_e4 or 0


def worth_of(units: int, unit_cost_e4: int, scale: int) -> int:
    """What `units` (of 1/scale of a whole unit) cost at `unit_cost_e4` per whole unit, rounded half up."""
    if scale == 1:
        return units * unit_cost_e4
    return (2 * units * unit_cost_e4 + scale) // (2 * scale)


def share(value_e4: int, units: int, of_units: int) -> int:
    """value * units / of_units, rounded half up (exact integers: no floating point)."""
    if units >= of_units:
        return value_e4
    return (2 * value_e4 * units + of_units) // (2 * of_units)


# Built once (building a statement costs more than running it on SQLite; this is the ledger's path).
def _read_costs(which: Any) -> Any:
    return (
        select(
            item_costs.c.item_id,
            item_costs.c.units,
            item_costs.c.value_e4,
            items.c.cost_method,
            items.c.unit_cost_e4,
            items.c.decimals,
        )
        .join(items, items.c.id == item_costs.c.item_id)
        .where(which)
        .order_by(item_costs.c.item_id)
        .with_for_update(of=item_costs)
    )


_READ_ONE = _read_costs(item_costs.c.item_id == bindparam("item_id"))
_READ_MANY = _read_costs(item_costs.c.item_id.in_(bindparam("item_ids", expanding=True)))
_OPEN_LAYERS = (
    select(cost_layers.c.id, cost_layers.c.unit_cost_e4, cost_layers.c.units_remaining, cost_layers.c.lot_id)
    .where(cost_layers.c.item_id == bindparam("item_id"), cost_layers.c.units_remaining > 0)
    .order_by(cost_layers.c.created_at, cost_layers.c.id)
)
_CREATE = per_backend(lambda insert: insert(item_costs).on_conflict_do_nothing(index_elements=["item_id"]))
_UPDATE_COST = (
    update(item_costs)
    .where(item_costs.c.item_id == bindparam("k_item"))
    .values(units=bindparam("v_units"), value_e4=bindparam("v_value"), updated_at=bindparam("v_now"))
)
_UPDATE_LAYER = (
    update(cost_layers)
    .where(cost_layers.c.id == bindparam("k_layer"))
    .values(units_remaining=bindparam("v_remaining"))
)
