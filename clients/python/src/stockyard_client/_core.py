"""State shared by `Client` and `AsyncClient` (no I/O here)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from stockyard_client._version import __version__

JSON = dict[str, Any]
USER_AGENT = f"stockyard-python/{__version__}"
SIGN_IN_PATH = "/api/v1/auth/token"
REFRESH_PATH = "/api/v1/auth/refresh"
LOGOUT_PATH = "/api/v1/auth/logout"
FINISHED_JOB_STATUSES = frozenset({"succeeded", "partially_failed", "failed"})


class JobTimeoutError(TimeoutError):
    """A bulk job did not finish within the time the caller was willing to wait."""

    def __init__(self, job: Mapping[str, Any]) -> None:
        self.job = job
        super().__init__(f"job {job.get('id')} is still {job.get('status')}")


def new_idempotency_key() -> str:
    """A fresh `Idempotency-Key` value (a random UUID)."""
    return str(uuid.uuid4())


@dataclass
class Credentials:
    workspace: str
    email: str
    password: str


class Session:
    """The credentials and tokens of one client, and the headers they put on requests."""

    def __init__(
        self,
        *,
        api_key: str | None,
        access_token: str | None,
        refresh_token: str | None,
        credentials: Credentials | None,
    ) -> None:
        if api_key is not None and (access_token is not None or credentials is not None):
            raise ValueError("Use either an API key or a user's tokens/credentials, not both.")
        self.api_key = api_key
        self.access_token = access_token
        self.refresh_token = refresh_token
        self.credentials = credentials

    @property
    def bearer(self) -> str | None:
        """The credential sent as `Authorization: Bearer ...`."""
        return self.api_key or self.access_token

    def needs_sign_in(self) -> bool:
        return self.bearer is None and self.credentials is not None

    def can_refresh(self) -> bool:
        return self.api_key is None and self.refresh_token is not None

    def store(self, pair: Mapping[str, Any]) -> None:
        """Keep the token pair of a sign-in or refresh response."""
        self.access_token = str(pair["accessToken"])
        self.refresh_token = str(pair["refreshToken"])

    def headers(
        self, extra: Mapping[str, str] | None, idempotency_key: str | None, authenticated: bool
    ) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if authenticated and self.bearer is not None:
            headers["Authorization"] = f"Bearer {self.bearer}"
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        headers.update(extra or {})
        return headers
