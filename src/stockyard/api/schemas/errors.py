"""The error bodies as schemas (for OpenAPI), and the per-route error responses, from the catalog.

Routes declare what they can fail with: `responses=error_responses(catalog.NOT_FOUND, ...)`. Each
status becomes one OpenAPI response whose `application/json` content refers to the `Error`
component (the envelope) and whose `application/problem+json` content refers to `ProblemDetails`,
with one example per code and the headers the codes send. Examples and headers are `$ref`s into
`components/examples` and `components/headers` (one copy each, whatever the number of operations
naming them); `api/openapi.py` registers those components and the two schemas.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from stockyard.api.paths import API_V1
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

EXAMPLE_INSTANCE = f"{API_V1}/items/itm_01JD0000000000000000000000"
EXAMPLES_REF = "#/components/examples/"
HEADERS_REF = "#/components/headers/"


def _header(description: str, schema_type: str) -> dict[str, Any]:
    return {"description": description, "schema": {"type": schema_type}}


# Every response header the API documents, once: responses refer to them by `$ref`
# (`components/headers`), and `api/openapi.py` registers them.
RESPONSE_HEADERS: dict[str, dict[str, Any]] = {
    "X-Request-Id": _header(
        "The request's id: the client's own `X-Request-Id` when valid (1-128 characters of "
        "[A-Za-z0-9._-]), else a generated one. Error bodies repeat it as `requestId`; quote it in support "
        "requests.",
        "string",
    ),
    "ETag": _header(
        'The resource\'s current version (`"v<version>"`): send it back as `If-Match` to update or delete '
        "only that version, or as `If-None-Match` to get 304 while it is unchanged.",
        "string",
    ),
    "Location": _header("The path of the resource this request created.", "string"),
    "RateLimit-Limit": _header(
        "Requests allowed in the current window (sent while rate limiting is on).", "integer"
    ),
    "RateLimit-Remaining": _header("Requests left in the current window.", "integer"),
    "RateLimit-Reset": _header("Seconds until the window resets.", "integer"),
    "Retry-After": _header("Seconds to wait before retrying.", "integer"),
    "WWW-Authenticate": _header("The Bearer challenge (RFC 6750).", "string"),
    "Allow": _header("The methods this path accepts.", "string"),
}
RATE_LIMIT_HEADERS: tuple[str, ...] = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")


def header_refs(*names: str) -> dict[str, Any]:
    """Response `headers` referring to `components/headers`."""
    unknown = [name for name in names if name not in RESPONSE_HEADERS]
    if unknown:
        raise ValueError(f"headers missing from RESPONSE_HEADERS: {unknown}")
    return {name: {"$ref": HEADERS_REF + name} for name in names}


def envelope_example_name(spec: ErrorSpec) -> str:
    return spec.code


def problem_example_name(spec: ErrorSpec) -> str:
    return f"{spec.code}.problem"


def error_examples() -> dict[str, Any]:
    """`components/examples`: one envelope and one problem-details example per catalog code. Every
    error response refers to these instead of repeating them (most operations share most codes)."""
    examples: dict[str, Any] = {}
    for spec in catalog.CATALOG.values():
        error = example_error(spec)
        examples[envelope_example_name(spec)] = {
            "summary": spec.message,
            "value": envelope(error, EXAMPLE_REQUEST_ID),
        }
        examples[problem_example_name(spec)] = {
            "summary": spec.message,
            "value": problem(error, EXAMPLE_REQUEST_ID, EXAMPLE_INSTANCE),
        }
    return examples


def _header_names(entries: list[ErrorSpec]) -> list[str]:
    names = dict.fromkeys(name for spec in entries for name in spec.headers)
    if any(spec.status in (429, 503) for spec in entries):
        names["Retry-After"] = None
    return list(names)


def response_for(entries: list[ErrorSpec]) -> dict[str, Any]:
    """One OpenAPI response object for catalog entries that share a status: the examples are
    `$ref`s into `components/examples` (see `error_examples`), the headers into `components/headers`."""
    response: dict[str, Any] = {
        "description": "\n".join(f"- `{spec.code}`: {spec.description}" for spec in entries),
        "content": {
            JSON_MEDIA_TYPE: {
                "schema": {"$ref": f"#/components/schemas/{ERROR_SCHEMA_NAME}"},
                "examples": {
                    spec.code: {"$ref": EXAMPLES_REF + envelope_example_name(spec)} for spec in entries
                },
            },
            PROBLEM_MEDIA_TYPE: {
                "schema": {"$ref": f"#/components/schemas/{PROBLEM_SCHEMA_NAME}"},
                "examples": {
                    spec.code: {"$ref": EXAMPLES_REF + problem_example_name(spec)} for spec in entries
                },
            },
        },
    }
    headers = _header_names(entries)
    if headers:
        response["headers"] = header_refs(*headers)
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
