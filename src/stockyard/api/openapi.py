"""The OpenAPI document: FastAPI's, completed with the error contract and the security schemes.

* `Error` (the envelope) and `ProblemDetails` are named components; every error response refers to
  them and carries one example per catalog code (see `api/schemas/errors.py`).
* FastAPI's default 422 "Validation Error" responses are removed: Stockyard reports schema
  problems as 400 `validation_error` / `invalid_parameter`, declared by each route.
* Every path documents 405 `method_not_allowed` with the methods it accepts.
* What middleware adds to whole classes of operations is added here, from the same rules: the
  `Idempotency-Key` header and its errors on every POST, 503 `service_unavailable` on writes.
* Both credentials (JWT access token, API key) are HTTP Bearer schemes, applied to every operation
  the authentication middleware guards (`is_authenticated_path`, with the app's `public_paths`).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from stockyard.api.paths import API_ROOT, is_authenticated_path
from stockyard.api.schemas.errors import ErrorEnvelope, ProblemDetails, response_for
from stockyard.errors import catalog
from stockyard.errors.catalog import ErrorSpec
from stockyard.errors.render import JSON_MEDIA_TYPE, PROBLEM_MEDIA_TYPE

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ACCESS_TOKEN_SCHEME = "accessToken"  # noqa: S105 - a scheme name, not a secret
API_KEY_SCHEME = "apiKey"

SECURITY_SCHEMES: dict[str, Any] = {
    ACCESS_TOKEN_SCHEME: {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "An access token from POST /api/v1/auth/token. It expires (401 `token_expired`): "
        "rotate it with POST /api/v1/auth/refresh.",
    },
    API_KEY_SCHEME: {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key (integration user) from POST /api/v1/api-keys, sent as "
        "`Authorization: Bearer <key>`. Its scopes, read-only flag and warehouses limit what it may do.",
    },
}
SECURITY_REQUIREMENT: list[dict[str, list[str]]] = [{ACCESS_TOKEN_SCHEME: []}, {API_KEY_SCHEME: []}]

_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")

IDEMPOTENCY_HEADER: dict[str, Any] = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "1-255 printable ASCII characters, unique per request (a UUID). A retry with the same "
    "key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. "
    "Stored for 24 h per workspace and principal; ignored on public routes.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
}
WORKSPACE_HEADER: dict[str, Any] = {
    "name": "Stockyard-Workspace",
    "in": "header",
    "required": False,
    "description": "The slug or id of the workspace you mean. Optional; when sent it must be the "
    "credential's own workspace, else 403 `tenant_mismatch`.",
    "schema": {"type": "string", "maxLength": 64},
}
# The idempotency middleware on every authenticated POST: a malformed key, a key reused with
# another request, a key whose first request still runs.
IDEMPOTENCY_ERRORS: tuple[ErrorSpec, ...] = (
    catalog.INVALID_PARAMETER,
    catalog.IDEMPOTENCY_KEY_IN_USE,
    catalog.IDEMPOTENCY_KEY_REUSED,
)
# Every write under /api: 503 `service_unavailable` while the rate limiter's store is down (reads
# pass unmetered). See api/middleware/rate_limit.py.


def _component_schemas(*models: type[BaseModel]) -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    for model in models:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[str(schema["title"])] = schema
    return schemas


def _is_fastapi_validation_response(response: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return bool(schema.get("$ref", "").endswith("/HTTPValidationError"))


def add_errors(responses: dict[str, Any], specs: tuple[ErrorSpec, ...], instance: str) -> None:
    """Merge catalog entries into an operation's error responses (examples, description, headers)."""
    for spec in specs:
        extra = response_for([spec], instance=instance)
        existing = responses.get(str(spec.status))
        if existing is None or "content" not in existing:
            responses[str(spec.status)] = extra
            continue
        examples = existing["content"][JSON_MEDIA_TYPE].setdefault("examples", {})
        if spec.code in examples:
            continue
        for media_type in (JSON_MEDIA_TYPE, PROBLEM_MEDIA_TYPE):
            existing["content"][media_type].setdefault("examples", {}).update(
                extra["content"][media_type]["examples"]
            )
        existing["description"] = f"{existing['description']}\n{extra['description']}"
        if "headers" in extra:
            existing.setdefault("headers", {}).update(extra["headers"])


