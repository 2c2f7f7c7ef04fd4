"""`Idempotency-Key` on POST: a retried request gets the first response back instead of running twice.

Runs after the body guard (the body is already bounded and buffered). For an authenticated POST
with a valid key (1-255 printable ASCII characters, else 400 `invalid_parameter`), the key is
claimed in the database per workspace, principal and key (see `traffic/idempotency.py`):

* first request: runs normally; a response below 500 is stored for 24 h, a 5xx releases the key;
* the same request again: the stored status, body and headers, plus `Idempotent-Replayed: true`;
* the same key with another path or body: 422 `idempotency_key_reused`;
* while the first one still runs: 409 `idempotency_key_in_use`.

Public POSTs (sign-up, sign-in) have no principal to scope a key to: the key is validated and
otherwise ignored. Other methods ignore the header (PATCH and DELETE use If-Match instead).
"""

from __future__ import annotations

import logging
import re

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stockyard.api.errors import send_error
from stockyard.api.middleware.base import PerApplication, replay_body
from stockyard.api.paths import API_ROOT
from stockyard.api.request_state import state_of
from stockyard.errors import StockyardError, catalog
from stockyard.traffic.idempotency import (
    Claim,
    IdempotencyStore,
    KeyOwner,
    Outcome,
    StoredResponse,
    fingerprint,
)

log = logging.getLogger("stockyard.idempotency")

HEADER = "idempotency-key"
_VALID_KEY = re.compile(r"^[\x20-\x7e]{1,255}$")
STORED_HEADERS = frozenset(
    {"content-type", "content-language", "location", "etag", "last-modified", "cache-control", "link"}
)
REPLAYED = (b"idempotent-replayed", b"true")


def idempotency_key(scope: Scope) -> str | None:
    """The request's key, None without one; raises 400 when it is malformed or sent twice."""
    values = Headers(scope=scope).getlist(HEADER)
    if not values:
        return None
    if len(values) > 1 or not _VALID_KEY.match(values[0]) or not values[0].strip():
        raise StockyardError(
            catalog.INVALID_PARAMETER,
            "The Idempotency-Key header must be one value of 1 to 255 printable ASCII characters.",
            param="Idempotency-Key",
        )
    return values[0]


async def _read_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._store = PerApplication(IdempotencyStore)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].startswith(API_ROOT):
            await self.app(scope, receive, send)
            return
        try:
            key = idempotency_key(scope)
        except StockyardError as error:
            await send_error(scope, send, error)
            return
        principal = state_of(scope).principal
        if key is None or principal is None:
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        if body is None:  # the client went away
            return
        owner = KeyOwner(principal.workspace_id, principal.id, key)
        store = self._store.of(scope)
        request_hash = fingerprint(scope["method"], scope["path"], scope.get("query_string", b""), body)
        try:
            claim = await store.claim(owner, request_hash)
        except StockyardError as error:
            await send_error(scope, send, error)
            return
        if claim.outcome is Outcome.CLAIMED:
            await self._run_and_store(scope, body, receive, send, store, owner)
        else:
            await self._answer(scope, send, claim)

    async def _run_and_store(
        self,
        scope: Scope,
        body: bytes,
        receive: Receive,
        send: Send,
        store: IdempotencyStore,
        owner: KeyOwner,
    ) -> None:
        status = 500
        headers: list[tuple[str, str]] = []
        chunks: list[bytes] = []

        async def recording_send(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status = message["status"]
                sent = Headers(raw=message.get("headers", []))
                headers = [
                    (name.lower(), value) for name, value in sent.items() if name.lower() in STORED_HEADERS
                ]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, replay_body(body, receive), recording_send)
        except BaseException:
            await self._release_quietly(store, owner)
            raise
        try:
            if status >= 500:
                await store.release(owner)
            else:
                await store.complete(owner, StoredResponse(status, headers, b"".join(chunks)))
            await store.purge_expired_now_and_then()
        except StockyardError:
            # The response has gone out; the row stays in progress until its lease runs out.
            log.error("could not record the outcome of an idempotent request", extra={"status": status})

    @staticmethod
    async def _release_quietly(store: IdempotencyStore, owner: KeyOwner) -> None:
        try:
            await store.release(owner)
        except Exception:
            log.error("could not release an idempotency key after a failure", exc_info=True)

    @staticmethod
    async def _answer(scope: Scope, send: Send, claim: Claim) -> None:
        if claim.outcome is Outcome.REUSED:
            await send_error(scope, send, StockyardError(catalog.IDEMPOTENCY_KEY_REUSED))
            return
        if claim.outcome is Outcome.IN_USE or claim.response is None:
            await send_error(scope, send, StockyardError(catalog.IDEMPOTENCY_KEY_IN_USE))
            return
        stored = claim.response
        raw_headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in stored.headers]
        raw_headers += [(b"content-length", str(len(stored.body)).encode()), REPLAYED]
        await send({"type": "http.response.start", "status": stored.status, "headers": raw_headers})
        await send({"type": "http.response.body", "body": stored.body})
