"""`Client`: the synchronous Stockyard client."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, Unpack, cast

import httpx

from stockyard_client import _protocol as protocol
from stockyard_client._core import LOGOUT_PATH, REFRESH_PATH, SIGN_IN_PATH
from stockyard_client._wire import RequestOptions, to_wire
from stockyard_client._wiring import ClientResources
from stockyard_client.models import Job, Me, TokenPair, WorkspaceCreated, WorkspaceCreateParams
from stockyard_client.resources import Target, open_target
from stockyard_client.retry import Action, RetryPolicy


class Client(ClientResources):
    """A synchronous client for the Stockyard API.

    Authenticate with an API key (`api_key=`), with tokens (`access_token=`, `refresh_token=`), or
    with `workspace=`, `email=` and `password=` (signed in on first use). Errors raise a subclass
    of `StockyardAPIError`, one per category. Retries follow the error reference: 429 waits
    `Retry-After`, 500 and 503 back off exponentially with jitter (at most 3 retries), 401
    `token_expired` refreshes the token once, nothing else is retried; every POST carries an
    `Idempotency-Key` reused across its retries (pass `idempotency_key=` to choose it). Every method
    takes `options=RequestOptions(...)` for one call's timeout, headers and retries. `sleep` and
    `retry` are injectable for tests.
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
        self._attach_resources(self, stream=self._stream)

    # -- the one request loop ----------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        content: str | bytes | None = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
        authenticated: bool = True,
        stream: bool = False,
    ) -> httpx.Response:
        """Send a request with the retry rules; return the response (< 400) or raise its error.

        A POST gets a fresh `Idempotency-Key` unless one is given; all its retries reuse it. With
        `stream=True` the answer's body is not read yet: iterate it, then close the response.
        """
        exchange = protocol.Exchange(
            self.session,
            self.retry,
            method,
            path,
            params=params,
            json=json,
            content=content,
            headers=headers,
            idempotency_key=idempotency_key,
            authenticated=authenticated,
            options=options,
        )
        while True:
            if exchange.needs_sign_in():
                self._sign_in_with_credentials()
            response = self._http.send(exchange.attempt(self._http), stream=stream)
            if stream and response.status_code >= 400:
                response.read()
                response.close()
            decision = exchange.after(response)
            if decision is None:
                return response
            if decision.action is Action.REFRESH:
                self._refresh_if_still(exchange.sent_with)
            else:
                self._sleep(decision.delay)

    def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        content: str | bytes | None = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
        authenticated: bool = True,
    ) -> Any:
        """`request`, then the answer's JSON (`{}` when it has no body)."""
        response = self.request(
            method,
            path,
            params=params,
            json=json,
            content=content,
            headers=headers,
            idempotency_key=idempotency_key,
            options=options,
            authenticated=authenticated,
        )
        return protocol.json_of(response)

    def pages(
        self,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        options: RequestOptions | None = None,
        cursor_param: str = "cursor",
    ) -> Iterator[Any]:
        """Every row of every page, following `nextCursor` (fetched as the iteration goes)."""
        paging = protocol.Paging(params, cursor_param)
        while True:
            page = self.call("GET", path, params=paging.params, options=options)
            yield from page["data"]
            if not paging.follow(page):
                return

    def _stream(
        self, path: str, params: dict[str, str], to: Target | None, options: RequestOptions | None
    ) -> tuple[int, bytes]:
        response = self.request("GET", path, params=params, options=options, stream=True)
        try:
            if to is None:
                content = response.read()
                return len(content), content
            file, opened = open_target(to)
            written = 0
            try:
                for chunk in response.iter_bytes():
                    written += file.write(chunk)
            finally:
                if opened:
                    file.close()
            return written, b""
        finally:
            response.close()

    def wait_for_job(self, job_id: str, *, poll_interval: float = 0.5, max_wait: float = 300.0) -> Job:
        """Poll a bulk job until it is succeeded, partially_failed or failed; return it.

        Sleeps with the client's (injectable) `sleep`; raises `JobTimeoutError` after `max_wait`
        seconds of polling (counted as the sum of the intervals slept).
        """
        poll = protocol.JobPoll(poll_interval, max_wait)
        while True:
            job = self.jobs.get(job_id)
            if poll.finished(cast(dict[str, Any], job)):
                return job
            self._sleep(poll_interval)

    # -- authentication and the public operations -----------------------------------------------------

    def sign_in(
        self,
        workspace: str,
        email: str,
        password: str,
        *,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
    ) -> TokenPair:
        """Exchange a member's credentials for a token pair, which the client then uses (`signIn`)."""
        pair = self.call(
            "POST",
            SIGN_IN_PATH,
            json=protocol.sign_in_body(workspace, email, password),
            idempotency_key=idempotency_key,
            options=options,
            authenticated=False,
        )
        self.session.store(pair)
        return cast(TokenPair, pair)

    def refresh(
        self, *, idempotency_key: str | None = None, options: RequestOptions | None = None
    ) -> TokenPair:
        """Rotate the refresh token into a new token pair (`refreshToken`; automatic on `token_expired`)."""
        pair = self.call(
            "POST",
            REFRESH_PATH,
            json=protocol.refresh_body(self.session),
            options=options,
            authenticated=False,
        )
        self.session.store(pair)
        return cast(TokenPair, pair)

    def sign_out(self, *, idempotency_key: str | None = None, options: RequestOptions | None = None) -> None:
        """Revoke the current token family (`signOut`)."""
        self.request("POST", LOGOUT_PATH, idempotency_key=idempotency_key, options=options)
        protocol.forget_tokens(self.session)

    def me(self, *, options: RequestOptions | None = None) -> Me:
        """The caller: member or API key, workspace, role and permissions (`getMe`)."""
        return cast(Me, self.call("GET", "/api/v1/me", options=options))

    def sign_up(
        self,
        *,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
        **fields: Unpack[WorkspaceCreateParams],
    ) -> WorkspaceCreated:
        """Create a workspace and its owner (`createWorkspace`, public); then sign in as the owner."""
        body = to_wire("WorkspaceCreate", fields)
        created = self.call(
            "POST",
            "/api/v1/workspaces",
            json=body,
            idempotency_key=idempotency_key,
            options=options,
            authenticated=False,
        )
        return cast(WorkspaceCreated, created)

    def health(self, *, options: RequestOptions | None = None) -> dict[str, str]:
        """Liveness: `GET /healthz` (`health`)."""
        return cast(dict[str, str], self.call("GET", "/healthz", options=options, authenticated=False))

    def readiness(self, *, options: RequestOptions | None = None) -> dict[str, str]:
        """Readiness (the database answers): `GET /readyz` (`readiness`)."""
        return cast(dict[str, str], self.call("GET", "/readyz", options=options, authenticated=False))

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
