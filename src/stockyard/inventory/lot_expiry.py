"""lot.expiring: announced once per lot, when a lot with units on hand comes within the warning window.

A sweep (a chore of the event relay, `background.py`) finds the lots whose expiry date is at most
`warning_days` days away, that have units on hand and were not announced yet, emits `lot.expiring`
for each (as the system, in the lot's workspace) and marks them announced, in batches, one
transaction each. A lot received already inside the window is announced by the next sweep. The
expiring report (`reports/queries.Expiring`) lists the same lots on demand.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update

from stockyard.db.database import Connection, Database
from stockyard.db.tables import items, lot_levels, lots
from stockyard.events.model import EventType
from stockyard.events.outbox import Announced, Sweep
from stockyard.inventory.quantities import report_number

SWEEP_BATCH = 500


async def announce_expiring(
    database: Database, now: datetime, warning_days: int, *, batch_size: int = SWEEP_BATCH
) -> int:
    """Emits lot.expiring for every lot that entered the window; returns how many."""
    until = now.date() + timedelta(days=warning_days)
    on_hand = select(func.sum(lot_levels.c.on_hand)).where(lot_levels.c.lot_id == lots.c.id).scalar_subquery()
    due = (
        select(
            lots.c.id,
            lots.c.workspace_id,
            lots.c.item_id,
            lots.c.number,
            lots.c.expires_on,
            items.c.sku,
            items.c.decimals,
            on_hand.label("on_hand"),
        )
        .join(items, items.c.id == lots.c.item_id)
        .where(
            lots.c.kind == "lot",
            lots.c.expiring_announced_at.is_(None),
            lots.c.expires_on.is_not(None),
            lots.c.expires_on <= until,
            on_hand > 0,
        )
    )
    mark = update(lots).values(expiring_announced_at=now)
    return await Sweep(due, lots, mark, _announce).run(database, batch_size=batch_size)


async def _announce(conn: Connection, row: Any) -> list[Announced]:
    data = {
        "lotId": row.id,
        "itemId": row.item_id,
        "sku": row.sku,
        "lotNumber": row.number,
        "expiresOn": row.expires_on.isoformat(),
        "onHand": report_number(int(row.on_hand), int(row.decimals)),
    }
    return [(EventType.LOT_EXPIRING, data, None)]
