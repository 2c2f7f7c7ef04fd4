"""A server span per request (OpenTelemetry, `stockyard.tracing`); installed only while tracing is on.

The outermost layer, outside `RequestContextMiddleware`, so that the span covers the whole request
and is current while the access-log line and any traceback are written (they carry its `traceId`).
The span continues the caller's trace when the request has a W3C `traceparent` (the propagators of
`OTEL_PROPAGATORS`, by default trace context and baggage). Once the request is answered it is named
after the route's template, `GET /api/v1/items/{itemId}`, as the metrics label it
(`request_metrics.route_of`, also for a request refused before routing), or just the method for a
path no route knows, and it gets the status, the catalog code of an error and the request id.
Never the query string, a header or a body.
"""

from __future__ import annotations

from opentelemetry import propagate
from opentelemetry.trace import SpanKind, Status, StatusCode
from starlette.datastructures import Headers
from starlette.types import Message, Receive, Scope, Send

from stockyard import tracing
from stockyard.api.middleware.base import HttpMiddleware
from stockyard.api.request_metrics import error_code, route_of
from stockyard.api.request_state import SCOPE_KEY, RequestState
from stockyard.metrics import UNMATCHED


class TracingMiddleware(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        method: str = scope["method"]
        parent = propagate.extract(Headers(scope=scope))
        status: int | None = None

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        with tracing.tracer().start_as_current_span(
            method,
            context=parent,
            kind=SpanKind.SERVER,
            record_exception=False,  # an exception's message may quote data; the status says enough
            set_status_on_exception=False,
            attributes={
                "http.request.method": method,
                "url.path": scope["path"],
                "url.scheme": scope.get("scheme", "http"),
            },
        ) as span:
            try:
                await self.app(scope, receive, send_with_status)
            finally:
                route = route_of(scope)
                if route != UNMATCHED:
                    span.update_name(f"{method} {route}")
                    span.set_attribute("http.route", route)
                state: RequestState | None = scope.get(SCOPE_KEY)
                if state is not None:
                    span.set_attribute("stockyard.request_id", state.request_id)
                if status is not None:
                    span.set_attribute("http.response.status_code", status)
                    code = error_code(state, status) if state is not None else ""
                    if code:
                        span.set_attribute("stockyard.error_code", code)
                    if status >= 500:
                        span.set_status(Status(StatusCode.ERROR))