def _add_parameter(parameters: list[dict[str, Any]], parameter: dict[str, Any]) -> None:
    if not any(p.get("name") == parameter["name"] and p.get("in") == parameter["in"] for p in parameters):
        parameters.append(parameter)


def _cross_cutting(path: str, method: str, operation: dict[str, Any], public_paths: frozenset[str]) -> None:
    """Errors and headers that middleware adds to whole classes of operations."""
    if not path.startswith(API_ROOT):
        return
    responses: dict[str, Any] = operation["responses"]
    parameters: list[dict[str, Any]] = operation.setdefault("parameters", [])
    if is_authenticated_path(path, public_paths):
        _add_parameter(parameters, WORKSPACE_HEADER)
    if method == "post":
        _add_parameter(parameters, IDEMPOTENCY_HEADER)
        add_errors(
            responses,
            IDEMPOTENCY_ERRORS if is_authenticated_path(path, public_paths) else (catalog.INVALID_PARAMETER,),
            path,
        )
    if method not in ("get", "head", "options"):
        add_errors(responses, (catalog.SERVICE_UNAVAILABLE,), path)


def _complete(schema: dict[str, Any], public_paths: frozenset[str]) -> dict[str, Any]:
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.update(_component_schemas(ErrorEnvelope, ProblemDetails))
    components["securitySchemes"] = SECURITY_SCHEMES
    tags: dict[str, None] = {}
    for path, item in schema.get("paths", {}).items():
        operations = {method: op for method, op in item.items() if method in HTTP_METHODS}
        allowed = ", ".join(sorted(method.upper() for method in operations))
        not_allowed = response_for([catalog.METHOD_NOT_ALLOWED], instance=path)
        not_allowed["description"] = (
            f"- `method_not_allowed`: this path accepts only {allowed}; any other method gets 405 "
            "with the `Allow` header."
        )
        for method, operation in operations.items():
            responses: dict[str, Any] = operation.setdefault("responses", {})
            if "422" in responses and _is_fastapi_validation_response(responses["422"]):
                del responses["422"]
            responses.setdefault("405", not_allowed)
            _cross_cutting(path, method, operation, public_paths)
            operation["responses"] = dict(sorted(responses.items()))
            if is_authenticated_path(path, public_paths):
                operation["security"] = SECURITY_REQUIREMENT
            tags.update(dict.fromkeys(operation.get("tags", ())))
    if not any(_FASTAPI_VALIDATION_SCHEMAS[0] in json.dumps(item) for item in schema["paths"].values()):
        for name in _FASTAPI_VALIDATION_SCHEMAS:
            schemas.pop(name, None)
    schema["tags"] = [{"name": name} for name in sorted(tags)]
    return schema


def build_openapi(app: FastAPI, public_paths: frozenset[str]) -> dict[str, Any]:
    """The app's OpenAPI 3.1 document (computed once, then cached on the app)."""
    if app.openapi_schema is None:
        app.openapi_schema = _complete(
            get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            ),
            public_paths,
        )
    return app.openapi_schema


def install(app: FastAPI, public_paths: frozenset[str]) -> None:
    """Replace FastAPI's `app.openapi` with `build_openapi` (`public_paths`: those of the app's routes)."""

    def openapi() -> dict[str, Any]:
        return build_openapi(app, public_paths)

    app.openapi = openapi  # type: ignore[method-assign]


def openapi_json() -> str:
    """The document of the default application, as pretty-printed JSON (for `stockyard openapi`)."""
    from stockyard.api.app import create_app

    return json.dumps(create_app().openapi(), indent=2, ensure_ascii=False) + "\n"
