"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect, Text
from sqlalchemy.types import TypeDecorator

# The timestamps Stockyard accepts, stores and compares: what Python, SQLite and PostgreSQL can all
# hold once converted to UTC. An instant outside it (0001-01-01T00:00:00+01:00 is year 0 in UTC,
# 9999-12-31T23:59:59-14:00 is year 10000) cannot be converted to UTC at all: the API refuses it
# where it parses timestamps (400), and no code path gets to convert one (an OverflowError).
# asyncpg binds the two ends as PostgreSQL's -infinity and infinity, which compare the same way.
EARLIEST = datetime.min.replace(tzinfo=UTC)
LATEST = datetime.max.replace(tzinfo=UTC)
TIMESTAMP_RANGE = "from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z once converted to UTC"


def in_range(value: datetime) -> bool:
    """True when the aware `value` lies in the accepted range (compared without converting it)."""
    return EARLIEST <= value <= LATEST


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes in, timezone-aware UTC datetimes out, on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored")
        if not in_range(value):
            raise ValueError(f"timestamps are stored {TIMESTAMP_RANGE}, not {value.isoformat()}")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class JSONList(TypeDecorator[list[Any]]):
    """A JSON array stored as text (portable, and compact enough for short lists)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[Any] | None, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(value, separators=(",", ":"))

    def process_result_value(self, value: str | None, dialect: Dialect) -> list[Any] | None:
        return None if value is None else list(json.loads(value))


class JSONDict(TypeDecorator[dict[str, Any]]):
    """A JSON object stored as text."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: dict[str, Any] | None, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(value, separators=(",", ":"))

    def process_result_value(self, value: str | None, dialect: Dialect) -> dict[str, Any] | None:
        return None if value is None else dict(json.loads(value))
