"""A looked-up row that must exist."""

from __future__ import annotations

from typing import TypeVar

from stockyard.errors import StockyardError, catalog

T = TypeVar("T")


def found(record: T | None) -> T:
    """`record`, or 404 not_found when the lookup found nothing. Stores filter every lookup by the
    caller's workspace, so another tenant's id answers exactly like one that does not exist."""
    if record is None:
        raise StockyardError(catalog.NOT_FOUND)
    return record
