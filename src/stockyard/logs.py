"""Structured logging: one JSON object per line. Nothing here ever logs headers or bodies.

`log_config(level)` is the whole configuration of a server process, uvicorn's loggers included:
`stockyard serve` hands it to uvicorn as `log_config`, so every worker process applies it too.
"""

from __future__ import annotations

import logging
import logging.config
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import orjson

from stockyard.db.redaction import describe, is_database_error

ACCESS_LOGGER = "stockyard.access"
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
            "stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}
        },
        "root": {"level": "WARNING", "handlers": ["stdout"]},
        "loggers": {
            "stockyard": {"level": level},
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
