"""400 for query strings longer than any route needs, and for NUL characters in the URL, before parsing.

No route takes more than a few short parameters (page size, cursor, filters of at most a few
hundred characters each), so a query string over `MAX_QUERY_BYTES` is a mistake or an attack.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from stockyard.api.errors import send_error
from stockyard.errors import StockyardError, catalog

MAX_QUERY_BYTES = 4096


def _has_nul(scope: Scope) -> bool:
    """U+0000 in the path or the query string: PostgreSQL text cannot hold it, so no id or filter can."""
    query: bytes = scope.get("query_string", b"")
    return "\x00" in scope["path"] or b"\x00" in query or b"%00" in query


class QueryGuardMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int = MAX_QUERY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _has_nul(scope):
            await send_error(
                scope,
                send,
                StockyardError(catalog.BAD_REQUEST, "The URL must not contain NUL characters (%00)."),
            )
            return
        if scope["type"] == "http" and len(scope.get("query_string", b"")) > self.max_bytes:
            await send_error(
                scope,
                send,
                StockyardError(
                    catalog.BAD_REQUEST, f"The query string is longer than {self.max_bytes:,} bytes."
                ),
            )
            return
        await self.app(scope, receive, send)
