"""Tracing, the `otel` extra (docs/deployment.md, Tracing), in-process with OpenTelemetry's in-memory
exporter: the request's server span (named after the route template, continuing the caller's W3C
`traceparent`), a child span per database statement that records no parameter, and the request's log
lines carrying its trace id. With tracing off, building and serving the app imports neither the
SDK's tracing nor an exporter nor the middleware (FastAPI itself imports opentelemetry's API, and
redis-py the SDK's metrics when installed: inert without a provider).

The traced tests skip when the extra is not installed; `make install` (and so CI) installs it.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient

from stockyard import tracing
from stockyard.api.app import create_app
from stockyard.logs import ACCESS_LOGGER, JSONFormatter
from tests.conftest import make_settings
from tests.support import create_tenant

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import ReadableSpan
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN_ID = "00f067aa0ba902b7"
TRACEPARENT = f"00-{TRACE_ID}-{CALLER_SPAN_ID}-01"
ITEM_ROUTE = "/api/v1/items/{itemId}"
STATEMENT_ATTRIBUTES = {
    "db.system.name",
    "db.operation.name",
    "db.query.text",
    "server.address",
    "server.port",
    "stockyard.db.executemany",
}

Traced = tuple[TestClient, "InMemorySpanExporter"]


@pytest.fixture
def traced(database_url: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Traced]:
    """An app with tracing on, its spans exported synchronously to memory. The provider is the
    global one too, as in a server (where FastAPI would then trace requests itself as well)."""
    pytest.importorskip("opentelemetry.sdk.trace")
    from opentelemetry import trace
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    exporter = InMemorySpanExporter()
    tracing.configure(exporter=exporter)
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: tracing._provider)
    try:
        app = create_app(make_settings(database_url, data_dir, otel_enabled=True))
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client, exporter
    finally:
        tracing.reset()


def _server_spans(exporter: InMemorySpanExporter) -> list[ReadableSpan]:
    from opentelemetry.trace import SpanKind

    return [span for span in exporter.get_finished_spans() if span.kind is SpanKind.SERVER]


def _access_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    """The access lines as the JSON formatter wrote them when they were logged (within the span)."""
    lines = [json.loads(line) for line in caplog.text.splitlines() if line.strip()]
    return [line for line in lines if line["logger"] == ACCESS_LOGGER]


def test_a_request_is_a_span_with_its_statements_and_its_log_lines_carry_the_trace_id(
    traced: Traced, caplog: pytest.LogCaptureFixture
) -> None:
    from opentelemetry.trace import SpanKind, StatusCode

    client, exporter = traced
    tenant = create_tenant(client)
    item = tenant.create_item(name="Traced widget")
    exporter.clear()
    caplog.handler.setFormatter(JSONFormatter())
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="stockyard"):
        response = tenant.get(
            f"/api/v1/items/{item['id']}", headers={"traceparent": TRACEPARENT, "X-Request-Id": "trace-me-1"}
        )
    assert response.status_code == 200, response.text
    assert "traceparent" not in response.headers  # nothing of the trace goes back to the caller

    [server] = _server_spans(exporter)
    assert server.name == f"GET {ITEM_ROUTE}"
    assert dict(server.attributes or {}) == {
        "http.request.method": "GET",
        "url.path": f"/api/v1/items/{item['id']}",
        "url.scheme": "http",
        "http.route": ITEM_ROUTE,
        "http.response.status_code": 200,
        "stockyard.request_id": "trace-me-1",
    }
    assert server.status.status_code is StatusCode.UNSET
    assert format(server.context.trace_id, "032x") == TRACE_ID
    assert server.parent is not None and server.parent.is_remote
    assert format(server.parent.span_id, "016x") == CALLER_SPAN_ID

    statements = [span for span in exporter.get_finished_spans() if span.kind is SpanKind.CLIENT]
    # the item (the caller's principal was cached by the requests before: identity/principal_cache.py)
    assert len(statements) >= 1
    secrets = (item["id"], tenant.workspace_id, "Traced widget", item["sku"], tenant.access_token)
    for span in statements:
        assert span.parent is not None and span.parent.span_id == server.context.span_id
        assert span.context.trace_id == server.context.trace_id
        attributes = dict(span.attributes or {})
        assert set(attributes) <= STATEMENT_ATTRIBUTES, attributes
        assert attributes["db.system.name"] == client.app.state.services.database.dialect  # type: ignore[attr-defined]
        assert span.name == attributes["db.operation.name"]
        for value in attributes.values():  # no parameter: the statement text has placeholders only
            assert not any(secret in str(value) for secret in secrets), (span.name, attributes)
    assert any(
        span.name == "SELECT" and "FROM items" in str((span.attributes or {})["db.query.text"])
        for span in statements
    )

    [line] = _access_lines(caplog)
    assert line["requestId"] == "trace-me-1"
    assert line["traceId"] == TRACE_ID
    assert line["spanId"] == format(server.context.span_id, "016x")


def test_requests_refused_or_unrouted_are_named_by_route_and_carry_their_error_code(
    traced: Traced, caplog: pytest.LogCaptureFixture
) -> None:
    client, exporter = traced
    exporter.clear()
    caplog.handler.setFormatter(JSONFormatter())
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="stockyard"):
        refused = client.get("/api/v1/items/itm_nope")  # 401 before routing, no traceparent
        unknown = client.get("/api/v1/nowhere")
    assert refused.status_code == 401 and unknown.status_code in (401, 404)

    first, second = _server_spans(exporter)
    assert first.name == f"GET {ITEM_ROUTE}"
    assert first.parent is None  # a new trace
    attributes = dict(first.attributes or {})
    assert attributes["http.route"] == ITEM_ROUTE
    assert attributes["http.response.status_code"] == 401
    assert attributes["stockyard.error_code"] == "missing_credentials"
    assert second.name == "GET"  # no route: no template to name it by, never the raw path
    assert "http.route" not in dict(second.attributes or {})
    assert first.context.trace_id != second.context.trace_id

    lines = _access_lines(caplog)
    assert [line["traceId"] for line in lines] == [
        format(span.context.trace_id, "032x") for span in (first, second)
    ]


async def test_a_failed_statement_records_its_kind_and_nothing_outside_a_request_is_traced() -> None:
    """On an engine of its own (SQLite in memory, whatever the suite's backend): a statement that
    fails carries the exception's class only (an IntegrityError's message can quote the row), the
    listeners are added once however often the engine is instrumented, and a statement run outside
    any span is not traced."""
    pytest.importorskip("opentelemetry.sdk.trace")
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
    from opentelemetry.trace import StatusCode
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from stockyard.db.database import open_database

    exporter = InMemorySpanExporter()
    tracing.configure(exporter=exporter)
    database = open_database("sqlite://")
    try:
        tracing.instrument_database(database)
        tracing.instrument_database(database)
        async with database.transaction() as conn:
            await conn.execute(text("CREATE TABLE traced (code INTEGER UNIQUE)"))
        with tracing.tracer().start_as_current_span("request"), pytest.raises(IntegrityError):
            async with database.transaction() as conn:
                await conn.execute(text("INSERT INTO traced VALUES (:code)"), {"code": 424242})
                await conn.execute(text("INSERT INTO traced VALUES (:code)"), {"code": 424242})
    finally:
        await database.dispose()
        tracing.reset()

    spans = [span for span in exporter.get_finished_spans() if span.name != "request"]
    assert [span.name for span in spans] == ["BEGIN", "INSERT", "INSERT"]
    failed = spans[-1]
    assert dict(failed.attributes or {}) == {
        "db.system.name": "sqlite",
        "db.operation.name": "INSERT",
        "db.query.text": "INSERT INTO traced VALUES (?)",
        "error.type": "IntegrityError",
    }
    assert failed.status.status_code is StatusCode.ERROR and failed.status.description is None


def test_tracing_asked_for_without_the_extra_refuses_to_start(
    monkeypatch: pytest.MonkeyPatch, database_url: str, data_dir: Path
) -> None:
    monkeypatch.setattr(tracing, "_tracer", None)
    monkeypatch.setitem(sys.modules, "opentelemetry.sdk.trace", None)  # as if not installed
    with pytest.raises(RuntimeError, match=r"pip install 'stockyard\[otel\]'"):
        tracing.start(make_settings(database_url, data_dir, otel_enabled=True))
    assert not tracing.is_enabled()


def test_with_tracing_off_no_opentelemetry_sdk_is_imported(database_url: str, data_dir: Path) -> None:
    """A fresh interpreter builds the app, serves requests (the database opened, log lines written)
    and has imported no opentelemetry module: tracing off costs nothing."""
    script = """
import logging, sys
from fastapi.testclient import TestClient
from stockyard.api.app import create_app
from stockyard.logs import JSONFormatter

handler = logging.StreamHandler(sys.stderr)
handler.setFormatter(JSONFormatter())
logging.getLogger("stockyard").addHandler(handler)
logging.getLogger("stockyard").setLevel(logging.INFO)
with TestClient(create_app()) as client:
    assert client.get("/readyz").status_code == 200
    assert client.get("/api/v1/items").status_code == 401
# Others import parts of opentelemetry themselves, inert without a provider: FastAPI its API (a
# dependency of FastAPI), redis-py the SDK's metrics when the SDK is installed. Not its tracing.
loaded = sorted(
    name for name in sys.modules
    if name.startswith(("opentelemetry.sdk.trace", "opentelemetry.exporter", "stockyard.api.middleware.tracing"))
)
print(loaded)
"""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("STOCKYARD_", "OTEL_"))}
    env.update(
        STOCKYARD_DATABASE_URL=database_url,
        STOCKYARD_DATA_DIR=str(data_dir),
        STOCKYARD_SECRET_KEY="tracing-off-secret-key-long-enough-for-hs256",
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert '"logger":"stockyard.access"' in result.stderr
    assert "traceId" not in result.stderr
