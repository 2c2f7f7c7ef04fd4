"""Bulk movements: receive, issue and adjust stock through the inventory ledger, row by row.

There is one stock write path, `inventory.ledger.Ledger`; this handler only drives it. Per batch
(one transaction): rows are validated by the injected validator (the API's `MovementCreate`
schema); one query per table finds which items and locations exist and which warehouses the
submitter may use, so a bad reference fails its own row (404 / 403, the messages of the single
route) instead of the batch; then the ledger locks every item, location and stock level the batch
needs at once, in its global order, and posts the movements one by one so a row that would take
stock below what is available fails alone (insufficient_stock, locked or archived locations) while
later rows see the balances of the earlier ones.

A dry run does the same work in a transaction that is rolled back (`rollback_dry_run`), so it
reports the errors a real run would, batch by batch. (Rows are checked against the stock as it is
plus the earlier rows of their own batch; a dry run cannot see what earlier batches would have
changed, since they were rolled back.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from stockyard.core import audit
from stockyard.db.database import Connection
from stockyard.db.tables import items, locations
from stockyard.errors import StockyardError
from stockyard.inventory import scope
from stockyard.inventory.ledger import Ledger, Ref, not_found
from stockyard.inventory.movements import MovementRequest, audited
from stockyard.jobs.handlers import BatchOutcome, JobContext
from stockyard.jobs.payload import PayloadRow

MovementRowValidator = Callable[[PayloadRow], MovementRequest]
"""Turns a row's data into a MovementRequest, or raises StockyardError (validation_error)."""


@dataclass(frozen=True, slots=True)
class _Checked:
    row: PayloadRow
    request: MovementRequest


class MovementImport:
    rollback_dry_run = True  # the ledger writes as it checks; a dry run's transaction is rolled back

    def __init__(self, validate: MovementRowValidator) -> None:
        self._validate = validate

    def new_state(self) -> None:
        return None

    def replay(self, state: None, rows: list[PayloadRow]) -> None:
        return None

    def commit(self, state: None, delta: None) -> None:
        return None

    async def process(
        self, conn: Connection, job: JobContext, state: None, rows: list[PayloadRow]
    ) -> BatchOutcome:
        outcome = BatchOutcome()
        valid: list[_Checked] = []
        for row in rows:
            try:
                valid.append(_Checked(row, self._validate(row)))
            except StockyardError as exc:
                outcome.fail(row, exc)
        if not valid:
            return outcome
        valid = await self._check_references(conn, job, valid, outcome)
        if not valid:
            return outcome
        ledger = Ledger(conn, job)
        refs = [Ref("item", c.request.item_id, "itemId") for c in valid] + [
            Ref("location", c.request.location_id, "locationId") for c in valid
        ]
        acquired = await ledger.acquire(refs)
        locked = await ledger.levels(
            [(c.request.item_id, c.request.location_id) for c in valid], acquired.locations
        )
        created: list[tuple[str, dict[str, Any]]] = []
        for checked in valid:
            try:
                posting = checked.request.posting(acquired.items[checked.request.item_id])
                (movement,) = await ledger.post([posting], acquired, locked)
            except StockyardError as exc:
                outcome.fail(checked.row, exc)
                continue
            outcome.succeeded += 1
            created.append((movement.id, {**audited(movement), "jobId": job.job_id}))
        await audit.record_many(conn, job, "movement.created", "movement", created)
        return outcome

    @staticmethod
    async def _check_references(
        conn: Connection, job: JobContext, rows: list[_Checked], outcome: BatchOutcome
    ) -> list[_Checked]:
        ws = job.workspace_id
        item_ids = sorted({c.request.item_id for c in rows})
        location_ids = sorted({c.request.location_id for c in rows})
        known_items = {
            row.id
            for row in await conn.execute(
                select(items.c.id).where(
                    items.c.workspace_id == ws, items.c.deleted_at.is_(None), items.c.id.in_(item_ids)
                )
            )
        }
        warehouse_of = {
            row.id: row.warehouse_id
            for row in await conn.execute(
                select(locations.c.id, locations.c.warehouse_id).where(
                    locations.c.workspace_id == ws, locations.c.id.in_(location_ids)
                )
            )
        }
        kept: list[_Checked] = []
        for checked in rows:
            request = checked.request
            try:
                if request.item_id not in known_items:
                    raise not_found("item", request.item_id, "itemId")
                if request.location_id not in warehouse_of:
                    raise not_found("location", request.location_id, "locationId")
                scope.require(job, warehouse_of[request.location_id], param="locationId")
            except StockyardError as exc:
                outcome.fail(checked.row, exc)
                continue
            kept.append(checked)
        return kept
