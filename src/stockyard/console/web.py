"""The little HTTP the console needs, on plain ASGI: a request (path, query, cookies, form body), a
response (status, headers, cookies) and a table of routes.

The console is a client of the API, not a part of it: it imports no web framework and nothing of
`stockyard.api` (tests/console/test_http.py checks). The server mounts it with one line
(`api/app.py`), and it reaches the API only over HTTP (`console/api.py`).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

MAX_FORM_BYTES = 2 * 1024 * 1024


@dataclass
class Request:
    scope: Scope
    body: bytes = b""
    path_params: dict[str, str] = field(default_factory=dict)

    @property
    def method(self) -> str:
        return str(self.scope["method"])

    @property
    def root(self) -> str:
        """The path the application is served under (a proxy's prefix), without a trailing '/'."""
        return str(self.scope.get("root_path", "")).rstrip("/")

    @property
    def path(self) -> str:
        """The path below the root: '/app/items'."""
        path = str(self.scope["path"])
        return path[len(self.root) :] if self.root and path.startswith(self.root) else path

    @property
    def raw_query(self) -> str:
        return bytes(self.scope.get("query_string", b"")).decode("latin-1")

    @property
    def query(self) -> dict[str, str]:
        return dict(parse_qsl(self.raw_query, keep_blank_values=True))

    @property
    def headers(self) -> dict[str, str]:
        return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in self.scope.get("headers", [])}

    @property
    def cookies(self) -> dict[str, str]:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(self.headers.get("cookie", ""))
        except Exception:  # a malformed Cookie header: as if none were sent
            return {}
        return {name: morsel.value for name, morsel in jar.items()}

    @property
    def scheme(self) -> str:
        return str(self.scope.get("scheme", "http"))

    @property
    def origin(self) -> str:
        """This server as the browser names it: scheme://host[:port]."""
        host = self.headers.get("host")
        if not host:
            server = self.scope.get("server") or ("localhost", 80)
            host = f"{server[0]}:{server[1]}"
        return f"{self.scheme}://{host}"

    @property
    def client(self) -> tuple[str, int]:
        peer = self.scope.get("client")
        return (str(peer[0]), int(peer[1])) if peer else ("127.0.0.1", 0)

    @property
    def app(self) -> Any:
        """The ASGI application serving this request (the whole API, with its middleware)."""
        return self.scope["app"]

    def form(self) -> dict[str, str]:
        """An `application/x-www-form-urlencoded` body; the last value of a repeated field wins."""
        return dict(parse_qsl(self.body.decode("utf-8", errors="replace"), keep_blank_values=True))


class Response:
    def __init__(
        self,
        body: bytes | str = b"",
        *,
        status: int = 200,
        media_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.body = body.encode() if isinstance(body, str) else body
        self.status = status
        self.headers: dict[str, str] = {"Content-Type": media_type, **(headers or {})}
        self.cookies: list[str] = []

    def set_cookie(
        self,
        name: str,
        value: str,
        *,
        path: str,
        secure: bool,
        max_age: int | None = None,
    ) -> None:
        """An `HttpOnly`, `SameSite=Strict` cookie (every cookie of the console is one)."""
        parts = [f"{name}={value}", f"Path={path}", "HttpOnly", "SameSite=Strict"]
        if max_age is not None:
            parts.append(f"Max-Age={max_age}")
        if secure:
            parts.append("Secure")
        self.cookies.append("; ".join(parts))

    def delete_cookie(self, name: str, *, path: str, secure: bool) -> None:
        self.set_cookie(name, '""', path=path, secure=secure, max_age=0)

    async def __call__(self, send: Send) -> None:
        headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in self.headers.items()]
        headers.append((b"content-length", str(len(self.body)).encode()))
        headers.extend((b"set-cookie", cookie.encode("latin-1")) for cookie in self.cookies)
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": self.body})


def redirect(url: str, status: int = 303) -> Response:
    return Response(b"", status=status, headers={"Location": url})


Handler = Callable[..., Awaitable[Response]]


class Router:
    """Routes by method and path pattern (`{name}` matches one path segment)."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, re.Pattern[str], Handler]] = []

    def route(self, method: str, pattern: str) -> Callable[[Handler], Handler]:
        regex = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern) + "$")

        def register(handler: Handler) -> Handler:
            self.routes.append((method, regex, handler))
            return handler

        return register

    def get(self, pattern: str) -> Callable[[Handler], Handler]:
        return self.route("GET", pattern)

    def post(self, pattern: str) -> Callable[[Handler], Handler]:
        return self.route("POST", pattern)

    def match(self, method: str, path: str) -> tuple[Handler | None, dict[str, str], bool]:
        """The handler and its path parameters; whether the path is known for another method."""
        other_method = False
        for route_method, regex, handler in self.routes:
            found = regex.match(path)
            if found is None:
                continue
            if route_method == method or (method == "HEAD" and route_method == "GET"):
                return handler, found.groupdict(), False
            other_method = True
        return None, {}, other_method


async def read_body(receive: Receive, limit: int = MAX_FORM_BYTES) -> bytes | None:
    """The request body; None when it is longer than `limit`."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)
