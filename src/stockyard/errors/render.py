"""Turns a catalog error into response bytes: the JSON envelope or RFC 9457 problem details.

Nothing else in the code base builds error bodies. Pure functions, no framework imports.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from stockyard.errors.exceptions import StockyardError

JSON_MEDIA_TYPE = "application/json"
PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:stockyard:error:"


def wants_problem_json(accept: str | None) -> bool:
    """True when the client asked for problem+json in its Accept header."""
    return bool(accept) and PROBLEM_MEDIA_TYPE in (accept or "").lower()


def envelope(error: StockyardError, request_id: str) -> dict[str, Any]:
    """The standard envelope: statusCode, error, code, message, [details], [param], requestId."""
    body: dict[str, Any] = {
        "statusCode": error.spec.status,
        "error": error.spec.error,
        "code": error.spec.code,
        "message": error.message,
    }
    if error.details is not None:
        body["details"] = error.details
    if error.param is not None:
        body["param"] = error.param
    body["requestId"] = request_id
    return body


def problem(error: StockyardError, request_id: str, instance: str) -> dict[str, Any]:
    """RFC 9457 problem details with Stockyard's extension members."""
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_PREFIX + error.spec.code,
        "title": error.spec.category.title,
        "status": error.spec.status,
        "detail": error.message,
        "instance": instance,
        "code": error.spec.code,
        "requestId": request_id,
    }
    if error.param is not None:
        body["param"] = error.param
    if error.details is not None:
        body["errors"] = [
            {"pointer": "/" + field.replace(".", "/"), "detail": message}
            for field, messages in error.details.items()
            for message in messages
        ]
    return body


def render(
    error: StockyardError, *, request_id: str, accept: str | None, instance: str
) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers and body for an error response."""
    if wants_problem_json(accept):
        payload = problem(error, request_id, instance)
        media_type = PROBLEM_MEDIA_TYPE
    else:
        payload = envelope(error, request_id)
        media_type = JSON_MEDIA_TYPE
    headers = [("content-type", media_type)]
    headers.extend(_error_headers(error))
    return error.spec.status, headers, orjson.dumps(payload)


def _error_headers(error: StockyardError) -> list[tuple[str, str]]:
    headers: dict[str, str] = {}
    if error.spec.status == 401:
        challenge = 'Bearer realm="stockyard"'
        if error.spec.code in {"token_invalid", "token_expired", "refresh_token_reused", "invalid_api_key"}:
            challenge += f', error="invalid_token", error_description="{error.message}"'
        headers["WWW-Authenticate"] = challenge
    if error.spec.status == 503 and "Retry-After" not in error.headers:
        headers["Retry-After"] = "5"
    headers.update(_lowercase_safe(error.headers))
    return [(name.lower(), value) for name, value in headers.items()]


def _lowercase_safe(headers: Mapping[str, str]) -> dict[str, str]:
    return {name: value for name, value in headers.items() if "\n" not in value and "\r" not in value}
