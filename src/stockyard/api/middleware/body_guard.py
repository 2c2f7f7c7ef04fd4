"""Cheap checks on request bodies before any parsing: size (413), media type (415), nesting (400).

The body is read here once, bounded by the route's allowance, and replayed to the app.
"""

from __future__ import annotations

import re

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from stockyard.api.errors import send_error
from stockyard.api.middleware.base import replay_body
from stockyard.errors import StockyardError, catalog

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")


def json_depth_exceeds(body: bytes, max_depth: int) -> bool:
    """True when `body` nests arrays/objects deeper than `max_depth` (strings are ignored)."""
    if body.count(b"[") + body.count(b"{") <= max_depth:
        return False
    depth = 0
    for bracket in _BRACKETS.findall(_STRING.sub(b'""', body)):
        if bracket in (b"[", b"{"):
            depth += 1
            if depth > max_depth:
                return True
        else:
            depth -= 1
    return False


def _media_type(headers: Headers) -> str | None:
    value = headers.get("content-type")
    return None if value is None else value.split(";", 1)[0].strip().lower()


def _content_length(headers: Headers) -> int | None:
    value = headers.get("content-length")
    if value is None:
        return None
    try:
        # As bytes, like the wire: int() of a str would also take Unicode digits and spaces.
        return int(value.encode("latin-1"))
    except ValueError:
        return None


def is_json(media_type: str | None) -> bool:
    return media_type is not None and (media_type == "application/json" or media_type.endswith("+json"))


class BodyGuardMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        max_bulk_bytes: int,
        max_depth: int,
        csv_paths: frozenset[str] = frozenset(),
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_bulk_bytes = max_bulk_bytes
        self.max_depth = max_depth
        self.csv_paths = csv_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        bulk = path.endswith("/bulk")
        limit = self.max_bulk_bytes if bulk else self.max_bytes
        too_large = StockyardError(
            catalog.PAYLOAD_TOO_LARGE, f"The request body is larger than {limit:,} bytes."
        )
        headers = Headers(scope=scope)
        declared = _content_length(headers)
        if declared is not None and declared > limit:
            await send_error(scope, send, too_large)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await send_error(scope, send, too_large)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if body:
            media_type = _media_type(headers)
            csv_allowed = path in self.csv_paths and media_type == "text/csv"
            if not is_json(media_type) and not csv_allowed:
                accepted = "application/json or text/csv" if path in self.csv_paths else "application/json"
                await send_error(
                    scope,
                    send,
                    StockyardError(
                        catalog.UNSUPPORTED_MEDIA_TYPE,
                        f"Unsupported media type {media_type or '(none)'}; send {accepted}.",
                    ),
                )
                return
            if is_json(media_type) and json_depth_exceeds(body, self.max_depth):
                await send_error(
                    scope,
                    send,
                    StockyardError(
                        catalog.MALFORMED_JSON,
                        f"The JSON body is nested deeper than {self.max_depth} levels.",
                    ),
                )
                return

        await self.app(scope, replay_body(body, receive), send)
