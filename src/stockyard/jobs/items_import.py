"""Bulk item import: create (or upsert by SKU) items, one batch per transaction.

Per batch: each row is validated by the injected row validator (the API's `ItemCreate` schema, so a
row is judged exactly like a single POST /items body), SKUs repeated within the job are rejected,
then ONE query finds the SKUs that already exist, one query resolves tags, one count checks the
plan's item limit, and the items are written through the item store's bulk methods (the row rules
of POST and PATCH /items; new items and their tags with executemany), plus one audit event per
batch (`items.created` / `items.updated` on the job, listing the item ids). A dry run does
everything but the writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text

from stockyard.core import audit, limits
from stockyard.core.plans import Limit, policy
from stockyard.db.database import Connection
from stockyard.db.tables import workspaces
from stockyard.errors import StockyardError, catalog
from stockyard.inventory.items import ItemStore, duplicate_sku, named_tags
from stockyard.jobs.handlers import BatchConflict, BatchOutcome, JobContext
from stockyard.jobs.model import JobMode
from stockyard.jobs.payload import PayloadRow


@dataclass(frozen=True, slots=True)
class ItemRow:
    """A validated item row: every field with its default, and the names the row actually sent."""

    values: dict[str, Any]
    sent: frozenset[str]

    @property
    def sku(self) -> str:
        return str(self.values["sku"])


ItemRowValidator = Callable[[PayloadRow], ItemRow]
"""Turns a row's data into an ItemRow, or raises StockyardError (validation_error with details)."""


# Counting a workspace's items scans its index, a cost that grows with the workspace, so a batch counts
# them only when the plan's limit is near: far from it, the count of the previous batch plus what
# the job created since is exact enough, since other writers cannot add this many items between two
# batches. Near the limit every batch counts exactly.
COUNT_MARGIN = 1_000

# A bulk load can grow `items` many times over faster than autovacuum re-analyzes it; with stale
# statistics PostgreSQL estimates one item per workspace and stops using the (workspace, sku)
# index for the SKU lookup, which then scans the workspace once per batch. So the import runs
# ANALYZE itself after 2,000 new items and whenever the job has since quadrupled them (a handful
# of times per job; ANALYZE samples, it does not scan, and takes no lock that blocks traffic).
ANALYZE_FIRST = 2_000
ANALYZE_GROWTH = 4


@dataclass(slots=True)
class ItemImportState:
    seen: dict[str, str] = field(default_factory=dict)  # sku_key → where it first appeared
    created: int = 0  # items created (or, in a dry run, that would have been) by committed batches
    known_count: int | None = None  # the workspace's items after the last committed batch
    analyzed_at: int = 0  # `created` when the job last ran ANALYZE (PostgreSQL)


@dataclass(frozen=True, slots=True)
class ItemImportDelta:
    seen: dict[str, str]
    created: int
    counted: int | None = None  # the item count this batch started from
    analyzed: bool = False


def _where(row: PayloadRow) -> str:
    return f"line {row.line}" if row.line is not None else f"index {row.index}"


