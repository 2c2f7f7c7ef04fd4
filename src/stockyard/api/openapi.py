"""The OpenAPI document: FastAPI's, completed with the error contract and the security schemes.

* `Error` (the envelope) and `ProblemDetails` are named components; every error response refers to
  them and names one example per catalog code, a `$ref` into `components/examples` where each
  example is written once (see `api/schemas/errors.py`).
* FastAPI's default 422 "Validation Error" responses are removed: Stockyard reports schema
  problems as 400 `validation_error` / `invalid_parameter`, declared by each route.
* Every path documents 405 `method_not_allowed` with the methods it accepts.
* An error response several operations declare identically is written once, in
  `components/responses`, and referred to by `$ref`.
* What middleware adds to whole classes of operations is added here, from the same rules: the
  `Idempotency-Key` header and its errors on every POST, 503 `service_unavailable` on writes.
* Response headers are `$ref`s into `components/headers`, declared from what sends them:
  `X-Request-Id` on every response (the request-context middleware), the `RateLimit-*` trio on the
  successes of /api routes and their 429 (the rate-limit middleware),
  `ETag` where the route's endpoint calls `with_etag` or `conditional_get`, `Location` where it
  sets that header.
* Tags come in reading order (the inventory first, then access and administration), each with a
  description: the router module that owns a group declares it (`TAG = ApiTag(rank, name, description)`).
* Both credentials (JWT access token, API key) are HTTP Bearer schemes, applied to every operation
  the authentication middleware guards (`is_authenticated_path`, with the app's `public_paths`).
"""

from __future__ import annotations

import inspect
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel
from starlette.routing import BaseRoute

from stockyard.api.paths import API_ROOT, is_authenticated_path
from stockyard.api.schemas.errors import (
    RATE_LIMIT_HEADERS,
    RESPONSE_HEADERS,
    ErrorEnvelope,
    ProblemDetails,
    error_examples,
    header_refs,
    response_for,
)
from stockyard.core.ids import id_pattern
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
    # What the idempotency middleware accepts: printable ASCII, not only spaces.
    "schema": {
        "type": "string",
        "minLength": 1,
        "maxLength": 255,
        "pattern": r"^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$",
    },
}
WORKSPACE_HEADER: dict[str, Any] = {
    "name": "Stockyard-Workspace",
    "in": "header",
    "required": False,
    "description": "The slug or id of the workspace you mean. Optional; when sent it must be the "
    "credential's own workspace, else 403 `tenant_mismatch`.",
    # A workspace slug (schemas/identity.py) or a workspace id: no other value can name one.
    "schema": {
        "type": "string",
        "maxLength": 40,
        "pattern": f"^(?:[a-z0-9-]{{3,40}}|{id_pattern('wsp')[1:-1]})$",
    },
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


@dataclass(frozen=True)
class ApiTag:
    """An operation group of the document, declared by the router module that owns it (`TAG`):
    its name (the router's `tags=[TAG.name]`), its description, and its place in reading order
    (`rank`: what an integration uses every day first, then access and administration; spaced by
    ten so that a new group fits between two). The app hands the routers' tags to `install`; a
    tag no router declares still appears (last, undescribed), and tests/api/test_openapi.py
    requires a description for each."""

    rank: int
    name: str
    description: str


# The response headers an endpoint sets itself (the others come from middleware), and where the
# functions that may set them live.
_ENDPOINT_HEADERS: tuple[str, ...] = ("ETag", "Location")
_API_PACKAGE = "stockyard.api."
RESPONSES_REF = "#/components/responses/"


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


def add_errors(responses: dict[str, Any], specs: tuple[ErrorSpec, ...]) -> None:
    """Merge catalog entries into an operation's error responses (examples, description, headers)."""
    for spec in specs:
        extra = response_for([spec])
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
        )
    if method not in ("get", "head", "options"):
        add_errors(responses, (catalog.SERVICE_UNAVAILABLE,))


def _endpoints(routes: Sequence[BaseRoute]) -> dict[str, Callable[..., Any]]:
    """Each documented operation's endpoint function, by operation id."""
    return {
        context.operation_id: inspect.unwrap(context.endpoint)
        for context in iter_route_contexts(routes)
        if isinstance(context.original_route, APIRoute)
        and context.include_in_schema
        and context.operation_id
        and context.endpoint is not None
    }


