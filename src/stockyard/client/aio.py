"""`AsyncClient`: the asynchronous Stockyard client (same behaviour as `Client`)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from stockyard.client import _protocol as protocol
from stockyard.client._core import JSON, LOGOUT_PATH, REFRESH_PATH, SIGN_IN_PATH
from stockyard.client.resources import Resources
from stockyard.client.retry import Action, RetryPolicy

if TYPE_CHECKING:
    from typing_extensions import Unpack  # an annotation only: no runtime dependency on Python 3.11

AJSON = Awaitable[JSON]
ABytes = Awaitable[bytes]
APages = AsyncIterator[JSON]


class AsyncClient(Resources[AJSON, ABytes, APages]):
    """An asyncio client for the Stockyard API; see `Client` for authentication and retries.

    Resource helpers return awaitables (`await client.items.get(id)`); list helpers return async
    iterators over every page (`async for item in client.items.list()`).
    """

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        access_token: str | None = None,
        refresh_token: str | None = None,
        workspace: str | None = None,
        email: str | None = None,
        password: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        transport: httpx.AsyncBaseTransport | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.session = protocol.new_session(
            api_key=api_key,
            access_token=access_token,
            refresh_token=refresh_token,
            workspace=workspace,
            email=email,
            password=password,
        )
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._auth_lock = asyncio.Lock()
        self._http = httpx.AsyncClient(
            base_url=base_url,
            timeout=timeout,
            transport=transport,
            headers=protocol.default_headers(headers),
            limits=protocol.CONNECTION_LIMITS,
        )
        self._bind_resources(self._json, self._download, self._pages)

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        authenticated: bool = True,
    ) -> httpx.Response:
        """Send a request with the retry rules; return the response (< 400) or raise its error."""
        exchange = protocol.Exchange(
            self.session,
            self.retry,
            method,
            path,
            params=params,
            json=json,
            headers=headers,
            idempotency_key=idempotency_key,
            authenticated=authenticated,
        )
        while True:
            if exchange.needs_sign_in():
                await self._sign_in_with_credentials()
            response = await self._http.send(exchange.attempt(self._http))
            decision = exchange.after(response)
            if decision is None:
                return response
            if decision.action is Action.REFRESH:
                await self._refresh_if_still(exchange.sent_with)
            else:
                await self._sleep(decision.delay)

    async def _json(self, method: str, path: str, **sent: Unpack[protocol.Sent]) -> JSON:
        return protocol.json_of(await self.request(method, path, **sent))

    async def _download(self, path: str, params: Mapping[str, str] | None = None) -> bytes:
        return (await self.request("GET", path, params=params)).content

    async def _pages(
        self, path: str, params: Mapping[str, str] | None = None, *, cursor_param: str = "cursor"
    ) -> APages:
        """Every row of every page, following `nextCursor`."""
        paging = protocol.Paging(params, cursor_param)
        while True:
            page = await self._json("GET", path, params=paging.params)
            for row in page["data"]:
                yield row
            if not paging.follow(page):
                return

    async def wait_for_job(self, job_id: str, *, poll_interval: float = 0.5, max_wait: float = 300.0) -> JSON:
        """Poll a bulk job until it is succeeded, partially_failed or failed; return it."""
        poll = protocol.JobPoll(poll_interval, max_wait)
        while True:
            job = await self.jobs.get(job_id)
            if poll.finished(job):
                return job
            await self._sleep(poll_interval)

    async def sign_in(self, workspace: str, email: str, password: str) -> JSON:
        """Exchange a member's credentials for a token pair, which the client then uses."""
        pair = await self._json_public(SIGN_IN_PATH, protocol.sign_in_body(workspace, email, password))
        self.session.store(pair)
        return pair

    async def refresh(self) -> JSON:
        """Rotate the refresh token into a new token pair (done automatically on `token_expired`)."""
        pair = await self._json_public(REFRESH_PATH, protocol.refresh_body(self.session))
        self.session.store(pair)
        return pair

    async def sign_out(self) -> None:
        """Revoke the current token family."""
        await self.request("POST", LOGOUT_PATH)
        protocol.forget_tokens(self.session)

    async def me(self) -> JSON:
        """The caller: member or API key, workspace, role and permissions."""
        return await self._json("GET", "/api/v1/me")

    async def _json_public(self, path: str, payload: JSON) -> JSON:
        response = await self.request("POST", path, json=payload, authenticated=False)
        result: JSON = response.json()
        return result

    async def _sign_in_with_credentials(self) -> None:
        credentials = self.session.credentials
        assert credentials is not None
        async with self._auth_lock:
            if self.session.needs_sign_in():
                await self.sign_in(credentials.workspace, credentials.email, credentials.password)

    async def _refresh_if_still(self, sent_with: str | None) -> None:
        async with self._auth_lock:  # one refresh even when many tasks see the token expire
            if self.session.bearer == sent_with:
                await self.refresh()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
