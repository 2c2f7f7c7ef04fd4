"""The error envelope as a schema (for OpenAPI), and the per-route error responses, from the catalog."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from stockyard.errors import StockyardError, catalog
from stockyard.errors.catalog import ErrorSpec
from stockyard.errors.render import envelope, problem


class ErrorEnvelope(BaseModel):
    """Every error response has this shape."""

    model_config = ConfigDict(title="Error", extra="forbid")

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


EXAMPLE_REQUEST_ID = "req_01JD0000000000000000000000"

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
COMMON_BODY: tuple[ErrorSpec, ...] = (
    catalog.MALFORMED_JSON,
    catalog.VALIDATION_ERROR,
    catalog.PAYLOAD_TOO_LARGE,
    catalog.UNSUPPORTED_MEDIA_TYPE,
)


def _example(spec: ErrorSpec) -> StockyardError:
    if spec is catalog.VALIDATION_ERROR:
        return StockyardError(spec, details={"sku": ["The sku field is required."]})
    return StockyardError(spec)


def error_responses(
    *specs: ErrorSpec, authenticated: bool = True, body: bool = False
) -> dict[int | str, Any]:
    """OpenAPI `responses` for the given catalog entries plus the ones every such route can return."""
    chosen: list[ErrorSpec] = list(specs)
    if authenticated:
        chosen += COMMON_AUTHENTICATED
    if body:
        chosen += COMMON_BODY
    chosen += COMMON_ALL
    by_status: dict[int, list[ErrorSpec]] = defaultdict(list)
    for spec in dict.fromkeys(chosen):
        by_status[spec.status].append(spec)
    responses: dict[int | str, Any] = {}
    for status, entries in sorted(by_status.items()):
        responses[status] = {
            "model": ErrorEnvelope,
            "description": "; ".join(f"`{spec.code}`: {spec.description}" for spec in entries),
            "content": {
                "application/json": {
                    "examples": {
                        spec.code: {
                            "summary": spec.message,
                            "value": envelope(_example(spec), EXAMPLE_REQUEST_ID),
                        }
                        for spec in entries
                    }
                },
                "application/problem+json": {
                    "examples": {
                        spec.code: {
                            "summary": spec.message,
                            "value": problem(_example(spec), EXAMPLE_REQUEST_ID, "/api/v1/..."),
                        }
                        for spec in entries
                    }
                },
            },
        }
    return responses
