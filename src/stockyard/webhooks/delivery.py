"""Delivering events to webhook endpoints: the relay's fan-out queues one delivery per (endpoint,
event); `DeliveryWorker`s claim them, POST them signed, and record the outcome.

Semantics: at least once. A delivery is claimed under a lease (`lease_expires_at`): claiming
locks the rows it takes (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so concurrent workers take
different ones; SQLite has one writer), and the claim commits before the request is sent. A worker
killed mid-request leaves the delivery `delivering` until its lease expires; then any worker
claims it again, so the receiver may see it twice (same `webhook-id`) but never loses it. The
lease outlives the request timeout by far, so a live worker's delivery is never taken from it.

Throughput: a worker claims, per endpoint, a run of due deliveries (up to `run_length`, oldest
first) in one transaction, sends them one after another over a kept-alive connection, and records
their outcomes a batch at a time. A run stops at its first failure, and before any request that could
outlast the lease; what it did not send goes back to the queue as it was.

Order: per endpoint, at most one delivery is in flight, and the oldest due (by feed position) goes
first; so first attempts arrive in event order, and only a retried delivery arrives after newer
ones. An endpoint whose deliveries have all failed for `disable_after` is disabled, with a
`webhook_endpoint.disabled` event.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpcore
import httpx
import orjson
from sqlalchemy import and_, bindparam, delete, exists, or_, select, update

from stockyard.core.actor import SystemContext
from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.core.plans import Capability, policy
from stockyard.core.polling import PollingLoop
from stockyard.db.database import Connection, Database, is_unavailable
from stockyard.db.tables import events, webhook_deliveries, webhook_endpoints, workspaces
from stockyard.errors import StockyardError
from stockyard.events.model import EventRecord, EventType, body
from stockyard.events.outbox import emit
from stockyard.events.relay import Numbered, record_of
from stockyard.webhooks import urls
from stockyard.webhooks.signing import signature_header

log = logging.getLogger("stockyard.webhooks")

# After the first attempt fails, the waits before each retry; once all are spent the delivery fails.
RETRY_SCHEDULE: tuple[timedelta, ...] = (
    timedelta(seconds=5),
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=10),
)
REQUEST_TIMEOUT_SECONDS = 10.0  # a 2xx within it is a success
RESPONSE_BODY_LIMIT = 4096  # bytes of the receiver's answer kept for the deliveries list
USER_AGENT = "Stockyard-Webhooks/1"

_d = webhook_deliveries
_e = webhook_endpoints
LEASE_MARGIN_SECONDS = (
    1.0  # after its first, a run sends no request that could still run this close to the lease's end
)

# Both fenced: a worker whose lease expired (another claimed the delivery since) changes nothing.
_FENCE = and_(
    _d.c.id == bindparam("delivery_id"), _d.c.status == "delivering", _d.c.attempts == bindparam("attempt")
)
_SUCCEEDED = (
    update(_d)
    .where(_FENCE)
    .values(
        status="succeeded",
        next_attempt_at=None,
        lease_expires_at=None,
        last_status_code=bindparam("code"),
        last_latency_ms=bindparam("latency"),
        last_error=None,
        last_response_body=bindparam("body"),
        updated_at=bindparam("now"),
    )
)
_HAND_BACK = (
    update(_d)
    .where(_FENCE)
    .values(status="pending", attempts=_d.c.attempts - 1, lease_expires_at=None, updated_at=bindparam("now"))
)


# --- fan-out --------------------------------------------------------------------------------------
async def fan_out(conn: Connection, numbered: list[Numbered]) -> bool:
    """The relay's subscriber: one pending delivery per (enabled endpoint of the event's workspace
    that asked for its type, event), in the relay's transaction; none for a workspace whose plan
    lacks the webhooks capability. A `webhook.test` event goes to the endpoint it names alone,
    whatever types that endpoint asked for. Whether it queued any delivery."""
    workspace_ids = sorted({event.workspace_id for event in numbered})
    if not workspace_ids:
        return False
    rows = await conn.execute(
        select(_e.c.id, _e.c.workspace_id, _e.c.event_types, workspaces.c.plan)
        .join(workspaces, workspaces.c.id == _e.c.workspace_id)
        .where(_e.c.workspace_id.in_(workspace_ids), _e.c.enabled.is_(True))
    )
    endpoints: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for row in rows:
        if Capability.WEBHOOKS not in policy(row.plan).capabilities:
            continue  # a workspace whose plan no longer has webhooks: its endpoints get nothing new
        endpoints.setdefault(row.workspace_id, []).append((row.id, frozenset(row.event_types)))
    if not endpoints:
        return False
    tested = await _tested_endpoints(conn, [e.id for e in numbered if e.type is EventType.WEBHOOK_TEST])
    now = utcnow()
    deliveries = [
        {
            "id": new_id("whd"),
            "endpoint_id": endpoint_id,
            "event_id": event.id,
            "event_position": event.position,
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": now,
            "lease_expires_at": None,
            "created_at": now,
            "updated_at": now,
        }
        for event in numbered
        for endpoint_id, types in endpoints.get(event.workspace_id, [])
        if _wants(endpoint_id, types, event, tested)
    ]
    if deliveries:
        await conn.execute(_d.insert(), deliveries)
    return bool(deliveries)


async def _tested_endpoints(conn: Connection, event_ids: list[str]) -> dict[str, str]:
    """The endpoint each `webhook.test` event is for (event id → endpoint id)."""
    if not event_ids:
        return {}
    rows = await conn.execute(select(events.c.id, events.c.data).where(events.c.id.in_(event_ids)))
    return {row.id: str(row.data.get("endpointId")) for row in rows}


def _wants(endpoint_id: str, types: frozenset[str], event: Numbered, tested: dict[str, str]) -> bool:
    if event.type is EventType.WEBHOOK_TEST:
        return tested.get(event.id) == endpoint_id
    return event.type.value in types


# --- connecting to the checked address -------------------------------------------------------------
# The (host, address) a delivery checked, for the network backend below. Each delivery runs in its
# own task, whose copy of the context holds its own pair.
_PINNED: contextvars.ContextVar[tuple[str, str] | None] = contextvars.ContextVar("pinned", default=None)


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects to the address the URL check resolved, never resolving the name again: the URL keeps
    its host name (Host header, TLS SNI and certificate check), the socket goes to the checked IP."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        pinned = _PINNED.get()
        if pinned is None or pinned[0] != host:
            raise httpcore.ConnectError(f"no checked address for {host}")
        return await self._inner.connect_tcp(
            pinned[1], port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("webhooks are not delivered over Unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


# --- the worker ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Claimed:
    """A delivery taken by this worker, with what sending it needs."""

    id: str
    endpoint_id: str
    workspace_id: str
    attempt: int  # this attempt's number; also fences the outcome against a later claimant
    url: str
    signing_secrets: list[str]
    event: EventRecord | None  # None: the feed no longer keeps the event


@dataclass(frozen=True, slots=True)
class Outcome:
    succeeded: bool
    status_code: int | None
    latency_ms: int | None
    error: str | None
    response_body: str | None


class DeliveryWorker:
    def __init__(
        self,
        db: Database,
        *,
        policy: urls.UrlPolicy,
        schedule: Sequence[timedelta] = RETRY_SCHEDULE,
        jitter: float = 0.1,
        timeout: float = REQUEST_TIMEOUT_SECONDS,
        lease: timedelta = timedelta(seconds=60),
        disable_after: timedelta = timedelta(days=3),
        batch_size: int = 50,
        run_length: int = 100,
        record_every: float = 0.1,
        retention: timedelta = timedelta(days=30),
    ) -> None:
        if lease.total_seconds() <= timeout:
            raise ValueError("the lease must outlast the request timeout")
        self._db = db
        self._policy = policy
        self._schedule = tuple(schedule)
        self._jitter = jitter
        self._timeout = timeout
        self._lease = lease
        self._disable_after = disable_after
        self._batch_size = batch_size  # endpoints per round
        self._run_length = run_length  # deliveries per endpoint per round
        self._record_every = record_every
        self._retention = retention
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=_PinnedBackend(), retries=0
        )
        self._loop = PollingLoop("claiming webhook deliveries", self._claimed_some, [(3600.0, self.purge)])

    async def run_once(self) -> int:
        """Claims due deliveries — for each endpoint with work, a run of them in event order — and
        sends each endpoint's run one delivery at a time, the endpoints concurrently; how many it
        claimed."""
        runs = await self._db.transact(self._claim)
        if runs:
            await asyncio.gather(*(self._deliver_run(run) for run in runs))
        return sum(len(run) for run in runs)

    async def _claim(self, conn: Connection) -> list[list[Claimed]]:
        now = utcnow()
        due = or_(
            and_(_d.c.status == "pending", _d.c.next_attempt_at <= now),
            and_(_d.c.status == "delivering", _d.c.lease_expires_at <= now),  # its worker died
        )
        in_flight = (
            select(_d.c.id)
            .where(_d.c.endpoint_id == _e.c.id, _d.c.status == "delivering", _d.c.lease_expires_at > now)
            .exists()
        )
        # The endpoints with work, locked so that two workers never claim for one endpoint at once;
        # FOR NO KEY UPDATE leaves the fan-out's inserts (which reference the row) free to proceed.
        endpoint_rows = list(
            await conn.execute(
                select(_e.c.id, _e.c.workspace_id, _e.c.url, _e.c.secret, _e.c.previous_secret,
                       _e.c.previous_secret_expires_at)
                .where(_e.c.enabled.is_(True), exists().where(_d.c.endpoint_id == _e.c.id, due), ~in_flight)
                .order_by(_e.c.updated_at, _e.c.id)
                .limit(self._batch_size)
                .with_for_update(skip_locked=True, key_share=True)
            )
        )  # fmt: skip
        runs: list[list[Claimed]] = []
        lease_until = now + self._lease
        for endpoint in endpoint_rows:
            # A fresh statement: a claim another worker committed since the query above shows here.
            rows = list(
                await conn.execute(
                    select(_d.c.id, _d.c.event_id, _d.c.attempts)
                    .where(
                        _d.c.endpoint_id == endpoint.id,
                        due,
                        ~select(_d.c.id)
                        .where(
                            _d.c.endpoint_id == endpoint.id,
                            _d.c.status == "delivering",
                            _d.c.lease_expires_at > now,
                        )
                        .exists(),
                    )
                    .order_by(_d.c.event_position, _d.c.id)
                    .limit(self._run_length)
                    .with_for_update(skip_locked=True)
                )
            )
            if not rows:
                continue
            await conn.execute(
                update(_d)
                .where(_d.c.id.in_([row.id for row in rows]))
                .values(
                    status="delivering",
                    attempts=_d.c.attempts + 1,
                    lease_expires_at=lease_until,
                    updated_at=now,
                )
            )
            event_rows = {
                row.id: row
                for row in await conn.execute(
                    select(events).where(events.c.id.in_(sorted({row.event_id for row in rows})))
                )
            }
            signing = [endpoint.secret]
            if (
                endpoint.previous_secret
                and endpoint.previous_secret_expires_at
                and (endpoint.previous_secret_expires_at > now)
            ):
                signing.append(endpoint.previous_secret)
            runs.append(
                [
                    Claimed(
                        id=row.id,
                        endpoint_id=endpoint.id,
                        workspace_id=endpoint.workspace_id,
                        attempt=row.attempts + 1,
                        url=endpoint.url,
                        signing_secrets=signing,
                        event=record_of(event_rows[row.event_id]) if row.event_id in event_rows else None,
                    )
                    for row in rows
                ]
            )
        return runs

    async def _deliver_run(self, run: list[Claimed]) -> None:
        """One endpoint's run, in order. Outcomes are recorded every `record_every` seconds (one
        transaction for many); the run stops at its first failure, or when another request could
        outlast the lease, and hands the rest back (their attempt undone) for the next round."""
        started = last_recorded = time.monotonic()
        lease_seconds = self._lease.total_seconds()
        outcomes: list[tuple[Claimed, Outcome]] = []
        handed_back: list[Claimed] = []
        for index, delivery in enumerate(run):
            late = time.monotonic() - started + self._timeout + LEASE_MARGIN_SECONDS >= lease_seconds
            if index and late:
                handed_back = run[index:]
                break
            outcome = await self._attempt_safely(delivery)
            outcomes.append((delivery, outcome))
            if not outcome.succeeded:
                handed_back = run[index + 1 :]
                break
            if time.monotonic() - last_recorded >= self._record_every:
                await self._settle(outcomes, [])
                outcomes, last_recorded = [], time.monotonic()
        await self._settle(outcomes, handed_back)

    async def _attempt_safely(self, delivery: Claimed) -> Outcome:
        try:
            return await self._attempt(delivery)
        except Exception:  # a bug, not the receiver's doing: recorded as a failed attempt, retried
            log.exception("webhook delivery %s failed unexpectedly", delivery.id)
            return Outcome(False, None, None, "The delivery failed inside Stockyard.", None)

    async def _settle(self, outcomes: list[tuple[Claimed, Outcome]], handed_back: list[Claimed]) -> None:
        if not outcomes and not handed_back:
            return
        try:
            await self._db.transact(self._record, outcomes, handed_back)
        except Exception as exc:  # the leases expire and other attempts follow
            if not is_unavailable(exc):
                log.exception("recording %d webhook deliveries failed", len(outcomes) + len(handed_back))

    async def _attempt(self, delivery: Claimed) -> Outcome:
        if delivery.event is None:
            return Outcome(False, None, None, "The event is no longer kept by the feed.", None)
        try:
            target = await urls.check(delivery.url, self._policy)
        except StockyardError as refused:  # DNS changed since the endpoint was saved
            return Outcome(False, None, None, refused.message, None)
        payload = orjson.dumps(body(delivery.event))
        timestamp = int(time.time())
        headers = [
            (b"Content-Type", b"application/json"),
            (b"User-Agent", USER_AGENT.encode()),
            (b"webhook-id", delivery.event.id.encode()),
            (b"webhook-timestamp", str(timestamp).encode()),
            (
                b"webhook-signature",
                signature_header(delivery.signing_secrets, delivery.event.id, timestamp, payload).encode(),
            ),
        ]
        _PINNED.set((target.host, target.address))
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self._timeout):
                async with self._pool.stream(
                    "POST", target.url, headers=headers, content=payload
                ) as response:
                    received = bytearray()
                    async for chunk in response.aiter_stream():
                        received.extend(chunk)
                        if len(received) >= RESPONSE_BODY_LIMIT:
                            break  # the rest is not read: the connection is closed, not reused
        except TimeoutError:
            return Outcome(
                False, None, _ms_since(started), f"No response within {self._timeout:g} seconds.", None
            )
        except httpcore.ConnectError:
            return Outcome(False, None, _ms_since(started), f"Could not connect to {target.host}.", None)
        except httpcore.TimeoutException:
            return Outcome(
                False, None, _ms_since(started), f"No response within {self._timeout:g} seconds.", None
            )
        except httpcore.NetworkError:
            return Outcome(False, None, _ms_since(started), "The connection failed during the request.", None)
        except httpcore.ProtocolError:
            return Outcome(
                False, None, _ms_since(started), "The receiver did not answer in valid HTTP.", None
            )
        latency = _ms_since(started)
        text = bytes(received[:RESPONSE_BODY_LIMIT]).decode("utf-8", errors="replace")
        status = response.status
        if 200 <= status < 300:
            return Outcome(True, status, latency, None, text)
        return Outcome(False, status, latency, f"The receiver answered {status}.", text)

    async def _record(
        self, conn: Connection, outcomes: list[tuple[Claimed, Outcome]], handed_back: list[Claimed]
    ) -> None:
        now = utcnow()
        if handed_back:  # claimed but not sent: as they were, due now (fenced like the outcomes)
            await conn.execute(
                _HAND_BACK, [{"delivery_id": d.id, "attempt": d.attempt, "now": now} for d in handed_back]
            )
        succeeded = [(delivery, outcome) for delivery, outcome in outcomes if outcome.succeeded]
        if succeeded:
            await conn.execute(
                _SUCCEEDED,
                [
                    {
                        "delivery_id": delivery.id,
                        "attempt": delivery.attempt,
                        "code": outcome.status_code,
                        "latency": outcome.latency_ms,
                        "body": outcome.response_body,
                        "now": now,
                    }
                    for delivery, outcome in succeeded
                ],
            )
            await conn.execute(
                update(_e)
                .where(_e.c.id == succeeded[0][0].endpoint_id, _e.c.failing_since.is_not(None))
                .values(failing_since=None)
            )
        for delivery, outcome in outcomes:
            if not outcome.succeeded:
                await self._record_failure(conn, delivery, outcome, now)

    async def _record_failure(
        self, conn: Connection, delivery: Claimed, outcome: Outcome, now: datetime
    ) -> None:
        values: dict[str, Any] = {
            "lease_expires_at": None,
            "last_status_code": outcome.status_code,
            "last_latency_ms": outcome.latency_ms,
            "last_error": outcome.error,
            "last_response_body": outcome.response_body,
            "updated_at": now,
        }
        if delivery.attempt > len(self._schedule) or delivery.event is None:
            values.update(status="failed", next_attempt_at=None)
        else:
            values.update(status="pending", next_attempt_at=now + self._backoff(delivery.attempt))
        # Fenced: a worker whose lease expired (another claimed it since) records nothing.
        done = await conn.execute(
            update(_d)
            .where(_d.c.id == delivery.id, _d.c.status == "delivering", _d.c.attempts == delivery.attempt)
            .values(**values)
        )
        if not done.rowcount:
            return
        await conn.execute(
            update(_e)
            .where(_e.c.id == delivery.endpoint_id, _e.c.failing_since.is_(None))
            .values(failing_since=now)
        )
        await self._disable_if_failing(conn, delivery, now)

    async def _disable_if_failing(self, conn: Connection, delivery: Claimed, now: datetime) -> None:
        reason = f"Every delivery failed for {_describe(self._disable_after)}."
        disabled = await conn.execute(
            update(_e)
            .where(
                _e.c.id == delivery.endpoint_id,
                _e.c.enabled.is_(True),
                _e.c.failing_since <= now - self._disable_after,
            )
            .values(
                enabled=False,
                disabled_at=now,
                disabled_reason=reason,
                updated_at=now,
                version=_e.c.version + 1,
            )
        )
        if disabled.rowcount:
            log.warning("webhook endpoint %s disabled: its deliveries kept failing", delivery.endpoint_id)
            await emit(
                conn,
                SystemContext(delivery.workspace_id),
                EventType.WEBHOOK_ENDPOINT_DISABLED,
                {"endpointId": delivery.endpoint_id, "url": delivery.url, "reason": reason},
            )

    def _backoff(self, attempt: int) -> timedelta:
        """The wait after failed attempt number `attempt`, give or take the jitter (so that many
        deliveries failed at once do not all come back at once)."""
        base = self._schedule[attempt - 1]
        return base * (1 + random.uniform(-self._jitter, self._jitter))

    async def purge(self) -> int:
        """Deletes finished deliveries (succeeded or failed) not touched for the retention period, the
        feed's: their events are gone from the feed by then. How many."""
        cutoff = utcnow() - self._retention

        async def purge(conn: Connection) -> int:
            done = await conn.execute(
                delete(_d).where(_d.c.status.in_(("succeeded", "failed")), _d.c.updated_at < cutoff)
            )
            return int(done.rowcount or 0)

        return await self._db.transact(purge)

    def wake(self) -> None:
        """Looks for due deliveries soon, without waiting for the next poll (new deliveries queued)."""
        self._loop.wake()

    def start(self, *, interval: float = 0.5) -> None:
        self._loop.start(interval)

    async def stop(self) -> None:
        await self._loop.stop()
        await self._pool.aclose()

    async def _claimed_some(self) -> bool:
        """One round of deliveries; whether it claimed any (others may be due already)."""
        return bool(await self.run_once())


def _ms_since(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def _describe(period: timedelta) -> str:
    if period and period % timedelta(days=1) == timedelta(0):
        days = period // timedelta(days=1)
        return f"{days} day{'s' if days != 1 else ''}"
    return f"{round(period.total_seconds())} seconds"
