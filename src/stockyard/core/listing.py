"""What a list request asks for, and the cursor that carries it from page to page.

Every list is keyset-paginated on (sort key, id): the id breaks ties, so the order is total and a
page never repeats or skips a row that existed when the first page was read, whatever is inserted
meanwhile. The cursor carries the sort, a fingerprint of the filters and the last row's key; used
with another sort or other filters it is refused (400), because its position means nothing there.

A resource declares its sorts once (`Sorting`): the API names (`sku`, `createdAt`), what kind of
value each is, and the default. The store maps each name to its column (`db/keyset.py`).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from operator import attrgetter
from typing import TYPE_CHECKING, Generic, TypeVar

from stockyard.errors import StockyardError, catalog

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T")

SortValue = str | int | datetime


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list: its rows, and the cursor of the next page (None on the last)."""

    data: list[T]
    next_cursor: str | None

    @property
    def has_more(self) -> bool:
        return self.next_cursor is not None


class SortKind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    TIME = "time"


@dataclass(frozen=True, slots=True)
class SortOrder:
    """One sort: the field's API name and its direction (`-createdAt` is newest first)."""

    field: str
    kind: SortKind
    descending: bool

    @property
    def text(self) -> str:
        return f"-{self.field}" if self.descending else self.field


@dataclass(frozen=True, slots=True)
class Sorting:
    """The sorts a list offers: field name → kind, and the one used when none is asked for."""

    fields: Mapping[str, SortKind]
    default: str  # e.g. "createdAt" or "-createdAt"

    @property
    def accepted(self) -> list[str]:
        return [text for name in self.fields for text in (name, f"-{name}")]

    def parse(self, text: str | None) -> SortOrder:
        """The sort `text` asks for; 400 invalid_parameter (`param: sort`) for one not offered."""
        wanted = self.default if text is None else text
        name = wanted.removeprefix("-")
        kind = self.fields.get(name)
        if kind is None or wanted.count("-") > 1 or (wanted.startswith("-") and wanted[1:] != name):
            raise StockyardError(
                catalog.INVALID_PARAMETER,
                f"Cannot sort by '{text}'. Accepted: {', '.join(self.accepted)}.",
                param="sort",
            )
        return SortOrder(name, kind, wanted.startswith("-"))


@dataclass(frozen=True, slots=True)
class Position:
    """Where the next page starts: after the row with this sort key and id."""

    key: SortValue
    id: str


@dataclass(frozen=True, slots=True)
class ListRequest:
    """A list call as the service receives it: page size, sort, filters, and the page's start."""

    limit: int
    sort: SortOrder
    filters: Mapping[str, object]
    after: Position | None

    @classmethod
    def read(
        cls,
        *,
        limit: int,
        cursor: str | None,
        sort: str | None,
        sorting: Sorting,
        filters: Mapping[str, object],
    ) -> ListRequest:
        """Parses the sort and the cursor against this sort and these filters (400 for a mismatch)."""
        order = sorting.parse(sort)
        return cls(limit, order, filters, read_cursor(cursor, order, filters))


@dataclass(frozen=True, slots=True)
class PageQuery:
    """A list call's paging as the client sent it: the page size, the cursor it was given (None for
    the first page) and the sort it named (None for the list's default), not yet read."""

    limit: int = 50
    cursor: str | None = None
    sort: str | None = None

    def read(self, sorting: Sorting, filters: DataclassInstance) -> ListRequest:
        """The request of one list: the sort read against `sorting`, the cursor against that sort and
        `filters` (the list's filter dataclass); 400 invalid_parameter for a mismatch."""
        return ListRequest.read(
            limit=self.limit,
            cursor=self.cursor,
            sort=self.sort,
            sorting=sorting,
            filters=dataclasses.asdict(filters),
        )


def _fingerprint(filters: Mapping[str, object]) -> str:
    """A short digest of the filters that are set: a cursor is valid only with the same ones."""
    canonical = json.dumps(
        {name: value for name, value in sorted(filters.items()) if value is not None},
        default=str,
        separators=(",", ":"),
    )
    return hashlib.blake2s(canonical.encode(), digest_size=6).hexdigest()


def _encode_key(key: SortValue) -> str | int:
    return key.isoformat() if isinstance(key, datetime) else key


def _decode_key(raw: object, kind: SortKind) -> SortValue | None:
    if kind is SortKind.INTEGER:
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if not isinstance(raw, str):
        return None
    if kind is SortKind.TEXT:
        return raw
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        return None


def invalid_cursor(message: str = "The cursor is invalid.") -> StockyardError:
    return StockyardError(catalog.INVALID_PARAMETER, message, param="cursor")


def make_cursor(order: SortOrder, filters: Mapping[str, object], position: Position) -> str:
    payload = {
        "v": 2,
        "s": order.text,
        "f": _fingerprint(filters),
        "k": _encode_key(position.key),
        "i": position.id,
    }
    text = json.dumps(payload, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def read_cursor(cursor: str | None, order: SortOrder, filters: Mapping[str, object]) -> Position | None:
    """The position `cursor` carries; 400 for a cursor we did not issue, or issued for another sort
    or other filters."""
    if cursor is None:
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise invalid_cursor() from None
    if not isinstance(payload, dict) or payload.get("v") != 2 or not isinstance(payload.get("i"), str):
        raise invalid_cursor()
    if payload.get("s") != order.text or payload.get("f") != _fingerprint(filters):
        raise invalid_cursor(
            "The cursor belongs to a list with another sort or other filters: "
            "repeat the first request's sort and filters with it, or start again without a cursor."
        )
    key = _decode_key(payload.get("k"), order.kind)
    if key is None:
        raise invalid_cursor()
    return Position(key, payload["i"])


def _attribute(field: str) -> str:
    """The record attribute a sort field reads: its name in snake case (`createdAt` → `created_at`)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", field).lower()


def page_of(
    rows: list[T],
    request: ListRequest,
    key: Callable[[T], SortValue] | None = None,
    id_of: Callable[[T], str] | None = None,
) -> Page[T]:
    """`rows` was fetched with `limit + 1` in the request's order; the extra row only tells that a
    next page exists, and the cursor points after the last row kept. The last row's sort key is
    `key(row)`, by default its attribute named for the sort field (`createdAt` → `row.created_at`);
    its id is `id_of(row)`, by default `row.id`."""
    if len(rows) <= request.limit:
        return Page(rows, None)
    kept = rows[: request.limit]
    last = kept[-1]
    key = key or attrgetter(_attribute(request.sort.field))
    id_of = id_of or attrgetter("id")
    return Page(kept, make_cursor(request.sort, request.filters, Position(key(last), id_of(last))))
