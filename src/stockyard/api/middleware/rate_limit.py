"""Per-client request budgets for every /api route, checked before any resource is looked up.

Runs right after authentication. The client is the API key, else the signed-in membership, else
the client IP; authenticated clients get their plan's `requests_per_minute`, anonymous and
bad-credential traffic the free plan's figure per IP (the authentication middleware defers its
401 to this layer, so failed credentials are counted too). `POST /api/v1/auth/token` is also
counted per IP and email against `login_rate_limit_per_minute`, and its failures per account
(workspace and email, every IP together) against `login_account_failures` per
`login_account_window_seconds` (traffic/login_budget.py), against password guessing.

Every /api response carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`
(seconds); a refusal is 429 `rate_limited` with `Retry-After`. When the store (Redis) is down,
reads are let through unmetered (the limiter logs it loudly) and writes get 503
`service_unavailable`: writes and sign-ins are what a budget protects, and they are safe to retry.

A request answered 503 `database_unavailable` was not served and no credential of it was checked:
what it was counted is given back, and it carries no RateLimit headers (a client retrying through
an outage finds its budgets as they were).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stockyard.api.errors import send_error
from stockyard.api.paths import API_ROOT, API_V1
from stockyard.api.request_state import state_of
from stockyard.core.plans import Plan, policy
from stockyard.errors import StockyardError, catalog
from stockyard.metrics import RATE_LIMITED
from stockyard.settings import Settings
from stockyard.traffic.login_budget import AccountBudget, Attempt, Outcome, account_of
from stockyard.traffic.rate_limits import Budget, Decision, RateLimiter, RateLimiterUnavailable

log = logging.getLogger("stockyard.rate_limit")

LOGIN_PATH = f"{API_V1}/auth/token"
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
STORE_DOWN_RETRY_AFTER = "2"
wall_clock: Callable[[], float] = time.time


def client_ip(scope: Scope) -> str:
    """The peer address (uvicorn already replaced it from X-Forwarded-For for trusted proxies)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def rate_limit_headers(decision: Decision, now: float) -> list[tuple[bytes, bytes]]:
    return [
        (b"ratelimit-limit", str(decision.limit).encode()),
        (b"ratelimit-remaining", str(decision.remaining).encode()),
        (b"ratelimit-reset", str(decision.reset_after(now)).encode()),
    ]


def rate_limited(decision: Decision, now: float, message: str | None = None) -> StockyardError:
    reset = str(decision.reset_after(now))
    return StockyardError(
        catalog.RATE_LIMITED,
        message or f"Rate Limit Exceeded. {decision.limit} per Minute",
        headers={
            "Retry-After": reset,
            "RateLimit-Limit": str(decision.limit),
            "RateLimit-Remaining": "0",
            "RateLimit-Reset": reset,
        },
    )


ACCOUNT_LOCKED = "Too many failed sign-ins for this account. Try again later."


async def _buffer_body(receive: Receive, limit: int) -> tuple[list[Message], bytes | None]:
    """Reads up to `limit` bytes of the body; the body, or None when it is longer (or cut off)."""
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages, None
        size += len(message.get("body", b""))
        if size > limit:
            return messages, None
        if not message.get("more_body", False):
            return messages, b"".join(m.get("body", b"") for m in messages)


def login_fields(body: bytes | None) -> tuple[str, str] | None:
    """The workspace and email of a sign-in body; None when it has not both as strings."""
    if not body:
        return None
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(document, dict):
        return None
    workspace, email = document.get("workspace"), document.get("email")
    if not isinstance(workspace, str) or not isinstance(email, str):
        return None
    return workspace, email


def login_email(body: bytes | None) -> str:
    """A digest of the normalised email of a sign-in body ('' when there is none)."""
    fields = login_fields(body)
    if fields is None:
        return ""
    return hashlib.sha256(fields[1].strip().lower().encode()).hexdigest()[:32]