class ItemImport:
    rollback_dry_run = False  # a dry run skips the writes itself (and counts what it would create)

    def __init__(self, validate: ItemRowValidator) -> None:
        self._validate = validate

    def new_state(self) -> ItemImportState:
        return ItemImportState()

    def replay(self, state: ItemImportState, rows: list[PayloadRow]) -> ItemImportState:
        for row in rows:
            try:
                item = self._validate(row)
            except StockyardError:
                continue
            state.seen.setdefault(item.sku.lower(), _where(row))
        return state

    def commit(self, state: ItemImportState, delta: ItemImportDelta) -> None:
        state.seen.update(delta.seen)
        state.created += delta.created
        if delta.counted is not None:
            state.known_count = delta.counted + delta.created
        if delta.analyzed:
            state.analyzed_at = state.created

    async def process(
        self, conn: Connection, job: JobContext, state: ItemImportState, rows: list[PayloadRow]
    ) -> BatchOutcome:
        outcome = BatchOutcome()
        batch_seen: dict[str, str] = {}
        candidates: list[tuple[PayloadRow, ItemRow, str]] = []
        for row in rows:
            try:
                item = self._validate(row)
            except StockyardError as exc:
                outcome.fail(row, exc)
                continue
            key = item.sku.lower()
            first = state.seen.get(key) or batch_seen.get(key)
            if first is not None:
                outcome.fail(
                    row,
                    StockyardError(
                        catalog.DUPLICATE_SKU,
                        f"SKU '{item.sku}' is repeated in this job (first on {first}).",
                        param="sku",
                    ),
                )
                continue
            batch_seen[key] = _where(row)
            candidates.append((row, item, key))
        analyzed = await _analyze_if_grown(conn, job, state)
        created, counted = 0, state.known_count
        if candidates:
            created, counted = await self._write(conn, job, state, candidates, outcome)
        outcome.delta = ItemImportDelta(batch_seen, created, counted, analyzed)
        return outcome

    async def _write(
        self,
        conn: Connection,
        job: JobContext,
        state: ItemImportState,
        candidates: list[tuple[PayloadRow, ItemRow, str]],
        outcome: BatchOutcome,
    ) -> tuple[int, int]:
        """Sort the rows into creates, updates and failures, then write; (created, item count before)."""
        ws = job.workspace_id
        store = ItemStore(conn, ws)
        await limits.lock_workspace(conn, ws)
        existing = await store.ids_by_sku([key for _, _, key in candidates])
        tag_ids = await store.tag_ids(
            name for _, item, _ in candidates for name in item.values.get("tags") or ()
        )
        plan = (await conn.execute(select(workspaces.c.plan).where(workspaces.c.id == ws))).scalar_one()
        allowed = policy(plan).limits[Limit.ITEMS]
        count = state.known_count
        if count is None or allowed - count < len(candidates) + COUNT_MARGIN:
            count = await store.count()
            if job.dry_run:
                count += state.created  # what earlier batches would have created
        room = allowed - count  # creates that fit; past it, enforce() says why
        creates: list[tuple[PayloadRow, ItemRow]] = []
        updates: list[tuple[PayloadRow, ItemRow, str]] = []
        for row, item, key in candidates:
            if key in existing and job.mode is JobMode.CREATE:
                outcome.fail(row, duplicate_sku(item.sku))
                continue
            try:
                named_tags(item.values.get("tags"), tag_ids)
            except StockyardError as exc:
                outcome.fail(row, exc)
                continue
            if key in existing:
                updates.append((row, item, existing[key]))
                continue
            if len(creates) >= room:
                try:
                    limits.enforce(plan, Limit.ITEMS, count + len(creates))
                except StockyardError as exc:
                    outcome.fail(row, exc)
                    continue
            creates.append((row, item))
        outcome.succeeded = len(creates) + len(updates)
        if not job.dry_run:
            try:
                await _insert(store, job, creates, tag_ids)
                await _update(store, job, updates, tag_ids)
            except StockyardError as exc:
                if exc.spec is not catalog.DUPLICATE_SKU:
                    raise
                # A concurrent writer took a SKU since the existence query: check the batch again.
                raise BatchConflict(job.job_id) from exc
        return len(creates), count


async def _analyze_if_grown(conn: Connection, job: JobContext, state: ItemImportState) -> bool:
    if conn.dialect != "postgresql" or job.dry_run:
        return False
    if state.created < max(ANALYZE_FIRST, ANALYZE_GROWTH * state.analyzed_at):
        return False
    await conn.execute(text("ANALYZE items"))
    return True


async def _insert(
    store: ItemStore, job: JobContext, creates: list[tuple[PayloadRow, ItemRow]], tag_ids: dict[str, str]
) -> None:
    if not creates:
        return
    item_ids = await store.insert_many(job, [item.values for _, item in creates], tag_ids)
    data = {"count": len(item_ids), "itemIds": item_ids, "skus": [item.sku for _, item in creates]}
    await audit.record(store.conn, job, "items.created", "job", job.job_id, data)


async def _update(
    store: ItemStore, job: JobContext, updates: list[tuple[PayloadRow, ItemRow, str]], tag_ids: dict[str, str]
) -> None:
    """Upsert mode: an existing item gets the fields its row sent."""
    if not updates:
        return
    await store.update_many(
        job,
        [(item_id, {name: item.values[name] for name in item.sent}) for _, item, item_id in updates],
        tag_ids,
    )
    item_ids = [item_id for _, _, item_id in updates]
    data = {"count": len(item_ids), "itemIds": item_ids, "skus": [item.sku for _, item, _ in updates]}
    await audit.record(store.conn, job, "items.updated", "job", job.job_id, data)
