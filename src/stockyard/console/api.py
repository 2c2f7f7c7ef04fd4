"""The console's only way to the data: the public API, called in-process over HTTP.

Each page's handler sends ordinary `/api/v1` requests through `httpx.ASGITransport` to the very
application that serves the page, with the signed-in person's access token as a bearer credential.
The request therefore meets every middleware an integration meets (authentication, the workspace's
rate limit, the body and query guards, idempotency) and every route's permission check, and its
answer is the JSON any client gets. The console renders those answers; it never reads the database.

An access token that has expired is refreshed once with the refresh token (`/auth/refresh`, which
rotates the pair); the new pair is handed back for the page to store in its cookies.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
import weakref
from dataclasses import dataclass
from typing import Any

import httpx

from stockyard.console.web import Request

API_V1 = "/api/v1"  # the public API's address: the console knows it as any client does


@dataclass(frozen=True)
class ApiError:
    """An error answer of the API, as the contract describes it (docs/errors.md)."""

    status: int
    error: str
    code: str
    message: str
    param: str | None
    details: dict[str, list[str]]
    request_id: str | None
    retry_after: int | None

    @property
    def fields(self) -> set[str]:
        """The fields at fault: every key of `details`, and `param`."""
        named = set(self.details)
        if self.param:
            named.add(self.param)
        return named

    def for_field(self, name: str) -> list[str]:
        messages = list(self.details.get(name, []))
        if not messages and self.param == name:
            messages.append(self.message)
        return messages

    @property
    def retryable(self) -> bool:
        return self.status in (429, 503) and self.retry_after is not None


@dataclass
class ApiAnswer:
    status: int
    body: Any
    headers: httpx.Headers
    error: ApiError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def rows(self) -> list[Any]:
        """A list answer's `data`; none when the list could not be read."""
        return list(self.body["data"]) if self.ok else []

    @property
    def shown(self) -> dict[str, Any]:
        """The `status` and `error` of a page that shows this answer: 200 and none, or the API's
        error with its status."""
        return {"status": self.error.status if self.error else 200, "error": self.error}

    def beside(self, status: int, error: ApiError | None) -> tuple[int, ApiError | None]:
        """The status and error of a page that shows this list beside a form's outcome: the form's
        error when there is one, else this list's own."""
        if error is not None:
            return status, error
        return self.shown["status"], self.error


def _error_of(response: httpx.Response) -> ApiError:
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    retry_after = response.headers.get("retry-after")
    details = body.get("details") or {}
    return ApiError(
        status=response.status_code,
        error=str(body.get("error", "error")),
        code=str(body.get("code", "error")),
        message=str(body.get("message", f"The request failed ({response.status_code}).")),
        param=body.get("param"),
        details={str(k): [str(m) for m in v] for k, v in details.items()}
        if isinstance(details, dict)
        else {},
        request_id=body.get("requestId") or response.headers.get("x-request-id"),
        retry_after=int(retry_after) if retry_after and retry_after.isdigit() else None,
    )


@dataclass
class Tokens:
    access: str | None
    refresh: str | None
    renewed: bool = False  # a refresh rotated the pair: the cookies must be rewritten
    ended: bool = False  # the refresh failed: the session is over


# A refresh rotates the pair, and presenting the old refresh token again revokes the family
# (`refresh_token_reused`). A page whose access token has expired can fire several requests at once
# (search as you type, a scan): the first refreshes, the others wait for it and reuse its pair.
# The old token's answer is kept only for a few seconds: past that, presenting it again is a reuse
# for the API to catch, as for any client.
_REFRESH_LOCKS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)
_ROTATED: dict[str, tuple[float, str, str]] = {}  # sha256(old refresh token) -> (when, access, refresh)
_ROTATED_TTL = 10.0


def _refresh_lock() -> asyncio.Lock:
    """One lock per event loop (a lock may only be awaited on the loop it was first used on)."""
    loop = asyncio.get_running_loop()
    lock = _REFRESH_LOCKS.get(loop)
    if lock is None:
        lock = _REFRESH_LOCKS[loop] = asyncio.Lock()
    return lock


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class Api:
    """The public API as the person signed in to this browser session."""

    request: Request
    tokens: Tokens

    def client(self) -> httpx.AsyncClient:
        """A client for one call: into this very application, as the browser's address."""
        transport = httpx.ASGITransport(
            app=self.request.app, client=self.request.client, root_path=self.request.root
        )
        return httpx.AsyncClient(
            transport=transport,
            base_url=self.request.origin + self.request.root,
            headers={"User-Agent": "stockyard-console"},
            timeout=60,
        )

    async def call(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        content: bytes | None = None,
        authenticated: bool = True,
    ) -> ApiAnswer:
        query = {k: v for k, v in (params or {}).items() if v not in (None, "")}
        response = await self._send(method, path, json, query, headers, content, authenticated)
        if (
            authenticated
            and response.status_code == 401
            and self.tokens.refresh
            and _error_of(response).code == "token_expired"
            and await self._refresh()
        ):
            response = await self._send(method, path, json, query, headers, content, authenticated)
        if response.status_code >= 400:
            return ApiAnswer(response.status_code, None, response.headers, _error_of(response))
        body: Any = None
        if response.content and response.headers.get("content-type", "").startswith("application/json"):
            body = response.json()
        elif response.content:
            body = response.content
        return ApiAnswer(response.status_code, body, response.headers)

    async def openapi(self) -> dict[str, Any]:
        """The API's OpenAPI document (public, like `/docs`): what the forms offer comes from it
        where the API lists the choices (event types), so the console never lags behind."""
        async with self.client() as client:
            response = await client.get("/openapi.json")
        if response.status_code != 200:
            return {}
        document = response.json()
        return document if isinstance(document, dict) else {}

    async def _send(
        self,
        method: str,
        path: str,
        json: Any,
        params: dict[str, Any],
        headers: dict[str, str] | None,
        content: bytes | None,
        authenticated: bool,
    ) -> httpx.Response:
        sent = dict(headers or {})
        if authenticated and self.tokens.access:
            sent["Authorization"] = f"Bearer {self.tokens.access}"
        async with self.client() as client:
            return await client.request(
                method, API_V1 + path, json=json, params=params, headers=sent, content=content
            )

    async def _refresh(self) -> bool:
        assert self.tokens.refresh is not None
        old = _digest(self.tokens.refresh)
        async with _refresh_lock():
            now = time.monotonic()
            for key in [k for k, (when, _, _) in _ROTATED.items() if now - when > _ROTATED_TTL]:
                del _ROTATED[key]
            if old in _ROTATED:  # another request of this session has just refreshed
                _, access, refresh = _ROTATED[old]
            else:
                async with self.client() as client:
                    response = await client.post(
                        API_V1 + "/auth/refresh", json={"refreshToken": self.tokens.refresh}
                    )
                if response.status_code != 200:
                    self.tokens.ended = True
                    return False
                pair = response.json()
                access, refresh = pair["accessToken"], pair["refreshToken"]
                _ROTATED[old] = (now, access, refresh)
        self.tokens.access, self.tokens.refresh = access, refresh
        self.tokens.renewed = True
        return True
