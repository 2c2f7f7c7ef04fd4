"""Runner details that HTTP cannot provoke on demand: a batch that loses a race is retried."""

from __future__ import annotations

import asyncio
from collections.abc import Collection
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import IntegrityError

from stockyard.api.job_wiring import job_handlers
from stockyard.core.context import Context
from stockyard.db.database import Connection, open_database
from stockyard.inventory.items import ItemStore
from stockyard.jobs.handlers import BatchOutcome, JobContext
from stockyard.jobs.model import JobKind, JobMode, JobRecord, JobStatus, PayloadFormat
from stockyard.jobs.payload import PayloadRow
from stockyard.jobs.runner import JobRunner
from stockyard.jobs.service import JobService, JobSubmission
from tests.reports.seed import count_items, owner_principal, set_plan
from tests.support import create_tenant


class LosesTheFirstRace:
    """The item import, except that its first batch fails as if a concurrent insert won."""

    rollback_dry_run = False

    def __init__(self) -> None:
        self.inner = job_handlers()[JobKind.ITEMS_IMPORT]
        self.calls = 0

    def new_state(self) -> Any:
        return self.inner.new_state()

    def replay(self, state: Any, rows: list[PayloadRow]) -> Any:
        return self.inner.replay(state, rows)

    def commit(self, state: Any, delta: Any) -> None:
        self.inner.commit(state, delta)

    async def process(
        self, conn: Connection, job: JobContext, state: Any, rows: list[PayloadRow]
    ) -> BatchOutcome:
        self.calls += 1
        outcome = await self.inner.process(conn, job, state, rows)
        if self.calls == 1:
            raise IntegrityError("INSERT", {}, Exception("duplicate key value"))
        return outcome


def test_a_batch_that_conflicts_is_rolled_back_and_retried(client: TestClient, database_url: str) -> None:
    tenant = create_tenant(client)
    set_plan(database_url, tenant.workspace_id, "team")
    ctx = Context(owner_principal(tenant.workspace_id, tenant.slug, "team"), "req_race")
    payload = b"sku,name\nRACE-1,One\nRACE-2,Two\n"
    handler = LosesTheFirstRace()

    async def main() -> tuple[JobStatus, int]:
        database = open_database(database_url)
        try:
            submission = JobSubmission(
                JobKind.ITEMS_IMPORT, JobMode.CREATE, False, payload, PayloadFormat.CSV
            )
            job = await JobService(database).submit(ctx, submission)
            await JobRunner(database, {JobKind.ITEMS_IMPORT: handler}).run(job.id)
            done = await JobService(database).get(ctx, job.id)
            return done.status, done.succeeded
        finally:
            await database.dispose()

    assert asyncio.run(main()) == (JobStatus.SUCCEEDED, 2)
    assert handler.calls == 2
    assert count_items(database_url, tenant.workspace_id, "RACE-") == 2


def test_a_sku_taken_after_the_existence_query_fails_its_row_on_the_retry(
    client: TestClient, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The item store turns the unique index's refusal into duplicate_sku; the import then runs the
    batch again, where the existence query sees the SKU and fails that row alone."""
    tenant = create_tenant(client)
    set_plan(database_url, tenant.workspace_id, "team")
    tenant.create_item(sku="TAKEN-1", name="Already there")
    ctx = Context(owner_principal(tenant.workspace_id, tenant.slug, "team"), "req_race")
    lookups: list[int] = []
    real_lookup = ItemStore.ids_by_sku

    async def misses_the_first_time(self: ItemStore, sku_keys: Collection[str]) -> dict[str, str]:
        lookups.append(len(sku_keys))
        found = await real_lookup(self, sku_keys)
        return {} if len(lookups) == 1 else found  # as if TAKEN-1 were created just after the query

    monkeypatch.setattr(ItemStore, "ids_by_sku", misses_the_first_time)
    payload = b"sku,name\nFREE-1,One\ntaken-1,Two\n"

    async def main() -> JobRecord:
        database = open_database(database_url)
        try:
            submission = JobSubmission(
                JobKind.ITEMS_IMPORT, JobMode.CREATE, False, payload, PayloadFormat.CSV
            )
            job = await JobService(database).submit(ctx, submission)
            await JobRunner(database, job_handlers()).run(job.id)
            return await JobService(database).get(ctx, job.id)
        finally:
            await database.dispose()

    done = asyncio.run(main())
    assert len(lookups) == 2
    assert (done.status, done.succeeded, done.failed) == (JobStatus.PARTIALLY_FAILED, 1, 1)
    assert [(error.line, error.error["code"], error.error["message"]) for error in done.errors] == [
        (3, "duplicate_sku", "An item with SKU 'taken-1' already exists.")
    ]
    assert count_items(database_url, tenant.workspace_id, "FREE-") == 1
