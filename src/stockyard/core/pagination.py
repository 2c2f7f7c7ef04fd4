"""Keyset pagination with opaque cursors. Ids are time-ordered, so `id > cursor` pages stably."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from stockyard.errors import StockyardError, catalog

T = TypeVar("T")

ID_PATTERN = r"[a-z]{3}_[0-9A-Z]{26}"  # what core.ids.new_id mints
_ID = re.compile(rf"^{ID_PATTERN}$")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    data: list[T]
    next_cursor: str | None

    @property
    def has_more(self) -> bool:
        return self.next_cursor is not None


def cursor_of(text: str) -> str:
    """The opaque cursor that carries `text` (unpadded URL-safe base64)."""
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def text_of(cursor: str) -> str:
    """What `cursor_of` put in the cursor; "" for one it cannot have made."""
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return ""


def invalid_cursor() -> StockyardError:
    return StockyardError(catalog.INVALID_PARAMETER, "The cursor is invalid.", param="cursor")


def encode_cursor(last_id: str) -> str:
    return cursor_of(f"v1:{last_id}")


def decode_cursor(cursor: str | None) -> str | None:
    """The id after which the page starts; 400 invalid_parameter for a cursor we did not issue."""
    if cursor is None:
        return None
    version, _, last_id = text_of(cursor).partition(":")
    if version != "v1" or not _ID.match(last_id):
        raise invalid_cursor()
    return last_id


def paginate(rows: list[T], limit: int) -> Page[T]:
    """`rows` was fetched with `limit + 1`; the extra row only tells that a next page exists."""
    if len(rows) > limit:
        rows = rows[:limit]
        return Page(rows, encode_cursor(getattr(rows[-1], "id")))  # noqa: B009
    return Page(rows, None)
