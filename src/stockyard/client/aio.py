"""`AsyncClient`: the asynchronous Stockyard client (same behaviour as `Client`)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any

import httpx

from stockyard.client import resources
from stockyard.client._core import (
    FINISHED_JOB_STATUSES,
    JSON,
    LOGOUT_PATH,
    REFRESH_PATH,
    SIGN_IN_PATH,
    USER_AGENT,
    Credentials,
    JobTimeoutError,
    Session,
    new_idempotency_key,
)
from stockyard.client.errors import error_from_response
from stockyard.client.retry import Action, RetryPolicy

AJSON = Awaitable[JSON]
ABytes = Awaitable[bytes]
APages = AsyncIterator[JSON]


class AsyncClient:
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
        credentials = None
        if workspace is not None and email is not None and password is not None:
            credentials = Credentials(workspace, email, password)
        self.session = Session(
            api_key=api_key, access_token=access_token, refresh_token=refresh_token, credentials=credentials
        )
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._auth_lock = asyncio.Lock()
        self._http = httpx.AsyncClient(
            base_url=base_url,
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": USER_AGENT, **(headers or {})},
        )
        self.items = resources.Items[AJSON, ABytes, APages](self._json, self._download, self._pages)
        self.warehouses = resources.Warehouses[AJSON, ABytes, APages](self._json, self._download, self._pages)
        self.locations = resources.Locations[AJSON, ABytes, APages](self._json, self._download, self._pages)
        self.stock = resources.Stock[AJSON, ABytes, APages](self._json, self._download, self._pages)
        self.movements = resources.Movements[AJSON, ABytes, APages](self._json, self._download, self._pages)
        self.transfers = resources.Transfers[AJSON, ABytes, APages](self._json, self._download, self._pages)
        self.reservations = resources.Reservations[AJSON, ABytes, APages](
            self._json, self._download, self._pages
        )
        self.stocktakes = resources.Stocktakes[AJSON, ABytes, APages](self._json, self._download, self._pages)
        self.reports = resources.Reports[AJSON, ABytes, APages](self._json, self._download, self._pages)
        self.jobs = resources.Jobs[AJSON, ABytes, APages](self._json, self._download, self._pages)

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
        method = method.upper()
        if idempotency_key is None and method == "POST":
            idempotency_key = new_idempotency_key()
        retries = 0
        refreshed = False
        while True:
            if authenticated and self.session.needs_sign_in():
                await self._sign_in_with_credentials()
            sent_with = self.session.bearer
            response = await self._http.request(
                method,
                path,
                params=params,
                json=json,
                headers=self.session.headers(headers, idempotency_key, authenticated),
            )
            if response.status_code < 400:
                return response
            decision = self.retry.decide(
                response,
                retries_used=retries,
                refreshed=refreshed,
                can_refresh=authenticated and self.session.can_refresh(),
            )
            if decision.action is Action.REFRESH:
                refreshed = True
                await self._refresh_if_still(sent_with)
            elif decision.action is Action.RETRY:
                retries += 1
                await self._sleep(decision.delay)
            else:
                raise error_from_response(response)

    async def _json(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> JSON:
        response = await self.request(method, path, params=params, json=json, headers=headers)
        if response.status_code == 204 or not response.content:
            return {}
        payload = response.json()
        return payload if isinstance(payload, dict) else {"data": payload}

    async def _download(self, path: str, params: Mapping[str, str] | None = None) -> bytes:
        return (await self.request("GET", path, params=params)).content

    async def _pages(self, path: str, params: Mapping[str, str] | None = None) -> APages:
        """Every row of every page, following `nextCursor`."""
        current = dict(params or {})
        while True:
            page = await self._json("GET", path, params=current)
            for row in page["data"]:
                yield row
            cursor = page.get("nextCursor")
            if not cursor:
                return
            current["cursor"] = str(cursor)

    async def wait_for_job(self, job_id: str, *, poll_interval: float = 0.5, max_wait: float = 300.0) -> JSON:
        """Poll a bulk job until it is succeeded, partially_failed or failed; return it."""
        waited = 0.0
        while True:
            job = await self.jobs.get(job_id)
            if job.get("status") in FINISHED_JOB_STATUSES:
                return job
            if waited >= max_wait:
                raise JobTimeoutError(job)
            await self._sleep(poll_interval)
            waited += poll_interval

    async def sign_in(self, workspace: str, email: str, password: str) -> JSON:
        """Exchange a member's credentials for a token pair, which the client then uses."""
        pair = await self._json_public(
            SIGN_IN_PATH, {"workspace": workspace, "email": email, "password": password}
        )
        self.session.store(pair)
        return pair

    async def refresh(self) -> JSON:
        """Rotate the refresh token into a new token pair (done automatically on `token_expired`)."""
        if self.session.refresh_token is None:
            raise ValueError("No refresh token: sign in first.")
        pair = await self._json_public(REFRESH_PATH, {"refreshToken": self.session.refresh_token})
        self.session.store(pair)
        return pair

    async def sign_out(self) -> None:
        """Revoke the current token family."""
        await self.request("POST", LOGOUT_PATH)
        self.session.access_token = None
        self.session.refresh_token = None

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
