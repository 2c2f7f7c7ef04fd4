"""The error bodies as schemas (for OpenAPI), and the per-route error responses, from the catalog.

Routes declare what they can fail with: `responses=error_responses(catalog.NOT_FOUND, ...)`. Each
status becomes one OpenAPI response whose `application/json` content refers to the `Error`
component (the envelope) and whose `application/problem+json` content refers to `ProblemDetails`,
with one example per code and the headers the codes send. `api/openapi.py` registers the two
components.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from stockyard.errors import catalog
from stockyard.errors.catalog import ErrorSpec
from stockyard.errors.reference import EXAMPLE_REQUEST_ID, example_error
from stockyard.errors.render import JSON_MEDIA_TYPE, PROBLEM_MEDIA_TYPE, envelope, problem

ERROR_SCHEMA_NAME = "Error"
PROBLEM_SCHEMA_NAME = "ProblemDetails"


class ErrorEnvelope(BaseModel):
    """Every error response has this shape."""

    model_config = ConfigDict(title=ERROR_SCHEMA_NAME, extra="forbid")

    statusCode: int = Field(description="Mirrors the HTTP status.")
    error: str = Field(
        description="The category.", json_schema_extra={"enum": [c.name for c in catalog.CATEGORIES]}
    )
    code: str = Field(
        description="The stable, specific reason.", json_schema_extra={"enum": list(catalog.CATALOG)}
    )
    message: str = Field(description="Human-readable description.")
    details: dict[str, list[str]] | None = Field(
        default=None, description="Field dot path → messages; only for validation_error."
    )
    param: str | None = Field(default=None, description="The parameter the error is about (dot path).")
    requestId: str = Field(description="Equals the X-Request-Id response header.")


class ProblemError(BaseModel):
    """One failing field of a validation problem."""

    model_config = ConfigDict(title="ProblemFieldError", extra="forbid")

    pointer: str = Field(description="JSON Pointer to the field in the request body.")
    detail: str = Field(description="What is wrong with it.")


class ProblemDetails(BaseModel):
    """RFC 9457 problem details, sent instead of the envelope for `Accept: application/problem+json`."""

    model_config = ConfigDict(title=PROBLEM_SCHEMA_NAME, extra="forbid")

    type: str = Field(description="`urn:stockyard:error:<code>`.")
    title: str = Field(description="The category's title.")
    status: int = Field(description="The HTTP status.")
    detail: str = Field(description="Human-readable description (the envelope's `message`).")
    instance: str = Field(description="The request path.")
    code: str = Field(
        description="The stable, specific reason.", json_schema_extra={"enum": list(catalog.CATALOG)}
    )
    requestId: str = Field(description="Equals the X-Request-Id response header.")
    param: str | None = Field(default=None, description="The parameter the error is about (dot path).")
    errors: list[ProblemError] | None = Field(default=None, description="Only for validation_error.")


COMMON_AUTHENTICATED: tuple[ErrorSpec, ...] = (
    catalog.MISSING_CREDENTIALS,
    catalog.TOKEN_INVALID,
    catalog.TOKEN_EXPIRED,
    catalog.INVALID_API_KEY,
    catalog.TENANT_MISMATCH,
)
COMMON_ALL: tuple[ErrorSpec, ...] = (
    catalog.RATE_LIMITED,
    catalog.INTERNAL_ERROR,
    catalog.DATABASE_UNAVAILABLE,
    catalog.MAINTENANCE,
)
COMMON_PROBE: tuple[ErrorSpec, ...] = (catalog.INTERNAL_ERROR,)
COMMON_BODY: tuple[ErrorSpec, ...] = (
    catalog.MALFORMED_JSON,
    catalog.VALIDATION_ERROR,
    catalog.PAYLOAD_TOO_LARGE,
    catalog.UNSUPPORTED_MEDIA_TYPE,
)

HEADER_DESCRIPTIONS: dict[str, str] = {
    "WWW-Authenticate": "The Bearer challenge (RFC 6750).",
    "Retry-After": "Seconds to wait before retrying.",
    "RateLimit-Limit": "Requests allowed in the current window.",
    "RateLimit-Remaining": "Requests left in the current window.",
    "RateLimit-Reset": "Seconds until the window resets.",
    "Allow": "The methods this path accepts.",
}
_INTEGER_HEADERS = frozenset({"Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"})


def _headers(entries: list[ErrorSpec]) -> dict[str, Any]:
    names = dict.fromkeys(name for spec in entries for name in spec.headers)
    if any(spec.status == 503 for spec in entries):
        names["Retry-After"] = None
    return {
        name: {
            "description": HEADER_DESCRIPTIONS.get(name, name),
            "schema": {"type": "integer" if name in _INTEGER_HEADERS else "string"},
        }
        for name in names
    }


def response_for(entries: list[ErrorSpec], instance: str = "/api/v1/...") -> dict[str, Any]:
    """One OpenAPI response object for catalog entries that share a status."""
    response: dict[str, Any] = {
        "description": "\n".join(f"- `{spec.code}`: {spec.description}" for spec in entries),
        "content": {
            JSON_MEDIA_TYPE: {
                "schema": {"$ref": f"#/components/schemas/{ERROR_SCHEMA_NAME}"},
                "examples": {
                    spec.code: {
                        "summary": spec.message,
                        "value": envelope(example_error(spec), EXAMPLE_REQUEST_ID),
                    }
                    for spec in entries
                },
            },
            PROBLEM_MEDIA_TYPE: {
                "schema": {"$ref": f"#/components/schemas/{PROBLEM_SCHEMA_NAME}"},
                "examples": {
                    spec.code: {
                        "summary": spec.message,
                        "value": problem(example_error(spec), EXAMPLE_REQUEST_ID, instance),
                    }
                    for spec in entries
                },
            },
        },
    }
    headers = _headers(entries)
    if headers:
        response["headers"] = headers
    return response


def error_responses(
    *specs: ErrorSpec, authenticated: bool = True, body: bool = False, probe: bool = False
) -> dict[int | str, Any]:
    """OpenAPI `responses` for the given catalog entries plus the ones every such route can return.

    `authenticated` adds the 401s and `tenant_mismatch`; `body` adds the body-parsing errors;
    `probe` marks a health probe outside /api, which is never rate limited nor in maintenance.
    """
    chosen: list[ErrorSpec] = list(specs)
    if authenticated:
        chosen += COMMON_AUTHENTICATED
    if body:
        chosen += COMMON_BODY
    chosen += COMMON_PROBE if probe else COMMON_ALL
    by_status: dict[int, list[ErrorSpec]] = defaultdict(list)
    for spec in dict.fromkeys(chosen):
        by_status[spec.status].append(spec)
    return {status: response_for(entries) for status, entries in sorted(by_status.items())}
