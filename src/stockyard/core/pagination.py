"""Keyset pagination with opaque cursors. Ids are time-ordered, so `id > cursor` pages stably."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from stockyard.errors import StockyardError, catalog

T = TypeVar("T")

_ID = re.compile(r"^[a-z]{3}_[0-9A-Z]{26}$")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    data: list[T]
    next_cursor: str | None


def encode_cursor(last_id: str) -> str:
    return base64.urlsafe_b64encode(f"v1:{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> str | None:
    """The id after which the page starts; 400 invalid_parameter for a cursor we did not issue."""
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raw = ""
    version, _, last_id = raw.partition(":")
    if version != "v1" or not _ID.match(last_id):
        raise StockyardError(catalog.INVALID_PARAMETER, "The cursor is invalid.", param="cursor")
    return last_id


def paginate(rows: list[T], limit: int) -> Page[T]:
    """`rows` was fetched with `limit + 1`; the extra row only tells that a next page exists."""
    if len(rows) > limit:
        rows = rows[:limit]
        return Page(rows, encode_cursor(getattr(rows[-1], "id")))  # noqa: B009
    return Page(rows, None)
