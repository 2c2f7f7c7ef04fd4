"""`Client`: the synchronous Stockyard client."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
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

Pages = Iterator[JSON]


class Client:
    """A synchronous client for the Stockyard API.

    Authenticate with an API key (`api_key=`), with tokens (`access_token=`, `refresh_token=`), or
    with `workspace=`, `email=` and `password=` (signed in on first use). Errors raise a subclass
    of `StockyardAPIError`, one per category. Retries follow the error reference: 429 waits
    `Retry-After`, 500 and 503 back off exponentially with jitter (at most 3 retries), 401
    `token_expired` refreshes the token once, nothing else is retried; every POST carries an
    `Idempotency-Key` reused across its retries. `sleep` and `retry` are injectable for tests.
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
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
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
        self._auth_lock = threading.Lock()
        self._http = httpx.Client(
            base_url=base_url,
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": USER_AGENT, **(headers or {})},
        )
        self.items = resources.Items[JSON, bytes, Pages](self._json, self._download, self._pages)
        self.warehouses = resources.Warehouses[JSON, bytes, Pages](self._json, self._download, self._pages)
        self.locations = resources.Locations[JSON, bytes, Pages](self._json, self._download, self._pages)
        self.stock = resources.Stock[JSON, bytes, Pages](self._json, self._download, self._pages)
        self.movements = resources.Movements[JSON, bytes, Pages](self._json, self._download, self._pages)
        self.transfers = resources.Transfers[JSON, bytes, Pages](self._json, self._download, self._pages)
        self.reservations = resources.Reservations[JSON, bytes, Pages](
            self._json, self._download, self._pages
        )
        self.stocktakes = resources.Stocktakes[JSON, bytes, Pages](self._json, self._download, self._pages)
        self.reports = resources.Reports[JSON, bytes, Pages](self._json, self._download, self._pages)
        self.jobs = resources.Jobs[JSON, bytes, Pages](self._json, self._download, self._pages)

    # -- the one request loop ----------------------------------------------------------------------

    def request(
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
        """Send a request with the retry rules; return the response (< 400) or raise its error.

        A POST gets a fresh `Idempotency-Key` unless one is given; all its retries reuse it.
        """
        method = method.upper()
        if idempotency_key is None and method == "POST":
            idempotency_key = new_idempotency_key()
        retries = 0
        refreshed = False
        while True:
            if authenticated and self.session.needs_sign_in():
                self._sign_in_with_credentials()
            sent_with = self.session.bearer
            response = self._http.request(
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
                self._refresh_if_still(sent_with)
            elif decision.action is Action.RETRY:
                retries += 1
                self._sleep(decision.delay)
            else:
                raise error_from_response(response)

    def _json(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> JSON:
        response = self.request(method, path, params=params, json=json, headers=headers)
        if response.status_code == 204 or not response.content:
            return {}
        payload = response.json()
        return payload if isinstance(payload, dict) else {"data": payload}

    def _download(self, path: str, params: Mapping[str, str] | None = None) -> bytes:
        return self.request("GET", path, params=params).content

    def _pages(self, path: str, params: Mapping[str, str] | None = None) -> Pages:
        """Every row of every page, following `nextCursor`."""
        current = dict(params or {})
        while True:
            page = self._json("GET", path, params=current)
            yield from page["data"]
            cursor = page.get("nextCursor")
            if not cursor:
                return
            current["cursor"] = str(cursor)

    def wait_for_job(self, job_id: str, *, poll_interval: float = 0.5, max_wait: float = 300.0) -> JSON:
        """Poll a bulk job until it is succeeded, partially_failed or failed; return it.

        Sleeps with the client's (injectable) `sleep`; raises `JobTimeoutError` after `max_wait`
        seconds of polling (counted as the sum of the intervals slept).
        """
        waited = 0.0
        while True:
            job = self.jobs.get(job_id)
            if job.get("status") in FINISHED_JOB_STATUSES:
                return job
            if waited >= max_wait:
                raise JobTimeoutError(job)
            self._sleep(poll_interval)
            waited += poll_interval

    # -- authentication ----------------------------------------------------------------------------

    def sign_in(self, workspace: str, email: str, password: str) -> JSON:
        """Exchange a member's credentials for a token pair, which the client then uses."""
        pair = self._json_public(SIGN_IN_PATH, {"workspace": workspace, "email": email, "password": password})
        self.session.store(pair)
        return pair

    def refresh(self) -> JSON:
        """Rotate the refresh token into a new token pair (done automatically on `token_expired`)."""
        if self.session.refresh_token is None:
            raise ValueError("No refresh token: sign in first.")
        pair = self._json_public(REFRESH_PATH, {"refreshToken": self.session.refresh_token})
        self.session.store(pair)
        return pair

    def sign_out(self) -> None:
        """Revoke the current token family."""
        self.request("POST", LOGOUT_PATH)
        self.session.access_token = None
        self.session.refresh_token = None

    def me(self) -> JSON:
        """The caller: member or API key, workspace, role and permissions."""
        return self._json("GET", "/api/v1/me")

    def _json_public(self, path: str, payload: JSON) -> JSON:
        response = self.request("POST", path, json=payload, authenticated=False)
        result: JSON = response.json()
        return result

    def _sign_in_with_credentials(self) -> None:
        credentials = self.session.credentials
        assert credentials is not None
        with self._auth_lock:
            if self.session.needs_sign_in():
                self.sign_in(credentials.workspace, credentials.email, credentials.password)

    def _refresh_if_still(self, sent_with: str | None) -> None:
        with self._auth_lock:  # one refresh even when several threads see the token expire
            if self.session.bearer == sent_with:
                self.refresh()

    # -- lifecycle -----------------------------------------------------------------------------------

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
