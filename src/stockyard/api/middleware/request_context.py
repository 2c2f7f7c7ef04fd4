"""Outermost ASGI layer: request id, the access log line, and the last line of defence for errors.

* Honours a client's `X-Request-Id` (1-128 chars of [A-Za-z0-9._-]) or generates one; every
  response carries it.
* Writes one JSON access-log line per request: never headers, query strings or bodies.
* Turns any unhandled exception into the catalog's generic 500 and logs the traceback with the
  request id.
* Counts the request in the Prometheus metrics (`api/request_metrics.py`) with the same status.
"""

from __future__ import annotations

import logging
import re
import time

from starlette.datastructures import Headers
from starlette.types import Message, Receive, Scope, Send

from stockyard.api.errors import send_error
from stockyard.api.middleware.base import HttpMiddleware
from stockyard.api.request_metrics import record_request
from stockyard.api.request_state import SCOPE_KEY, RequestState
from stockyard.core.ids import new_id
from stockyard.errors import StockyardError, catalog
from stockyard.logs import ACCESS_LOGGER, ERROR_LOGGER

_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
CLIENT_CLOSED_REQUEST = 499
access_log = logging.getLogger(ACCESS_LOGGER)
error_log = logging.getLogger(ERROR_LOGGER)


class RequestContextMiddleware(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request_id = _incoming_request_id(scope) or new_id("req")
        state = scope[SCOPE_KEY] = RequestState(request_id)
        header = (b"x-request-id", request_id.encode())
        started = time.perf_counter()
        # 499 (nginx's "client closed request") when the app returns without answering: the client
        # went away before a response was started.
        status = CLIENT_CLOSED_REQUEST
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                message["headers"] = [*message.get("headers", []), header]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            error_log.error(
                "unhandled exception",
                exc_info=True,
                extra={"requestId": request_id, "method": scope["method"], "path": scope["path"]},
            )
            status = 500
            if not response_started:
                await send_error(scope, send_with_id, StockyardError(catalog.INTERNAL_ERROR))
        finally:
            elapsed = time.perf_counter() - started
            _log_access(scope, state, status, elapsed * 1000)
            record_request(scope, state, status, elapsed)


def _incoming_request_id(scope: Scope) -> str | None:
    value = Headers(scope=scope).get("x-request-id")
    return value if value is not None and _VALID_ID.match(value) else None


def _log_access(scope: Scope, state: RequestState, status: int, duration_ms: float) -> None:
    if not access_log.isEnabledFor(logging.INFO):
        return
    principal = state.principal
    extra = {
        "requestId": state.request_id,
        "method": scope["method"],
        "path": scope["path"],
        "status": status,
        "durationMs": round(duration_ms, 3),
        "workspaceId": principal.workspace_id if principal else None,
        "principalId": principal.id if principal else None,
        "principalType": principal.kind.value if principal else None,
    }
    if status == CLIENT_CLOSED_REQUEST:
        extra["errorMessage"] = "The client closed the connection before a response was sent."
    elif status >= 400:
        code = state.error_code
        extra["errorCode"] = code if code is not None else "internal_error" if status >= 500 else None
        extra["errorMessage"] = state.error_message
    access_log.info("request", extra=extra)
