"""A row read into its record: the one converter the stores share.

A record is a frozen dataclass whose fields are named after the columns they come from. What a
record holds differently from its row (a list read with another query, a status that depends on
the clock, an enum, a stored amount turned back into money) is passed by name; every other field is
the row's column of the same name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Row

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

RecordT = TypeVar("RecordT", bound="DataclassInstance")


@cache
def _field_names(record_type: type[DataclassInstance]) -> tuple[str, ...]:
    return tuple(field.name for field in fields(record_type))


def from_row(record_type: type[RecordT], row: Row[Any] | Mapping[str, Any], **given: Any) -> RecordT:
    """`record_type` with the fields in `given` as passed and every other one from `row`'s column
    of the same name (a missing column is a KeyError: the query and the record disagree)."""
    values = row._mapping if isinstance(row, Row) else row
    taken = {name: values[name] for name in _field_names(record_type) if name not in given}
    return record_type(**taken, **given)
