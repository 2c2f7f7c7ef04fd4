"""`Client`: the synchronous Stockyard client."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from stockyard.client import _protocol as protocol
from stockyard.client._core import JSON, LOGOUT_PATH, REFRESH_PATH, SIGN_IN_PATH
from stockyard.client.resources import Resources
from stockyard.client.retry import Action, RetryPolicy

if TYPE_CHECKING:
    from typing_extensions import Unpack  # an annotation only: no runtime dependency on Python 3.11

Pages = Iterator[JSON]


class Client(Resources[JSON, bytes, Pages]):
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
        self._auth_lock = threading.Lock()
        self._http = httpx.Client(
            base_url=base_url,
            timeout=timeout,
            transport=transport,
            headers=protocol.default_headers(headers),
            limits=protocol.CONNECTION_LIMITS,
        )
        self._bind_resources(self._json, self._download, self._pages)

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
                self._sign_in_with_credentials()
            response = self._http.send(exchange.attempt(self._http))
            decision = exchange.after(response)
            if decision is None:
                return response
            if decision.action is Action.REFRESH:
                self._refresh_if_still(exchange.sent_with)
            else:
                self._sleep(decision.delay)

    def _json(self, method: str, path: str, **sent: Unpack[protocol.Sent]) -> JSON:
        return protocol.json_of(self.request(method, path, **sent))

    def _download(self, path: str, params: Mapping[str, str] | None = None) -> bytes:
        return self.request("GET", path, params=params).content

    def _pages(
        self, path: str, params: Mapping[str, str] | None = None, *, cursor_param: str = "cursor"
    ) -> Pages:
        """Every row of every page, following `nextCursor`."""
        paging = protocol.Paging(params, cursor_param)
        while True:
            page = self._json("GET", path, params=paging.params)
            yield from page["data"]
            if not paging.follow(page):
                return

    def wait_for_job(self, job_id: str, *, poll_interval: float = 0.5, max_wait: float = 300.0) -> JSON:
        """Poll a bulk job until it is succeeded, partially_failed or failed; return it.

        Sleeps with the client's (injectable) `sleep`; raises `JobTimeoutError` after `max_wait`
        seconds of polling (counted as the sum of the intervals slept).
        """
        poll = protocol.JobPoll(poll_interval, max_wait)
        while True:
            job = self.jobs.get(job_id)
            if poll.finished(job):
                return job
            self._sleep(poll_interval)

    # -- authentication ----------------------------------------------------------------------------

    def sign_in(self, workspace: str, email: str, password: str) -> JSON:
        """Exchange a member's credentials for a token pair, which the client then uses."""
        pair = self._json_public(SIGN_IN_PATH, protocol.sign_in_body(workspace, email, password))
        self.session.store(pair)
        return pair

    def refresh(self) -> JSON:
        """Rotate the refresh token into a new token pair (done automatically on `token_expired`)."""
        pair = self._json_public(REFRESH_PATH, protocol.refresh_body(self.session))
        self.session.store(pair)
        return pair

    def sign_out(self) -> None:
        """Revoke the current token family."""
        self.request("POST", LOGOUT_PATH)
        protocol.forget_tokens(self.session)

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
