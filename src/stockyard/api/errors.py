"""The HTTP side of the error catalog: exception handlers and the one way errors reach the wire."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import Scope, Send

from stockyard.api.request_state import state_of
from stockyard.api.validation_errors import translate
from stockyard.errors import StockyardError, catalog
from stockyard.errors.render import render

_BY_STATUS: dict[int, catalog.ErrorSpec] = {
    400: catalog.BAD_REQUEST,
    404: catalog.NOT_FOUND,
    405: catalog.METHOD_NOT_ALLOWED,
    409: catalog.CONFLICT,
    412: catalog.PRECONDITION_FAILED,
    413: catalog.PAYLOAD_TOO_LARGE,
    415: catalog.UNSUPPORTED_MEDIA_TYPE,
    422: catalog.UNPROCESSABLE_ENTITY,
    429: catalog.RATE_LIMITED,
    501: catalog.NOT_IMPLEMENTED,
    503: catalog.SERVICE_UNAVAILABLE,
}


def _prepare(
    scope: Scope, accept: str | None, error: StockyardError
) -> tuple[int, list[tuple[str, str]], bytes]:
    state = state_of(scope)
    state.error_code = error.spec.code
    state.error_message = error.message
    return render(error, request_id=state.request_id, accept=accept, instance=scope.get("path", ""))


def error_response(request: Request, error: StockyardError) -> Response:
    status, headers, body = _prepare(request.scope, request.headers.get("accept"), error)
    response = Response(content=body, status_code=status)
    response.headers.update(dict(headers))
    return response


async def send_error(scope: Scope, send: Send, error: StockyardError) -> None:
    """For ASGI middleware that answers before the app runs."""
    status, headers, body = _prepare(scope, Headers(scope=scope).get("accept"), error)
    raw_headers = [(name.encode(), value.encode("latin-1")) for name, value in headers]
    raw_headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


def from_http_exception(exc: StarletteHTTPException) -> StockyardError:
    spec = _BY_STATUS.get(exc.status_code)
    if spec is None:
        spec = catalog.INTERNAL_ERROR if exc.status_code >= 500 else catalog.BAD_REQUEST
    headers = dict(exc.headers or {})
    if exc.status_code == 400 and exc.detail == "There was an error parsing the body":
        spec = catalog.MALFORMED_JSON
    return StockyardError(spec, headers={k: v for k, v in headers.items() if k.lower() == "allow"})


async def _stockyard_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StockyardError)
    return error_response(request, exc)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(request, translate(exc.errors()))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    error = from_http_exception(exc)
    if exc.status_code == 405:
        error.headers["Allow"] = ", ".join(allowed_methods(request))
    return error_response(request, error)


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route fully matches on this path (the router names only the first route's)."""
    routes = request.app.router.routes
    return [
        method
        for method in _METHODS
        if any(route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes)
    ]


def install(app: FastAPI) -> None:
    handlers: dict[Any, Any] = {
        StockyardError: _stockyard_error,
        RequestValidationError: _validation_error,
        StarletteHTTPException: _http_error,
    }
    for exc_class, handler in handlers.items():
        app.add_exception_handler(exc_class, handler)
