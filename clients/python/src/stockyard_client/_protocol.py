"""Every decision `Client` and `AsyncClient` make, with no I/O: the two classes only send and sleep.

- `Exchange`: one logical request across its attempts: the headers (and `Idempotency-Key`) of
  each attempt, and after each response whether to return it, refresh the token, back off, or
  raise the mapped `StockyardAPIError`.
- `Paging`: the query parameters of the next page, following `nextCursor`.
- `JobPoll`: whether a polled bulk job is finished, or the wait has run out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import httpx

from stockyard_client._core import (
    FINISHED_JOB_STATUSES,
    JSON,
    USER_AGENT,
    Credentials,
    JobTimeoutError,
    Session,
    new_idempotency_key,
)
from stockyard_client._wire import RequestOptions
from stockyard_client.errors import error_from_response
from stockyard_client.retry import Action, Decision, RetryPolicy

# Idle connections are dropped after 2 s, before a server's keep-alive timeout (uvicorn: 5 s) can
# close them under the client; reusing such a connection fails with a read error, not an answer.
CONNECTION_LIMITS = httpx.Limits(keepalive_expiry=2.0)


def new_session(
    *,
    api_key: str | None,
    access_token: str | None,
    refresh_token: str | None,
    workspace: str | None,
    email: str | None,
    password: str | None,
) -> Session:
    """The session of a new client; credentials count only when all three are given."""
    credentials = None
    if workspace is not None and email is not None and password is not None:
        credentials = Credentials(workspace, email, password)
    return Session(
        api_key=api_key, access_token=access_token, refresh_token=refresh_token, credentials=credentials
    )


def default_headers(headers: Mapping[str, str] | None) -> dict[str, str]:
    """The headers on every request of a client: its User-Agent, then the caller's."""
    return {"User-Agent": USER_AGENT, **(headers or {})}


def sign_in_body(workspace: str, email: str, password: str) -> JSON:
    return {"workspace": workspace, "email": email, "password": password}


def refresh_body(session: Session) -> JSON:
    if session.refresh_token is None:
        raise ValueError("No refresh token: sign in first.")
    return {"refreshToken": session.refresh_token}


def forget_tokens(session: Session) -> None:
    """After signing out."""
    session.access_token = None
    session.refresh_token = None


def json_of(response: httpx.Response) -> JSON:
    """The body of a successful response as a dict: `{}` when empty, a list wrapped as `{"data": ...}`."""
    if response.status_code == 204 or not response.content:
        return {}
    payload = response.json()
    return payload if isinstance(payload, dict) else {"data": payload}


class Exchange:
    """One request across its attempts, following the retry rules of the error reference.

    A POST gets a fresh `Idempotency-Key` unless one is given; all its attempts reuse it. `options`
    (a `RequestOptions`) adds headers, replaces the timeout and bounds the retries of this one
    request. Drive it
    with: sign in if `needs_sign_in()`; send `attempt(http)`; act on `after(response)`, which returns
    None when the response is the answer, a `Decision` to refresh (then retry) or to sleep `delay`
    (then retry), and raises the response's `StockyardAPIError` otherwise.
    """

    def __init__(
        self,
        session: Session,
        policy: RetryPolicy,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None,
        json: Any,
        headers: Mapping[str, str] | None,
        idempotency_key: str | None,
        authenticated: bool,
        content: str | bytes | None = None,
        options: RequestOptions | None = None,
    ) -> None:
        self.session = session
        if options is not None and options.max_retries is not None:
            policy = dataclasses.replace(policy, max_retries=options.max_retries)
        self.policy = policy
        self.method = method.upper()
        self.path = path
        self.params = params
        self.json = json
        self.content = content
        self.headers = {**(headers or {}), **((options.headers or {}) if options else {})}
        self.timeout = options.timeout if options is not None else None
        if idempotency_key is None and self.method == "POST":
            idempotency_key = new_idempotency_key()
        self.idempotency_key = idempotency_key
        self.authenticated = authenticated
        self.retries = 0
        self.refreshed = False
        self.sent_with: str | None = None

    def needs_sign_in(self) -> bool:
        """True when the client must sign in with its credentials before the next attempt."""
        return self.authenticated and self.session.needs_sign_in()

    def attempt(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The request of the next attempt, with the session's current credential (remembered).

        Built with `http.build_request`, as `http.request` would: merging the client's base URL,
        default headers and timeout, without sending anything.
        """
        self.sent_with = self.session.bearer
        headers = self.session.headers(self.headers, self.idempotency_key, self.authenticated)
        if self.timeout is not None:
            return http.build_request(
                self.method,
                self.path,
                params=self.params,
                json=self.json,
                content=self.content,
                headers=headers,
                timeout=self.timeout,
            )
        return http.build_request(
            self.method, self.path, params=self.params, json=self.json, content=self.content, headers=headers
        )

    def after(self, response: httpx.Response) -> Decision | None:
        """None if `response` is the answer; else the retry to make; raises when there is none."""
        if response.status_code < 400:
            return None
        decision = self.policy.decide(
            response,
            retries_used=self.retries,
            refreshed=self.refreshed,
            can_refresh=self.authenticated and self.session.can_refresh(),
        )
        if decision.action is Action.REFRESH:
            self.refreshed = True
        elif decision.action is Action.RETRY:
            self.retries += 1
        else:
            raise error_from_response(response)
        return decision


class Paging:
    """The query parameters of each page of a list, following `nextCursor`."""

    def __init__(self, params: Mapping[str, str] | None, cursor_param: str = "cursor") -> None:
        self.params = dict(params or {})
        self._cursor_param = cursor_param  # the change feed's is `after`

    def follow(self, page: JSON) -> bool:
        """Point `params` at the page after `page`; False when `page` was the last."""
        cursor = page.get("nextCursor")
        if not cursor or page.get("hasMore") is False:  # the feed always has a cursor to read on from
            return False
        self.params[self._cursor_param] = str(cursor)
        return True


class JobPoll:
    """Polling a bulk job: `max_wait` counts the intervals slept (with the client's `sleep`)."""

    def __init__(self, poll_interval: float, max_wait: float) -> None:
        self.poll_interval = poll_interval
        self.max_wait = max_wait
        self.waited = 0.0

    def finished(self, job: JSON) -> bool:
        """True when `job` is succeeded, partially_failed or failed; False: sleep `poll_interval`.

        Raises `JobTimeoutError` once `max_wait` seconds have been slept.
        """
        if job.get("status") in FINISHED_JOB_STATUSES:
            return True
        if self.waited >= self.max_wait:
            raise JobTimeoutError(job)
        self.waited += self.poll_interval
        return False