def _headers_the_endpoint_sets(endpoint: Callable[..., Any] | None) -> list[str]:
    """`ETag` and `Location`, when the endpoint sets them: the routes are the truth, so the document
    reads them rather than a list kept apart that could fall out of step. A header is set where code
    writes its name (`response.headers["ETag"] = ...`); the endpoint's code is read, and that of the
    API's own functions it calls by name (`with_etag`, `conditional_get` and the like), transitively."""
    found = _header_names_in(endpoint, set())
    return [name for name in _ENDPOINT_HEADERS if name in found]


def _header_names_in(function: object, seen: set[int]) -> set[str]:
    code = getattr(function, "__code__", None)
    if code is None or id(function) in seen:
        return set()
    seen.add(id(function))
    module_globals: dict[str, Any] = getattr(function, "__globals__", {})
    found: set[str] = set()
    codes = [code]
    while codes:
        current = codes.pop()
        found.update(const for const in current.co_consts if const in _ENDPOINT_HEADERS)
        codes.extend(const for const in current.co_consts if inspect.iscode(const))
        for name in current.co_names:
            called = module_globals.get(name)
            if inspect.isfunction(called) and called.__module__.startswith(_API_PACKAGE):
                found |= _header_names_in(called, seen)
    return found


def _add_headers(response: dict[str, Any], names: Sequence[str]) -> None:
    headers: dict[str, Any] = response.setdefault("headers", {})
    for name, reference in header_refs(*names).items():
        headers.setdefault(name, reference)


def _response_headers(path: str, operation: dict[str, Any], endpoint: Callable[..., Any] | None) -> None:
    """The headers middleware and the endpoint add to this operation's responses."""
    set_by_endpoint = _headers_the_endpoint_sets(endpoint)
    for status, response in operation["responses"].items():
        if "$ref" in response:
            continue  # a shared response (components/responses) has its headers already
        names: list[str] = []
        if status.startswith("2"):
            names += set_by_endpoint
        elif status == "304" and "ETag" in set_by_endpoint:
            names.append("ETag")  # conditional_get's 304 names the version the client already has
        # The limiter counts every /api request and says so on the response; the document declares
        # it on the successes (and the 429, from the catalog), where a client reads its budget,
        # rather than on every error response of every operation.
        if path.startswith(API_ROOT) and status[0] in "23":
            names += RATE_LIMIT_HEADERS
        names.append("X-Request-Id")
        _add_headers(response, names)


def _method_not_allowed(shared: dict[str, Any], allowed: list[str]) -> dict[str, str]:
    """A `$ref` to the 405 of a path accepting `allowed`, registered once per set of methods."""
    name = f"MethodNotAllowed.{'.'.join(allowed)}"
    if name not in shared:
        response = response_for([catalog.METHOD_NOT_ALLOWED])
        response["description"] = (
            f"- `method_not_allowed`: this path accepts only {', '.join(allowed)}; any other method gets 405 "
            "with the `Allow` header."
        )
        _add_headers(response, ["X-Request-Id"])
        shared[name] = response
    return {"$ref": RESPONSES_REF + name}


def _share_repeated_error_responses(paths: dict[str, Any], shared: dict[str, Any]) -> None:
    """An error response that several operations declare identically (the 401s of every
    authenticated route, the 429, the 500...) is written once in `components/responses`, named by
    its status and codes, and referred to. Responses only one operation has stay in place."""
    occurrences: dict[str, list[tuple[dict[str, Any], str]]] = defaultdict(list)
    for item in paths.values():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            for status, response in operation["responses"].items():
                if status.isdigit() and int(status) >= 400 and "$ref" not in response:
                    key = json.dumps(response, sort_keys=True)
                    occurrences[key].append((operation["responses"], status))
    for places in occurrences.values():
        if len(places) < 2:
            continue
        responses, status = places[0]
        response = responses[status]
        codes = ".".join(response["content"][JSON_MEDIA_TYPE]["examples"])
        name = f"{status}.{codes}"
        variant = 2
        while name in shared:
            name = f"{status}.{codes}.v{variant}"
            variant += 1
        shared[name] = response
        for responses, status in places:
            responses[status] = {"$ref": RESPONSES_REF + name}