def sign_in_outcome(status: int, code: object) -> Outcome:
    if status == 200:
        return Outcome.SIGNED_IN
    if code == catalog.INVALID_CREDENTIALS.code:
        return Outcome.FAILED
    if status >= 500 and code != catalog.DATABASE_UNAVAILABLE.code:
        return Outcome.FAILED  # it may have been verified: keep the slot, to be safe
    return Outcome.UNCHECKED


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, *, limiter: RateLimiter, login_per_minute: int) -> None:
        self.app = app
        self.limiter = limiter
        self.login_budget = Budget(login_per_minute, exact=True)
        self.anonymous_budget = Budget(policy(Plan.FREE).requests_per_minute)
        self.plan_budgets = {plan.value: Budget(policy(plan).requests_per_minute) for plan in Plan}
        self._accounts: AccountBudget | None = None
        self._accounts_read = False

    def _account_budget(self, scope: Scope) -> AccountBudget | None:
        """From the application's settings (read once; a limit of 0 switches the budget off)."""
        if not self._accounts_read:
            settings: Settings = scope["app"].state.services.settings
            if settings.login_account_failures > 0:
                self._accounts = AccountBudget(
                    self.limiter,
                    failures=settings.login_account_failures,
                    window_seconds=settings.login_account_window_seconds,
                )
            self._accounts_read = True
        return self._accounts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_ROOT):
            await self.app(scope, receive, send)
            return
        state = state_of(scope)
        principal = state.principal
        ip = client_ip(scope)
        counted: list[tuple[str, Budget]] = []  # given back if the database cannot be reached
        attempt: Attempt | None = None
        try:
            if principal is not None:
                key = f"{principal.kind.value}:{principal.id}"
                budget = self.plan_budgets[principal.plan]
                kind = principal.kind.value  # the budget a refusal is counted under (metrics)
            else:
                key, budget, kind = f"ip:{ip}", self.anonymous_budget, "ip"
            decision = await self.limiter.take(key, budget)
            if decision.allowed:
                counted.append((key, budget))
            if decision.allowed and scope["method"] == "POST" and scope["path"].rstrip("/") == LOGIN_PATH:
                settings: Settings = scope["app"].state.services.settings
                messages, body = await _buffer_body(receive, settings.max_body_bytes)
                receive = _replaying(messages, receive)
                key = f"login:{ip}:{login_email(body)}"
                decision = await self.limiter.take(key, self.login_budget)
                kind = "login"
                if decision.allowed:
                    counted.append((key, self.login_budget))
                fields = login_fields(body)
                accounts = self._account_budget(scope)
                if decision.allowed and accounts is not None and fields is not None:
                    attempt = await accounts.attempt(account_of(*fields), ip)
        except RateLimiterUnavailable:
            if scope["method"] in READ_METHODS:
                await self._continue(scope, receive, send)
            else:
                await send_error(
                    scope,
                    send,
                    StockyardError(
                        catalog.SERVICE_UNAVAILABLE,
                        "The rate limiter is temporarily unavailable; writes are paused.",
                        headers={"Retry-After": STORE_DOWN_RETRY_AFTER},
                    ),
                )
            return
        now = wall_clock()
        if not decision.allowed:
            RATE_LIMITED.labels(kind).inc()
            state.authentication_error = None
            await send_error(scope, send, rate_limited(decision, now))
            return
        if attempt is not None and attempt.refused:
            assert attempt.decision is not None
            RATE_LIMITED.labels("login_account").inc()
            await send_error(scope, send, rate_limited(attempt.decision, now, ACCOUNT_LOCKED))
            return
        headers = rate_limit_headers(decision, now)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                status: int = message["status"]
                code = state.error_code
                unavailable = status == 503 and code == catalog.DATABASE_UNAVAILABLE.code
                if unavailable:
                    await self._give_back(counted)
                else:
                    message["headers"] = [*message.get("headers", []), *headers]
                if attempt is not None:
                    await self._settle(attempt, sign_in_outcome(status, code))
            await send(message)

        await self._continue(scope, receive, send_with_headers)

    async def _give_back(self, counted: list[tuple[str, Budget]]) -> None:
        try:
            for key, budget in counted:
                await self.limiter.give_back(key, budget)
        except RateLimiterUnavailable:
            log.warning("could not give back the budget of a request the database did not serve")

    async def _settle(self, attempt: Attempt, outcome: Outcome) -> None:
        accounts = self._accounts
        assert accounts is not None
        try:
            await accounts.settle(attempt, outcome)
        except RateLimiterUnavailable:
            log.warning("could not settle a sign-in's slot of its account's budget (%s)", outcome.value)

    async def _continue(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer a deferred authentication failure, or hand the request on."""
        state = state_of(scope)
        error, state.authentication_error = state.authentication_error, None
        if error is not None:
            await send_error(scope, send, error)
            return
        await self.app(scope, receive, send)


def _replaying(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
