"""Structured logging: one JSON object per line. Nothing here ever logs headers or bodies."""

from __future__ import annotations

import logging
import sys
import traceback
from datetime import UTC, datetime
from typing import Any

import orjson

ACCESS_LOGGER = "stockyard.access"
ERROR_LOGGER = "stockyard.errors"

_RESERVED = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


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
        if record.exc_info:
            payload["traceback"] = "".join(traceback.format_exception(*record.exc_info))
        return orjson.dumps(payload, default=str).decode()


def configure(level: str = "INFO") -> None:
    """JSON lines on stdout for the stockyard loggers (used by `stockyard serve`)."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JSONFormatter())
    root = logging.getLogger("stockyard")
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    root.propagate = False
