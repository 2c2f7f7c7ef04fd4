"""OpenTelemetry tracing, the optional `stockyard[otel]` extra (docs/deployment.md, Tracing).

Off unless `STOCKYARD_OTEL_ENABLED=true`; then `start()` builds a `TracerProvider` that batches spans
to an OTLP/HTTP exporter configured by the standard `OTEL_*` variables (endpoint, headers, service
name, sampler). While tracing is off nothing here imports opentelemetry, `create_app` installs no
tracing middleware and no engine gets a listener: it costs nothing.

What is traced:

* each HTTP request: a server span, `api/middleware/tracing.py` (the outermost layer), child of the
  caller's W3C `traceparent` when there is one;
* each database statement run while a request span is current: a client span named after the
  statement's first keyword (`SELECT`, `INSERT`, …) with the statement text as SQLAlchemy sends it,
  placeholders and all. Parameters are never recorded, nor a database error's message (which can
  quote a row's values): a failed statement carries only the exception's class name;
* log lines: `logs.JSONFormatter` adds `traceId` and `spanId` of the current span
  (`current_ids`, installed into `logs` by `configure`).

`configure(exporter=...)` is the hook for tests (an `InMemorySpanExporter`, exported synchronously);
`reset()` turns tracing off again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from stockyard import logs

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter
    from opentelemetry.trace import Tracer

    from stockyard.db.database import Database
    from stockyard.settings import Settings

log = logging.getLogger("stockyard.tracing")

TRACER_NAME = "stockyard"
MAX_STATEMENT_CHARS = 2048
"""A longer statement text (an `INSERT` of a 500-row batch) is cut to this length in `db.query.text`."""
_SPAN_KEY = "_stockyard_span"  # where a statement's span waits on SQLAlchemy's execution context

_tracer: Tracer | None = None
_provider: TracerProvider | None = None


def is_enabled() -> bool:
    return _tracer is not None


def tracer() -> Tracer:
    """The tracer of the configured provider; only called while tracing is on."""
    if _tracer is None:
        raise RuntimeError("tracing is off")
    return _tracer


def start(settings: Settings) -> bool:
    """Turns tracing on in this process when the settings ask for it (once: a provider already
    configured, such as a test's, stands). False, importing nothing, when they do not. Raises when they do but the extra is not
    installed: an operator who asked for traces learns at startup that there will be none."""
    if not settings.otel_enabled:
        return False
    if _tracer is None:
        try:
            import opentelemetry.sdk.trace  # noqa: F401
        except ImportError as exc:
            raise RuntimeError(
                "STOCKYARD_OTEL_ENABLED is true but OpenTelemetry is not installed: "
                "pip install 'stockyard[otel]'"
            ) from exc
        configure()
    return True


def configure(exporter: SpanExporter | None = None) -> None:
    """Tracing on with a fresh provider. Without `exporter`: a batch processor and the OTLP/HTTP
    exporter, which reads `OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT`, `…_HEADERS`, … itself; it becomes
    the global provider too unless one is set already. With `exporter` (tests): each span is exported
    as it ends, and the global provider is left alone."""
    global _tracer, _provider
    from opentelemetry import trace
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor

    from stockyard import __version__

    resource = Resource.create({"service.version": __version__})
    if str(resource.attributes.get("service.name", "")).startswith("unknown_service"):
        resource = resource.merge(Resource({"service.name": "stockyard"}))  # no OTEL_SERVICE_NAME
    provider = TracerProvider(resource=resource)  # sampler: OTEL_TRACES_SAMPLER, default parent-based
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
        if _is_default_provider(trace.get_tracer_provider()):
            trace.set_tracer_provider(provider)
        log.info("tracing on: spans exported over OTLP/HTTP")
    else:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    if _provider is not None:
        _provider.shutdown()
    _provider = provider
    _tracer = provider.get_tracer(TRACER_NAME, __version__)
    logs.trace_ids = current_ids


def reset() -> None:
    """Tracing off again (tests): spans already started end unexported."""
    global _tracer, _provider
    if _provider is not None:
        _provider.shutdown()
    _tracer = _provider = None
    logs.trace_ids = None


def _is_default_provider(provider: Any) -> bool:
    from opentelemetry.trace import NoOpTracerProvider, ProxyTracerProvider

    return isinstance(provider, (ProxyTracerProvider, NoOpTracerProvider))


def current_ids() -> tuple[str, str] | None:
    """(trace id, span id) of the current span in W3C hex, or None outside a span."""
    from opentelemetry.trace import get_current_span

    context = get_current_span().get_span_context()
    if not context.is_valid:
        return None
    return format(context.trace_id, "032x"), format(context.span_id, "016x")


def instrument_database(database: Database) -> None:
    """A span per statement on the database's engine (the sync engine under PostgreSQL's async one),
    once per engine; nothing while tracing is off."""
    if _tracer is None:
        return
    from sqlalchemy import event
    from sqlalchemy.ext.asyncio import AsyncEngine

    engine = getattr(database, "engine", None)
    if isinstance(engine, AsyncEngine):
        engine = engine.sync_engine
    if engine is None or event.contains(engine, "before_cursor_execute", _before_statement):
        return
    event.listen(engine, "before_cursor_execute", _before_statement)
    event.listen(engine, "after_cursor_execute", _after_statement)
    event.listen(engine, "handle_error", _statement_failed)


def _before_statement(
    conn: Any, _cursor: Any, statement: str, _parameters: Any, context: Any, executemany: bool
) -> None:
    from opentelemetry.trace import SpanKind, get_current_span

    if _tracer is None or context is None or not get_current_span().is_recording():
        return  # only within a traced request: a job's or a migration's statements are not
    operation = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "SQL"
    url = conn.engine.url
    attributes: dict[str, str | int | bool] = {
        "db.system.name": conn.dialect.name,
        "db.operation.name": operation,
        "db.query.text": statement[:MAX_STATEMENT_CHARS],
    }
    if url.host:
        attributes["server.address"] = url.host
        if url.port:
            attributes["server.port"] = url.port
    if executemany:
        attributes["stockyard.db.executemany"] = True
    setattr(context, _SPAN_KEY, _tracer.start_span(operation, kind=SpanKind.CLIENT, attributes=attributes))


def _after_statement(
    _conn: Any, _cursor: Any, _statement: str, _parameters: Any, context: Any, _executemany: bool
) -> None:
    span = getattr(context, _SPAN_KEY, None)
    if span is not None:
        delattr(context, _SPAN_KEY)
        span.end()


def _statement_failed(exception_context: Any) -> None:
    from opentelemetry.trace import Status, StatusCode

    context = exception_context.execution_context
    span = getattr(context, _SPAN_KEY, None) if context is not None else None
    if span is None:
        return
    delattr(context, _SPAN_KEY)
    error = exception_context.original_exception
    span.set_attribute("error.type", type(error).__name__)
    span.set_status(Status(StatusCode.ERROR))  # no description: the message may quote values
    span.end()
