"""Bulk item import: create (or upsert by SKU) items, one batch per transaction.

Per batch: each row is validated by the injected row validator (the API's `ItemCreate` schema, so a
row is judged exactly like a single POST /items body), SKUs repeated within the job are rejected,
then ONE query finds the SKUs that already exist, one query resolves tags, one count checks the
plan's item limit, and the new items and their tags are written with executemany, plus one audit
event per batch (`items.created` / `items.updated` on the job, listing the item ids). A dry run
does everything but the writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, literal_column, select, text, update

from stockyard.clock import utcnow
from stockyard.db.database import Connection
from stockyard.db.tables import item_tags, items, tags, workspaces
from stockyard.errors import StockyardError, catalog
from stockyard.identity import audit, limits
from stockyard.identity.plans import Limit, policy
from stockyard.ids import new_id
from stockyard.inventory.items import COST_SCALE
from stockyard.jobs.handlers import BatchOutcome, JobContext
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


# Counting a workspace's items costs a scan of its index (~20 ms at 100k items), so a batch counts
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


def _storage_cost(value: Any) -> int | None:
    return None if value is None else int(value * COST_SCALE)


class ItemImport:
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
        await limits.lock_workspace(conn, ws)
        existing: dict[str, str] = {
            row.sku_key: row.id
            for row in await conn.execute(
                select(items.c.sku_key, items.c.id).where(
                    items.c.workspace_id == ws,
                    items.c.deleted_at.is_(None),
                    items.c.sku_key.in_([key for _, _, key in candidates]),
                )
            )
        }
        tag_ids = await _tag_ids(conn, ws, candidates)
        plan = (await conn.execute(select(workspaces.c.plan).where(workspaces.c.id == ws))).scalar_one()
        allowed = policy(plan).limits[Limit.ITEMS]
        count = state.known_count
        if count is None or allowed - count < len(candidates) + COUNT_MARGIN:
            count = await _count_items(conn, ws)
            if job.dry_run:
                count += state.created  # what earlier batches would have created
        room = allowed - count  # creates that fit; past it, enforce() says why
        creates: list[tuple[PayloadRow, ItemRow]] = []
        updates: list[tuple[PayloadRow, ItemRow, str]] = []
        for row, item, key in candidates:
            if key in existing and job.mode is JobMode.CREATE:
                outcome.fail(
                    row,
                    StockyardError(
                        catalog.DUPLICATE_SKU, f"An item with SKU '{item.sku}' already exists.", param="sku"
                    ),
                )
                continue
            unknown = [name for name in item.values.get("tags") or () if name.lower() not in tag_ids]
            if unknown:
                outcome.fail(
                    row,
                    StockyardError(
                        catalog.UNPROCESSABLE_ENTITY,
                        f"Unknown tag: {unknown[0]}. Create it first.",
                        param="tags",
                    ),
                )
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
            await _insert(conn, job, creates, tag_ids)
            await _update(conn, job, updates, tag_ids)
        return len(creates), count


async def _analyze_if_grown(conn: Connection, job: JobContext, state: ItemImportState) -> bool:
    if conn.dialect != "postgresql" or job.dry_run:
        return False
    if state.created < max(ANALYZE_FIRST, ANALYZE_GROWTH * state.analyzed_at):
        return False
    await conn.execute(text("ANALYZE items"))
    return True


async def _count_items(conn: Connection, workspace_id: str) -> int:
    query = (
        select(func.count())
        .select_from(items)
        .where(items.c.workspace_id == workspace_id, items.c.deleted_at.is_(None))
    )
    return int((await conn.execute(query)).scalar_one())


async def _tag_ids(
    conn: Connection, workspace_id: str, candidates: list[tuple[PayloadRow, ItemRow, str]]
) -> dict[str, str]:
    names = {name.lower() for _, item, _ in candidates for name in item.values.get("tags") or ()}
    if not names:
        return {}
    rows = await conn.execute(
        select(tags.c.name_key, tags.c.id).where(
            tags.c.workspace_id == workspace_id, tags.c.name_key.in_(names)
        )
    )
    return {row.name_key: row.id for row in rows}


def _timestamp(dialect: str, now: datetime) -> Any:
    """`now` as an SQL literal, so executemany does not convert the same datetime once per row.

    The text is what the column type itself would bind: naive UTC on SQLite, timestamptz on
    PostgreSQL (see db/types.UTCDateTime)."""
    if dialect == "postgresql":
        return literal_column(f"'{now.isoformat()}'::timestamptz")
    return literal_column(
        f"'{now.astimezone(UTC).replace(tzinfo=None).isoformat(sep=' ', timespec='microseconds')}'"
    )


async def _audit_batch(
    conn: Connection, job: JobContext, action: str, item_ids: list[str], skus: list[str]
) -> None:
    """One audit event per batch and action: the job, and the items it created or updated."""
    data = {"count": len(item_ids), "itemIds": item_ids, "skus": skus}
    await audit.record(conn, job, action, "job", job.job_id, data)


async def _insert(
    conn: Connection, job: JobContext, creates: list[tuple[PayloadRow, ItemRow]], tag_ids: dict[str, str]
) -> None:
    if not creates:
        return
    rows: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for _, item in creates:
        values = item.values
        item_id = new_id("itm")
        rows.append(
            {
                "id": item_id,
                "workspace_id": job.workspace_id,
                "sku": item.sku,
                "sku_key": item.sku.lower(),
                "name": values["name"],
                "description": values.get("description"),
                "unit": values.get("unit") or "each",
                "barcode": values.get("barcode"),
                "reorder_point": values.get("reorder_point"),
                "unit_cost_e4": _storage_cost(values.get("unit_cost")),
                "archived": bool(values.get("archived", False)),
                "version": 1,
            }
        )
        for tag_id in dict.fromkeys(tag_ids[name.lower()] for name in values.get("tags") or ()):
            links.append({"item_id": item_id, "tag_id": tag_id, "workspace_id": job.workspace_id})
    now = _timestamp(conn.dialect, utcnow())
    await conn.execute(items.insert().values(created_at=now, updated_at=now), rows)
    if links:
        await conn.execute(item_tags.insert(), links)
    await _audit_batch(conn, job, "items.created", [row["id"] for row in rows], [row["sku"] for row in rows])


_UPDATABLE = ("name", "description", "unit", "barcode", "reorder_point", "archived")


async def _update(
    conn: Connection, job: JobContext, updates: list[tuple[PayloadRow, ItemRow, str]], tag_ids: dict[str, str]
) -> None:
    if not updates:
        return
    now = utcnow()
    for _, item, item_id in updates:
        values: dict[str, Any] = {"sku": item.sku, "version": items.c.version + 1, "updated_at": now}
        for name in _UPDATABLE:
            if name in item.sent:
                values[name] = item.values[name]
        if values.get("unit", "each") is None:
            values["unit"] = "each"
        if "unit_cost" in item.sent:
            values["unit_cost_e4"] = _storage_cost(item.values["unit_cost"])
        await conn.execute(
            update(items)
            .where(items.c.workspace_id == job.workspace_id, items.c.id == item_id)
            .values(**values)
        )
        if "tags" in item.sent:
            await conn.execute(
                delete(item_tags).where(
                    item_tags.c.workspace_id == job.workspace_id, item_tags.c.item_id == item_id
                )
            )
            links = [
                {"item_id": item_id, "tag_id": tag_id, "workspace_id": job.workspace_id}
                for tag_id in dict.fromkeys(tag_ids[name.lower()] for name in item.values.get("tags") or ())
            ]
            if links:
                await conn.execute(item_tags.insert(), links)
    await _audit_batch(
        conn,
        job,
        "items.updated",
        [item_id for _, _, item_id in updates],
        [item.sku for _, item, _ in updates],
    )
