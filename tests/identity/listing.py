"""Helpers for the list tests: one page read with its exact shape, a list walked to its end, and the
two 400s every sorted list answers (an unsupported sort, a cursor from another list)."""

from __future__ import annotations

from typing import Any

from tests.support import Tenant, assert_error

LIST_KEYS = {"data", "nextCursor", "hasMore"}
CURSOR_MISMATCH = (
    "The cursor belongs to a list with another sort or other filters: "
    "repeat the first request's sort and filters with it, or start again without a cursor."
)


def page(tenant: Tenant, url: str, **params: Any) -> dict[str, Any]:
    """One page: 200, exactly {data, nextCursor, hasMore}, hasMore set exactly when a cursor is."""
    response = tenant.get(url, params=params)
    assert response.status_code == 200, response.text
    body = dict(response.json())
    assert set(body) == LIST_KEYS, body
    assert body["hasMore"] is (body["nextCursor"] is not None)
    return body


def ids(tenant: Tenant, url: str, **params: Any) -> list[str]:
    """The ids of one page of up to 200 rows (the whole list in these tests: it must have no next page)."""
    body = page(tenant, url, limit=200, **params)
    assert body["hasMore"] is False
    return [row["id"] for row in body["data"]]


def walk(tenant: Tenant, url: str, **params: Any) -> list[str]:
    """Every id of the list, read two at a time to the last page: full pages until the last, no id twice."""
    seen: list[str] = []
    cursor: str | None = None
    while True:
        body = page(tenant, url, limit=2, **params, **({} if cursor is None else {"cursor": cursor}))
        seen += [row["id"] for row in body["data"]]
        cursor = body["nextCursor"]
        if cursor is None:
            break
        assert len(body["data"]) == 2
    assert len(seen) == len(set(seen)), seen
    return seen


def assert_sort_refused(tenant: Tenant, url: str, sort: str, accepted: str) -> None:
    assert_error(
        tenant.get(url, params={"sort": sort}),
        "invalid_parameter",
        message=f"Cannot sort by '{sort}'. Accepted: {accepted}.",
        param="sort",
    )


def assert_cursor_refused(tenant: Tenant, url: str, first: dict[str, Any], then: dict[str, Any]) -> None:
    """A cursor of the list `first` asks for, sent with the parameters `then` (another sort or other
    filters): 400 invalid_parameter, param cursor."""
    cursor = page(tenant, url, limit=1, **first)["nextCursor"]
    assert cursor is not None
    assert_error(
        tenant.get(url, params={**then, "limit": 1, "cursor": cursor}),
        "invalid_parameter",
        message=CURSOR_MISMATCH,
        param="cursor",
    )
