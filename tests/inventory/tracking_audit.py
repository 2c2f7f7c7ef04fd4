"""The invariants of lots, serials, fractional units and cost, read straight from the database of one
workspace (issue 16). Used by the concurrency storms (tests/inventory/test_tracking_concurrency.py)
and by the stress audit (tests/stress).

`tracking_problems(conn, workspace_id)` answers {invariant: offending rows}, empty when all hold:

- per (lot, location) the ledger's lot entries (movement_lots) sum to lot_levels.on_hand, never below 0;
- per (item, location) of a tracked item the lot levels sum to stock_levels.on_hand;
- every entry of a tracked item names lots whose units add up to its own; a serial moves by 1;
- a serial is on hand once in one location, or nowhere (never twice, never in two places);
- a transfer's entries give back to each lot what they took from it (no unit lost or made in transit);
- cost: an item's cost row holds its units on hand and the value its entries booked; FIFO layers are
  between 0 and what they received, hold exactly the units on hand (per lot for tracked items), and
  their worth is the item's value.

Quantities are the stored integers (10**-decimals of the item's unit), so every sum is exact.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import text

from stockyard.db.database import Connection
from stockyard.inventory.costing import worth_of

_LEDGER_PER_LOT = """
    SELECT ml.lot_id, m.location_id, SUM(ml.units) AS units
    FROM movement_lots ml JOIN movements m ON m.id = ml.movement_id
    WHERE ml.workspace_id = :ws GROUP BY ml.lot_id, m.location_id"""

QUERIES: dict[str, str] = {
    "negative lot level": "SELECT lot_id, location_id, on_hand FROM lot_levels "
    "WHERE workspace_id = :ws AND on_hand < 0",
    "lot ledger sum != lot level": f"""
        WITH ledger AS ({_LEDGER_PER_LOT})
        SELECT ll.lot_id, ll.location_id, ll.on_hand, COALESCE(g.units, 0) AS ledger
        FROM lot_levels ll LEFT JOIN ledger g ON g.lot_id = ll.lot_id AND g.location_id = ll.location_id
        WHERE ll.workspace_id = :ws AND ll.on_hand <> COALESCE(g.units, 0)
        UNION ALL
        SELECT g.lot_id, g.location_id, NULL, g.units
        FROM ledger g LEFT JOIN lot_levels ll ON ll.lot_id = g.lot_id AND ll.location_id = g.location_id
        WHERE ll.lot_id IS NULL AND g.units <> 0""",
    "lot levels sum != stock level": """
        SELECT s.item_id, s.location_id, s.on_hand, COALESCE(SUM(ll.on_hand), 0) AS lots
        FROM stock_levels s JOIN items i ON i.id = s.item_id
        LEFT JOIN lot_levels ll ON ll.item_id = s.item_id AND ll.location_id = s.location_id
        WHERE s.workspace_id = :ws AND i.tracking <> 'none'
        GROUP BY s.item_id, s.location_id, s.on_hand HAVING s.on_hand <> COALESCE(SUM(ll.on_hand), 0)""",
    "lot level of another item, or of an untracked one": """
        SELECT ll.lot_id, ll.item_id, l.item_id, i.tracking
        FROM lot_levels ll JOIN lots l ON l.id = ll.lot_id JOIN items i ON i.id = ll.item_id
        WHERE ll.workspace_id = :ws AND (l.item_id <> ll.item_id OR i.tracking = 'none')""",
    "tracked entry whose lots do not add up to its units": """
        SELECT m.id, m.type, m.units, COALESCE(SUM(ml.units), 0) AS lots
        FROM movements m JOIN items i ON i.id = m.item_id
        LEFT JOIN movement_lots ml ON ml.movement_id = m.id
        WHERE m.workspace_id = :ws AND i.tracking <> 'none'
        GROUP BY m.id, m.type, m.units HAVING m.units <> COALESCE(SUM(ml.units), 0)""",
    "serial moved by other than one unit": """
        SELECT ml.movement_id, ml.lot_id, ml.units FROM movement_lots ml JOIN lots l ON l.id = ml.lot_id
        WHERE ml.workspace_id = :ws AND l.kind = 'serial' AND ml.units NOT IN (1, -1)""",
    "serial in two places, or twice": """
        SELECT ll.lot_id, SUM(ll.on_hand) AS units,
               SUM(CASE WHEN ll.on_hand <> 0 THEN 1 ELSE 0 END) AS places
        FROM lot_levels ll JOIN lots l ON l.id = ll.lot_id
        WHERE ll.workspace_id = :ws AND l.kind = 'serial' GROUP BY ll.lot_id
        HAVING SUM(ll.on_hand) NOT IN (0, 1) OR MIN(ll.on_hand) < 0
            OR SUM(CASE WHEN ll.on_hand <> 0 THEN 1 ELSE 0 END) > 1""",
    "transfer not conserving a lot": """
        SELECT m.transfer_id, ml.lot_id, SUM(ml.units) AS units
        FROM movement_lots ml JOIN movements m ON m.id = ml.movement_id
        WHERE ml.workspace_id = :ws AND m.transfer_id IS NOT NULL
        GROUP BY m.transfer_id, ml.lot_id HAVING SUM(ml.units) <> 0""",
    "cost layer below 0 or above what it received": """
        SELECT id, item_id, units_received, units_remaining FROM cost_layers
        WHERE workspace_id = :ws AND (units_remaining < 0 OR units_remaining > units_received)""",
    "cost row units != on hand": """
        SELECT c.item_id, c.units, held.units FROM item_costs c
        JOIN (SELECT item_id, SUM(on_hand) AS units FROM stock_levels WHERE workspace_id = :ws
              GROUP BY item_id) held ON held.item_id = c.item_id
        WHERE c.workspace_id = :ws AND c.units <> held.units""",
    "cost row value != booked costs, or below 0": """
        SELECT c.item_id, c.value_e4, COALESCE(SUM(m.cost_e4), 0) AS booked
        FROM item_costs c LEFT JOIN movements m ON m.item_id = c.item_id
        WHERE c.workspace_id = :ws GROUP BY c.item_id, c.value_e4
        HAVING c.value_e4 <> COALESCE(SUM(m.cost_e4), 0) OR c.value_e4 < 0""",
    "FIFO layers' units != on hand": """
        SELECT c.item_id, c.units, COALESCE(SUM(cl.units_remaining), 0) AS layered
        FROM item_costs c JOIN items i ON i.id = c.item_id
        LEFT JOIN cost_layers cl ON cl.item_id = c.item_id
        WHERE c.workspace_id = :ws AND i.cost_method = 'fifo'
        GROUP BY c.item_id, c.units HAVING c.units <> COALESCE(SUM(cl.units_remaining), 0)""",
    "FIFO lot's layers != its units over all locations": """
        SELECT lot_id, layered, held FROM (
          SELECT l.id AS lot_id,
                 COALESCE((SELECT SUM(cl.units_remaining) FROM cost_layers cl WHERE cl.lot_id = l.id), 0)
                   AS layered,
                 COALESCE((SELECT SUM(ll.on_hand) FROM lot_levels ll WHERE ll.lot_id = l.id), 0) AS held
          FROM lots l JOIN items i ON i.id = l.item_id
          WHERE l.workspace_id = :ws AND i.cost_method = 'fifo') per_lot
        WHERE layered <> held""",
}

_FIFO_VALUES = """
    SELECT c.item_id, c.value_e4, i.decimals FROM item_costs c JOIN items i ON i.id = c.item_id
    WHERE c.workspace_id = :ws AND i.cost_method = 'fifo'"""
_OPEN_LAYERS = """
    SELECT item_id, units_remaining, unit_cost_e4 FROM cost_layers
    WHERE workspace_id = :ws AND units_remaining > 0"""


async def tracking_problems(conn: Connection, workspace_id: str) -> dict[str, list[Any]]:
    """Every invariant above that does not hold in the workspace, with (up to all) its offending rows."""
    params = {"ws": workspace_id}
    problems: dict[str, list[Any]] = {}
    for name, sql in QUERIES.items():
        found = list((await conn.execute(text(sql), params)).all())
        if found:
            problems[name] = found
    worth: dict[str, int] = defaultdict(int)
    scales = {row.item_id: 10 ** int(row.decimals) for row in await conn.execute(text(_FIFO_VALUES), params)}
    for layer in await conn.execute(text(_OPEN_LAYERS), params):
        if layer.item_id in scales:
            scale = scales[layer.item_id]
            worth[layer.item_id] += worth_of(int(layer.units_remaining), int(layer.unit_cost_e4), scale)
    unexplained = [
        (row.item_id, int(row.value_e4), worth[row.item_id])
        for row in await conn.execute(text(_FIFO_VALUES), params)
        if int(row.value_e4) != worth[row.item_id]
    ]
    if unexplained:
        problems["FIFO value != worth of the remaining layers"] = unexplained
    return problems
