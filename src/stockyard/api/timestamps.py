"""`Timestamp`: the type of every date-time the API reads, in a query string or a JSON body.

An ISO 8601 date-time with a time zone (a date alone, or a time without a zone, is refused by
Pydantic's `AwareDatetime`), in the range of `db.types.in_range`, returned converted to UTC. Out of
range it is the validation error `timestamp_range`, which `api/validation_errors.py` words as "The
parameter asOf must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z once converted to
UTC." (400 `invalid_parameter` in a query, `validation_error` with details in a body).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime
from pydantic_core import PydanticCustomError

from stockyard.db.types import TIMESTAMP_RANGE, in_range

TIMESTAMP_RANGE_ERROR = "timestamp_range"


def _in_range(value: datetime) -> datetime:
    if not in_range(value):
        raise PydanticCustomError(TIMESTAMP_RANGE_ERROR, "Must be {range}.", {"range": TIMESTAMP_RANGE})
    return value.astimezone(UTC)


Timestamp = Annotated[AwareDatetime, AfterValidator(_in_range)]