_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def _integral_bounds(node: Any) -> None:
    """FastAPI's document model reads every bound as a float (`"maximum": 1000000000.0`); a bound
    that is a whole number is written as one again. A generator that reads `1000000000.0` may send
    `12.0` for an integer, which the strict bodies refuse ("must be an integer")."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _BOUNDS and isinstance(value, float) and value.is_integer():
                node[key] = int(value)
            else:
                _integral_bounds(value)
    elif isinstance(node, list):
        for element in node:
            _integral_bounds(element)


def _patterns_in_string_branches(paths: dict[str, Any]) -> None:
    """A parameter declared `str | None` with a pattern (`json_schema_extra`) has it beside its
    `anyOf`; it is moved into the string branch, where it applies and where generators look."""
    for item in paths.values():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            for parameter in operation.get("parameters", ()):
                schema = parameter.get("schema", {})
                if "pattern" in schema and "anyOf" in schema:
                    pattern = schema.pop("pattern")
                    for branch in schema["anyOf"]:
                        if branch.get("type") == "string":
                            branch["pattern"] = pattern


def _ordered_tags(used: set[str], declared: Sequence[ApiTag]) -> list[dict[str, str]]:
    by_name = {tag.name: tag for tag in declared}
    last = max((tag.rank for tag in declared), default=0) + 1
    ordered = sorted(used, key=lambda name: (by_name[name].rank if name in by_name else last, name))
    tags: list[dict[str, str]] = []
    for name in ordered:
        tag = {"name": name}
        if name in by_name:
            tag["description"] = by_name[name].description
        tags.append(tag)
    return tags


def _complete(
    schema: dict[str, Any],
    routes: Sequence[BaseRoute],
    public_paths: frozenset[str],
    declared: Sequence[ApiTag],
) -> dict[str, Any]:
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.update(_component_schemas(ErrorEnvelope, ProblemDetails))
    components["examples"] = error_examples()
    components["headers"] = RESPONSE_HEADERS
    components["securitySchemes"] = SECURITY_SCHEMES
    shared: dict[str, Any] = components.setdefault("responses", {})
    endpoints = _endpoints(routes)
    tags: set[str] = set()
    for path, item in schema.get("paths", {}).items():
        operations = {method: op for method, op in item.items() if method in HTTP_METHODS}
        allowed = sorted(method.upper() for method in operations)
        not_allowed = _method_not_allowed(shared, allowed)
        for method, operation in operations.items():
            responses: dict[str, Any] = operation.setdefault("responses", {})
            if "422" in responses and _is_fastapi_validation_response(responses["422"]):
                del responses["422"]
            responses.setdefault("405", not_allowed)
            _cross_cutting(path, method, operation, public_paths)
            _response_headers(path, operation, endpoints.get(operation.get("operationId", "")))
            operation["responses"] = dict(sorted(responses.items()))
            if is_authenticated_path(path, public_paths):
                operation["security"] = SECURITY_REQUIREMENT
            tags.update(operation.get("tags", ()))
    if not any(_FASTAPI_VALIDATION_SCHEMAS[0] in json.dumps(item) for item in schema["paths"].values()):
        for name in _FASTAPI_VALIDATION_SCHEMAS:
            schemas.pop(name, None)
    _share_repeated_error_responses(schema["paths"], shared)
    _integral_bounds(schema)
    _patterns_in_string_branches(schema["paths"])
    schema["tags"] = _ordered_tags(tags, declared)
    return schema


def build_openapi(app: FastAPI, public_paths: frozenset[str], tags: Sequence[ApiTag] = ()) -> dict[str, Any]:
    """The app's OpenAPI 3.1 document (computed once, then cached on the app)."""
    if app.openapi_schema is None:
        app.openapi_schema = _complete(
            get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            ),
            app.routes,
            public_paths,
            tags,
        )
    return app.openapi_schema


def install(app: FastAPI, public_paths: frozenset[str], tags: Sequence[ApiTag] = ()) -> None:
    """Replace FastAPI's `app.openapi` with `build_openapi` (`public_paths`: those of the app's routes;
    `tags`: the groups its routers declare)."""
    names = [tag.name for tag in tags]
    if len(set(names)) != len(names):
        raise ValueError(f"a tag is declared twice: {sorted(names)}")

    def openapi() -> dict[str, Any]:
        return build_openapi(app, public_paths, tags)

    app.openapi = openapi  # type: ignore[method-assign]


def openapi_json() -> str:
    """The document of the default application, as pretty-printed JSON (for `stockyard openapi`)."""
    from stockyard.api.app import create_app

    return json.dumps(create_app().openapi(), indent=2, ensure_ascii=False) + "\n"
