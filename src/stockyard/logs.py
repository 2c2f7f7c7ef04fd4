"""Structured logging: one JSON object per line. Nothing here ever logs headers or bodies.

`log_config(level)` is the whole configuration of a server process, uvicorn's loggers included:
`stockyard serve` hands it to uvicorn as `log_config`, so every worker process applies it too.

The access log is written off the request path: under `log_config` the `stockyard.access` logger's
one handler is a `QueuedAccessHandler`, which only puts the record on a queue (its message and
trace ids settled first), and a `QueueListener` thread, started and stopped with the application's
lifespan (`access_log_listener`), formats and writes it through the same handlers as every other
line. Stopping the listener writes what is queued first. While no listener runs (no lifespan, or
logging not configured by `log_config`) the record is handed on at once, as before.
"""

from __future__ import annotations

import logging
import logging.config
import queue
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from logging.handlers import QueueHandler, QueueListener
from typing import Any

import orjson

from stockyard.db.redaction import describe, is_database_error

ACCESS_LOGGER = "stockyard.access"
BATCH_SECONDS = 0.05  # the access log's writer thread wakes at most this often under load
ERROR_LOGGER = "stockyard.errors"

trace_ids: Callable[[], tuple[str, str] | None] | None = None
"""While tracing is on (`stockyard.tracing`), the current span's (trace id, span id), which every
line written within a span carries as `traceId` and `spanId`. None (the default): no field, and
opentelemetry is never imported."""

# uvicorn's `color_message` is its message again with terminal colours.
_RESERVED = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "color_message"}


def format_traceback(exc: BaseException | None) -> str:
    """The exception chain as Python prints it, except that a database error's message (which can
    quote a row's values) is replaced by what `db.redaction.describe` allows."""
    if exc is None:
        return ""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    parts = []
    for link in reversed(chain):
        stack = "".join(traceback.format_tb(link.__traceback__))
        if is_database_error(link):
            line = describe(link) + "\n"
        else:
            line = "".join(traceback.format_exception_only(type(link), link))
        parts.append(f"Traceback (most recent call last):\n{stack}{line}")
    return "\nThe above exception led to the following:\n\n".join(parts)


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _RESERVED and not key.startswith("_"):
                payload[key] = value
        if trace_ids is not None and (ids := trace_ids()) is not None:
            payload["traceId"], payload["spanId"] = ids
        if record.exc_info:
            payload["traceback"] = format_traceback(record.exc_info[1])
        if record.stack_info:
            payload["stack"] = record.stack_info
        return orjson.dumps(payload, default=str).decode()


class _ToParentHandlers(logging.Handler):
    """The listener's one handler: a record goes on to the handlers above the access logger (the
    process's stdout line, pytest's capture), as it would have without the queue."""

    def emit(self, record: logging.LogRecord) -> None:
        parent = logging.getLogger(ACCESS_LOGGER).parent
        if parent is not None:
            parent.callHandlers(record)


class _BatchingListener(QueueListener):
    """Wakes once per batch, not once per record: when the queue is empty it waits
    `BATCH_SECONDS` before waiting on the queue again, so under load the request thread's `put`
    finds no waiting thread to wake (a wake-up per request cost the event loop more CPU, in GIL
    hand-overs, than the formatting it took off the loop)."""

    def dequeue(self, block: bool) -> logging.LogRecord:
        records: queue.SimpleQueue[logging.LogRecord] = self.queue  # type: ignore[assignment]
        try:
            return records.get_nowait()
        except queue.Empty:
            time.sleep(BATCH_SECONDS)
            return records.get(block)


class AccessQueue:
    """The queue between the request path and the listener thread; one per process."""

    def __init__(self) -> None:
        self.records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._users = 0  # lifespans running (tests run several applications in one process)
        self._listener: QueueListener | None = None

    @property
    def listening(self) -> bool:
        return self._listener is not None

    def start(self) -> None:
        with self._lock:
            self._users += 1
            if self._listener is None:
                self._listener = _BatchingListener(self.records, _ToParentHandlers())
                self._listener.start()

    def stop(self) -> None:
        with self._lock:
            self._users -= 1
            if self._users > 0 or self._listener is None:
                return
            listener, self._listener = self._listener, None  # new records are handed on at once
        listener.stop()  # writes the queued records, then ends the thread


ACCESS_QUEUE = AccessQueue()
_TO_PARENT_HANDLERS = _ToParentHandlers()


class QueuedAccessHandler(QueueHandler):
    """Puts an access record on `ACCESS_QUEUE`: the request path does no formatting or writing."""

    def __init__(self) -> None:
        super().__init__(ACCESS_QUEUE.records)

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        """Settles now what the listener thread could not know: the message and the trace ids of
        the current span. No copy and no formatting (the standard `prepare` does both)."""
        record.message = record.getMessage()
        record.msg, record.args = record.message, None
        if trace_ids is not None and (ids := trace_ids()) is not None:
            record.traceId, record.spanId = ids
        return record

    def emit(self, record: logging.LogRecord) -> None:
        if ACCESS_QUEUE.listening:
            super().emit(record)
        else:
            _TO_PARENT_HANDLERS.handle(record)


@contextmanager
def access_log_listener() -> Iterator[None]:
    """The access log's writer thread, for the duration of an application's lifespan."""
    ACCESS_QUEUE.start()
    try:
        yield
    finally:
        ACCESS_QUEUE.stop()


def log_config(level: str = "INFO") -> dict[str, Any]:
    """Every record of the process as one JSON line on stdout: stockyard's and uvicorn's at `level`,
    other libraries' (asyncio, SQLAlchemy, Python warnings, ...) from WARNING. uvicorn's access log is
    off: `stockyard.access` writes the access line, with the request id. SQLAlchemy stays at WARNING
    whatever `level`, so statements are never logged (the engines hide parameters in errors)."""
    level = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JSONFormatter"}},
        "handlers": {
            "stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
            "access_queue": {"()": f"{__name__}.QueuedAccessHandler"},
        },
        "root": {"level": "WARNING", "handlers": ["stdout"]},
        "loggers": {
            "stockyard": {"level": level},
            # one line per request, written by the listener thread (see the module's docstring)
            ACCESS_LOGGER: {"handlers": ["access_queue"], "propagate": False},
            "uvicorn": {"level": level},
            # uvicorn's protocols read this logger's own level (not the effective one) per connection
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"level": "WARNING", "propagate": False},
            "sqlalchemy": {"level": "WARNING"},
        },
    }


def configure(level: str = "INFO") -> None:
    """Applies `log_config(level)` to this process and routes Python warnings to it."""
    logging.config.dictConfig(log_config(level))
    logging.captureWarnings(True)
