"""Webhook endpoints of a workspace, and their deliveries as a member sees them.

What sets deliveries going (create, update, rotate, test, retry) needs the plan's `webhooks`
capability first (403 missing_capability); reading and deleting do not, so that a workspace moved to
a plan without it still sees and removes its endpoints (the fan-out queues nothing for them). Then the URL (422
invalid_webhook_url, checked with DNS outside any transaction), then the endpoint-count limit
(403 exceeded_limit, counted with the workspace locked). The secret is returned when it is made
(creation, rotation) and never again; the deliveries list never carries it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, TypedDict

from sqlalchemy import Row, select, update

from stockyard.core import audit, limits
from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind
from stockyard.core.lookup import found
from stockyard.core.plans import Capability, Limit
from stockyard.core.service import in_transaction
from stockyard.core.versioning import (
    VersionedService,
    delete_row,
    insert_row,
    next_version,
    require_current,
    save_changes,
)
from stockyard.db.database import Connection, Database
from stockyard.db.filters import where_given
from stockyard.db.keyset import keyset
from stockyard.db.records import WorkspaceStore, from_row
from stockyard.db.tables import events, webhook_deliveries, webhook_endpoints
from stockyard.errors import StockyardError, catalog
from stockyard.events.model import EventType
from stockyard.events.outbox import emit
from stockyard.webhooks import urls
from stockyard.webhooks.signing import new_secret

# How long a rotated-out secret keeps signing beside the new one, so receivers can switch over.
PREVIOUS_SECRET_GRACE = timedelta(hours=24)

DeliveryStatus = Literal["pending", "delivering", "succeeded", "failed"]


@dataclass(frozen=True, slots=True)
class EndpointRecord:
    id: str
    url: str
    description: str | None
    event_types: list[str]
    enabled: bool
    version: int
    created_at: datetime
    updated_at: datetime
    disabled_at: datetime | None
    disabled_reason: str | None
    failing_since: datetime | None

    @classmethod
    def of(cls, row: Row[Any]) -> EndpointRecord:
        return from_row(cls, row, event_types=list(row.event_types))


@dataclass(frozen=True, slots=True)
class EndpointWithSecret:
    endpoint: EndpointRecord
    secret: str  # shown once


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    id: str
    endpoint_id: str
    event_id: str
    event_position: int
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_latency_ms: int | None
    last_error: str | None
    last_response_body: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Row[Any]) -> DeliveryRecord:
        return from_row(cls, row)


class EndpointChanges(TypedDict, total=False):
    """What an update may change; only the fields the client sent are present."""

    url: str
    event_types: list[str]
    enabled: bool
    description: str | None


ENDPOINT_SORTS = Sorting({"createdAt": SortKind.TIME}, default="createdAt")
DELIVERY_SORTS = Sorting({"createdAt": SortKind.TIME}, default="-createdAt")


@dataclass(frozen=True, slots=True)
class EndpointFilters:
    """What `GET /webhook-endpoints` narrows the list to; None is no condition."""

    enabled: bool | None = None


@dataclass(frozen=True, slots=True)
class DeliveryFilters:
    """What `GET /webhook-endpoints/{id}/deliveries` narrows the list to; None is no condition."""

    status: DeliveryStatus | None = None


def event_types_of(requested: list[str]) -> list[str]:
    """The requested types, known and without repeats (422 validation_error otherwise is the
    schema's job; this keeps the stored list canonical)."""
    return sorted({EventType(value).value for value in requested})


class EndpointStore(WorkspaceStore):
    """Webhook endpoints of one workspace."""

    async def get(self, endpoint_id: str, *, for_update: bool = False) -> EndpointRecord | None:
        return await self._by_id(webhook_endpoints, endpoint_id, EndpointRecord.of, for_update=for_update)

    async def count(self) -> int:
        return await self._count(webhook_endpoints)

    async def page(self, filters: EndpointFilters, request: ListRequest) -> list[EndpointRecord]:
        query = select(webhook_endpoints).where(webhook_endpoints.c.workspace_id == self.workspace_id)
        if filters.enabled is not None:
            query = query.where(webhook_endpoints.c.enabled.is_(filters.enabled))
        rows = await self.conn.execute(
            keyset(query, webhook_endpoints.c.created_at, webhook_endpoints.c.id, request)
        )
        return [EndpointRecord.of(row) for row in rows]

    async def deliveries(
        self, endpoint_id: str, filters: DeliveryFilters, request: ListRequest
    ) -> list[DeliveryRecord]:
        query = select(webhook_deliveries).where(webhook_deliveries.c.endpoint_id == endpoint_id)
        query = where_given(query, [(webhook_deliveries.c.status, filters.status)])
        rows = await self.conn.execute(
            keyset(query, webhook_deliveries.c.created_at, webhook_deliveries.c.id, request)
        )
        return [DeliveryRecord.of(row) for row in rows]

    async def delivery(self, endpoint_id: str, delivery_id: str) -> DeliveryRecord | None:
        query = select(webhook_deliveries).where(
            webhook_deliveries.c.endpoint_id == endpoint_id, webhook_deliveries.c.id == delivery_id
        )
        return await self._first(query, DeliveryRecord.of, for_update=True)


class WebhookEndpointService(VersionedService[EndpointRecord, EndpointChanges]):
    def __init__(self, database: Database, policy: urls.UrlPolicy) -> None:
        super().__init__(database)
        self._policy = policy

    async def create(
        self, ctx: Context, *, url: str, event_types: list[str], description: str | None
    ) -> EndpointWithSecret:
        ctx.principal.require_capability(Capability.WEBHOOKS)
        target = await urls.check(url, self._policy)
        return await self._db.transact(
            self._create, ctx, target.url, event_types_of(event_types), description
        )

    @staticmethod
    async def _create(
        conn: Connection, ctx: Context, url: str, event_types: list[str], description: str | None
    ) -> EndpointWithSecret:
        store = EndpointStore(conn, ctx.workspace_id)
        await limits.lock_workspace(conn, ctx.workspace_id)
        limits.enforce(ctx.principal.plan, Limit.WEBHOOK_ENDPOINTS, await store.count())
        secret = new_secret()
        endpoint_id = new_id("whe")
        await insert_row(
            conn,
            ctx,
            webhook_endpoints,
            endpoint_id,
            {
                "url": url,
                "description": description,
                "event_types": event_types,
                "enabled": True,
                "secret": secret,
            },
            resource="webhook_endpoint",
            duplicate=lambda: StockyardError(catalog.CONFLICT),  # ids are fresh: no unique name to take
            data={"url": url, "eventTypes": event_types},
        )
        return EndpointWithSecret(found(await store.get(endpoint_id)), secret)

    async def list(self, ctx: Context, filters: EndpointFilters, page: PageQuery) -> Page[EndpointRecord]:
        return await self.paged_from(EndpointStore, ctx.workspace_id, ENDPOINT_SORTS, filters, page)

    @in_transaction
    async def get(conn: Connection, ctx: Context, endpoint_id: str) -> EndpointRecord:
        return found(await EndpointStore(conn, ctx.workspace_id).get(endpoint_id))

    async def update(
        self, ctx: Context, resource_id: str, changes: EndpointChanges, *, if_match: int | None = None
    ) -> EndpointRecord:
        ctx.principal.require_capability(Capability.WEBHOOKS)
        if "url" in changes:  # resolved before the transaction: DNS is not waited for holding locks
            changes = {**changes, "url": (await urls.check(changes["url"], self._policy)).url}
        if "event_types" in changes:
            changes = {**changes, "event_types": event_types_of(changes["event_types"])}
        return await super().update(ctx, resource_id, changes, if_match=if_match)

    @staticmethod
    async def _update(
        conn: Connection, ctx: Context, endpoint_id: str, changes: EndpointChanges, if_match: int | None
    ) -> EndpointRecord:
        current = require_current(
            await EndpointStore(conn, ctx.workspace_id).get(endpoint_id, for_update=True), if_match
        )
        values: dict[str, Any] = dict(changes)
        if changes.get("enabled") is True and not current.enabled:
            # Enabled again: it starts with a clean slate; its pending deliveries go out now.
            values.update(disabled_at=None, disabled_reason=None, failing_since=None)
        elif changes.get("enabled") is False and current.enabled:
            values.update(disabled_at=utcnow(), disabled_reason="Disabled through the API.")
        row = await save_changes(
            conn,
            ctx,
            webhook_endpoints,
            current,
            values,
            resource="webhook_endpoint",
            duplicate=lambda: StockyardError(catalog.CONFLICT),
        )
        return EndpointRecord.of(row)

    @staticmethod
    async def _delete(conn: Connection, ctx: Context, endpoint_id: str, if_match: int | None) -> None:
        current = require_current(
            await EndpointStore(conn, ctx.workspace_id).get(endpoint_id, for_update=True), if_match
        )
        # Its deliveries go with it (ON DELETE CASCADE).
        await delete_row(
            conn, ctx, webhook_endpoints, endpoint_id, resource="webhook_endpoint", data={"url": current.url}
        )

    async def rotate_secret(self, ctx: Context, endpoint_id: str) -> EndpointWithSecret:
        ctx.principal.require_capability(Capability.WEBHOOKS)
        return await self._db.transact(self._rotate_secret, ctx, endpoint_id)

    @staticmethod
    async def _rotate_secret(conn: Connection, ctx: Context, endpoint_id: str) -> EndpointWithSecret:
        store = EndpointStore(conn, ctx.workspace_id)
        current = found(await store.get(endpoint_id, for_update=True))
        old_secret = (
            await conn.execute(
                select(webhook_endpoints.c.secret).where(webhook_endpoints.c.id == endpoint_id)
            )
        ).scalar_one()
        secret, now = new_secret(), utcnow()
        await conn.execute(
            update(webhook_endpoints)
            .where(
                webhook_endpoints.c.workspace_id == ctx.workspace_id, webhook_endpoints.c.id == endpoint_id
            )
            .values(
                secret=secret,
                previous_secret=old_secret,
                previous_secret_expires_at=now + PREVIOUS_SECRET_GRACE,
                **next_version(current, now),
            )
        )
        await audit.record(conn, ctx, "webhook_endpoint.secret_rotated", "webhook_endpoint", endpoint_id, {})
        return EndpointWithSecret(found(await store.get(endpoint_id)), secret)

    async def send_test(self, ctx: Context, endpoint_id: str) -> str:
        """Emits a `webhook.test` event for this endpoint alone; the event's id. It travels like any
        event (the feed, the relay, the fan-out, a delivery), so it tests that whole road."""
        ctx.principal.require_capability(Capability.WEBHOOKS)
        return await self._db.transact(self._send_test, ctx, endpoint_id)

    @staticmethod
    async def _send_test(conn: Connection, ctx: Context, endpoint_id: str) -> str:
        endpoint = found(await EndpointStore(conn, ctx.workspace_id).get(endpoint_id))
        if not endpoint.enabled:
            raise StockyardError(
                catalog.INVALID_STATE,
                f"Webhook endpoint {endpoint_id} is disabled; enable it before sending a test event.",
            )
        await emit(conn, ctx, EventType.WEBHOOK_TEST, {"endpointId": endpoint_id})
        # emit() does not hand back the id it minted: the request's one unnumbered webhook.test is it.
        return str(
            (
                await conn.execute(
                    select(events.c.id)
                    .where(
                        events.c.workspace_id == ctx.workspace_id,
                        events.c.type == EventType.WEBHOOK_TEST.value,
                        events.c.position.is_(None),
                        events.c.request_id == ctx.request_id,
                    )
                    .order_by(events.c.id.desc())
                    .limit(1)
                )
            ).scalar_one()
        )

    async def deliveries(
        self, ctx: Context, endpoint_id: str, filters: DeliveryFilters, page: PageQuery
    ) -> Page[DeliveryRecord]:
        async def fetch(conn: Connection, request: ListRequest) -> list[DeliveryRecord]:
            store = EndpointStore(conn, ctx.workspace_id)
            found(await store.get(endpoint_id))
            return await store.deliveries(endpoint_id, filters, request)

        return await self.paged(page, DELIVERY_SORTS, filters, fetch)

    async def retry_delivery(self, ctx: Context, endpoint_id: str, delivery_id: str) -> DeliveryRecord:
        """Due now: a pending one skips its wait, a finished one (failed or succeeded) gets another
        attempt. One being delivered this moment is 422 invalid_state."""
        ctx.principal.require_capability(Capability.WEBHOOKS)
        return await self._db.transact(self._retry_delivery, ctx, endpoint_id, delivery_id)

    @staticmethod
    async def _retry_delivery(
        conn: Connection, ctx: Context, endpoint_id: str, delivery_id: str
    ) -> DeliveryRecord:
        store = EndpointStore(conn, ctx.workspace_id)
        found(await store.get(endpoint_id))
        delivery = found(await store.delivery(endpoint_id, delivery_id))
        now = utcnow()
        if delivery.status == "delivering":
            raise StockyardError(
                catalog.INVALID_STATE,
                f"Delivery {delivery_id} is being delivered now; retry it once it is done.",
            )
        await conn.execute(
            update(webhook_deliveries)
            .where(webhook_deliveries.c.id == delivery_id)
            .values(status="pending", next_attempt_at=now, lease_expires_at=None, updated_at=now)
        )
        await audit.record(
            conn,
            ctx,
            "webhook_delivery.retried",
            "webhook_delivery",
            delivery_id,
            {"endpointId": endpoint_id},
        )
        return found(await store.delivery(endpoint_id, delivery_id))
