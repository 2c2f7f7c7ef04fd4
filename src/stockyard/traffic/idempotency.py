"""Stored responses of POSTs sent with an `Idempotency-Key`, shared by every server process.

The row in `idempotency_keys` is the lock. `claim()` inserts it as `in_progress` in its own short
transaction, before the request runs: whoever inserts it owns the key, everyone else reads the
row and gets the stored response (completed), `in_use` (still running) or `reused` (the key came
with another request). The owner then stores the response (`complete()`) or, after a 5xx or a
crash of the handler, deletes the row (`release()`) so that a retry can run.

An `in_progress` row older than `IN_PROGRESS_LEASE` is treated as abandoned (its process died, or
the database went away before the row could be released) and may be claimed again. Keys live for
`KEY_TTL` (24 h); expired rows are purged at most once per `PURGE_INTERVAL` per process.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

import orjson
from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.elements import ColumnElement

from stockyard.core.clock import utcnow
from stockyard.core.service import Service, in_transaction
from stockyard.db.database import Connection, Database
from stockyard.db.tables import idempotency_keys
from stockyard.db.upsert import per_backend

KEY_TTL = timedelta(hours=24)
IN_PROGRESS_LEASE = timedelta(seconds=60)
PURGE_INTERVAL_SECONDS = 3600.0
IN_PROGRESS = "in_progress"
COMPLETED = "completed"


class Outcome(StrEnum):
    CLAIMED = "claimed"  # the caller owns the key and runs the request
    REPLAY = "replay"  # a completed response is stored
    IN_USE = "in_use"  # another request with this key is still running
    REUSED = "reused"  # the key was first used with a different request


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass(frozen=True, slots=True)
class Claim:
    outcome: Outcome
    response: StoredResponse | None = None


@dataclass(frozen=True, slots=True)
class KeyOwner:
    """Whose key it is: keys are scoped to a workspace and a principal."""

    workspace_id: str
    principal_id: str
    key: str


def fingerprint(method: str, path: str, query_string: bytes, body: bytes) -> str:
    """A digest of the request; JSON bodies are canonicalised so key order and spacing don't matter."""
    try:
        canonical = orjson.dumps(orjson.loads(body), option=orjson.OPT_SORT_KEYS) if body else b""
    except orjson.JSONDecodeError:
        canonical = body
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query_string, canonical):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


_INSERT_IF_ABSENT: dict[str, Insert] = per_backend(
    lambda insert: insert(idempotency_keys).on_conflict_do_nothing()
)


def _row_of(owner: KeyOwner) -> list[ColumnElement[bool]]:
    return [
        idempotency_keys.c.workspace_id == owner.workspace_id,
        idempotency_keys.c.principal_id == owner.principal_id,
        idempotency_keys.c.key == owner.key,
    ]


class IdempotencyStore(Service):
    def __init__(self, database: Database) -> None:
        super().__init__(database)
        self._next_purge = 0.0

    @in_transaction
    async def claim(conn: Connection, owner: KeyOwner, request_hash: str) -> Claim:
        now = utcnow()
        key = _row_of(owner)
        await conn.execute(
            delete(idempotency_keys).where(
                *key,
                or_(
                    idempotency_keys.c.expires_at <= now,
                    and_(
                        idempotency_keys.c.status == IN_PROGRESS,
                        idempotency_keys.c.created_at <= now - IN_PROGRESS_LEASE,
                    ),
                ),
            )
        )
        inserted = (
            await conn.execute(
                _INSERT_IF_ABSENT[conn.dialect]
                .values(
                    workspace_id=owner.workspace_id,
                    principal_id=owner.principal_id,
                    key=owner.key,
                    request_hash=request_hash,
                    status=IN_PROGRESS,
                    created_at=now,
                    expires_at=now + KEY_TTL,
                )
                .returning(idempotency_keys.c.key)
            )
        ).first()
        if inserted is not None:
            return Claim(Outcome.CLAIMED)
        row = (await conn.execute(select(idempotency_keys).where(*key))).first()
        if row is None:  # released between our insert and our read: it was in use a moment ago
            return Claim(Outcome.IN_USE)
        if row.request_hash != request_hash:
            return Claim(Outcome.REUSED)
        if row.status != COMPLETED:
            return Claim(Outcome.IN_USE)
        headers = [(str(name), str(value)) for name, value in row.response_headers or []]
        return Claim(Outcome.REPLAY, StoredResponse(row.response_status, headers, row.response_body or b""))

    @in_transaction
    async def complete(conn: Connection, owner: KeyOwner, response: StoredResponse) -> None:
        await conn.execute(
            update(idempotency_keys)
            .where(*_row_of(owner), idempotency_keys.c.status == IN_PROGRESS)
            .values(
                status=COMPLETED,
                response_status=response.status,
                response_headers=[list(pair) for pair in response.headers],
                response_body=response.body,
            )
        )

    @in_transaction
    async def release(conn: Connection, owner: KeyOwner) -> None:
        await conn.execute(
            delete(idempotency_keys).where(*_row_of(owner), idempotency_keys.c.status == IN_PROGRESS)
        )

    async def purge_expired_now_and_then(self) -> None:
        """Deletes expired keys, at most once per PURGE_INTERVAL_SECONDS in this process."""
        if time.monotonic() < self._next_purge:
            return
        self._next_purge = time.monotonic() + PURGE_INTERVAL_SECONDS
        await self._db.transact(self._purge)

    @staticmethod
    async def _purge(conn: Connection) -> None:
        await conn.execute(delete(idempotency_keys).where(idempotency_keys.c.expires_at <= utcnow()))
