"""Optimistic concurrency on versioned rows: the checks a write makes before it changes a row.

A write looks its row up (locked), then reports a missing row (404 `not_found`) before a failed
If-Match precondition (412 `precondition_failed`), so that another tenant's resource reads the
same as one that does not exist.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from stockyard.errors import StockyardError, catalog


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


VersionedT = TypeVar("VersionedT", bound=Versioned)


def require_version(version: int, if_match: int | None) -> None:
    """412 precondition_failed when an If-Match header demanded another version."""
    if if_match is not None and if_match != version:
        raise StockyardError(catalog.PRECONDITION_FAILED)


def require_current(record: VersionedT | None, if_match: int | None) -> VersionedT:
    """The row a write is about to change: 404 not_found when missing, then `require_version`."""
    if record is None:
        raise StockyardError(catalog.NOT_FOUND)
    require_version(record.version, if_match)
    return record
