"""State and request building shared by `Client` and `AsyncClient` (no I/O here)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from stockyard import __version__

JSON = dict[str, Any]
USER_AGENT = f"stockyard-python/{__version__}"
SIGN_IN_PATH = "/api/v1/auth/token"
REFRESH_PATH = "/api/v1/auth/refresh"
LOGOUT_PATH = "/api/v1/auth/logout"
FINISHED_JOB_STATUSES = frozenset({"succeeded", "partially_failed", "failed"})


class JobTimeoutError(TimeoutError):
    """A bulk job did not finish within the time the caller was willing to wait."""

    def __init__(self, job: dict[str, Any]) -> None:
        self.job = job
        super().__init__(f"job {job.get('id')} is still {job.get('status')}")


def new_idempotency_key() -> str:
    """A fresh `Idempotency-Key` value (a random UUID)."""
    return str(uuid.uuid4())


def to_camel(name: str) -> str:
    """`from_location_id` -> `fromLocationId`; names without underscores are kept."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def camelize(value: Any) -> Any:
    """Snake-case keys of (nested) dicts to camelCase, dropping None values at the top level."""
    if isinstance(value, Mapping):
        return {to_camel(str(key)): camelize(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [camelize(item) for item in value]
    return value


def body(fields: Mapping[str, Any]) -> JSON:
    """A JSON body from keyword arguments: camelCase keys, None values left out."""
    return {to_camel(key): camelize(value) for key, value in fields.items() if value is not None}


def query(fields: Mapping[str, Any]) -> dict[str, str]:
    """Query parameters from keyword arguments: camelCase names, None left out, booleans lowercase,
    datetimes in ISO 8601 (the API refuses a time without a zone, so pass an aware datetime)."""
    params: dict[str, str] = {}
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, bool):
            params[to_camel(key)] = "true" if value else "false"
        elif isinstance(value, datetime):
            params[to_camel(key)] = value.isoformat()
        else:
            params[to_camel(key)] = str(value)
    return params


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
