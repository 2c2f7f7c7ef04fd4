"""The one definition of the accepted timestamp range, and the column type that enforces it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Dialect
from sqlalchemy.dialects import postgresql, sqlite

from stockyard.db.types import EARLIEST, LATEST, UTCDateTime, in_range

TOO_EARLY = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1)))  # year 0 in UTC
TOO_LATE = datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-14)))  # year 10000
FIRST_HOUR = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=-1)))  # 01:00 UTC on day 1
LAST_DAY = datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=14)))  # 09:59:59 UTC


def test_the_range_is_what_utc_can_hold() -> None:
    assert datetime.min.replace(tzinfo=UTC) == EARLIEST
    assert datetime.max.replace(tzinfo=UTC) == LATEST
    for value in (EARLIEST, LATEST, FIRST_HOUR, LAST_DAY):
        assert in_range(value)
        assert value.astimezone(UTC) == value
    for value in (TOO_EARLY, TOO_LATE):
        assert not in_range(value)
        with pytest.raises(OverflowError):  # why: Python cannot even convert them
            value.astimezone(UTC)


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()], ids=["sqlite", "postgresql"])
def test_the_column_type_refuses_what_it_cannot_convert(dialect: Dialect) -> None:
    column = UTCDateTime()
    for value in (TOO_EARLY, TOO_LATE):
        with pytest.raises(ValueError) as refused:
            column.process_bind_param(value, dialect)
        assert str(refused.value) == (
            "timestamps are stored from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z once "
            f"converted to UTC, not {value.isoformat()}"
        )
    stored = column.process_bind_param(FIRST_HOUR, dialect)
    assert stored is not None
    assert stored.replace(tzinfo=None) == datetime(1, 1, 1, 1, 0)
