"""Sorts and cursors: what a list request may ask for, and that a cursor only continues its own list."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stockyard.core.listing import ListRequest, Position, Sorting, SortKind, make_cursor, read_cursor
from stockyard.errors import StockyardError

ITEMS = Sorting(
    {"sku": SortKind.TEXT, "onHand": SortKind.INTEGER, "createdAt": SortKind.TIME}, default="createdAt"
)


def _refused(error: pytest.ExceptionInfo[StockyardError], param: str, message: str) -> None:
    assert error.value.spec.code == "invalid_parameter"
    assert error.value.param == param
    assert error.value.message == message


def test_a_sort_is_a_field_or_minus_a_field() -> None:
    assert ITEMS.parse(None).text == "createdAt"
    assert ITEMS.parse("-sku").descending
    assert ITEMS.parse("onHand").kind is SortKind.INTEGER
    accepted = "sku, -sku, onHand, -onHand, createdAt, -createdAt"
    for bad in ("name", "--sku", "sku-", "-", "", "+sku"):
        with pytest.raises(StockyardError) as error:
            ITEMS.parse(bad)
        _refused(error, "sort", f"Cannot sort by '{bad}'. Accepted: {accepted}.")


@pytest.mark.parametrize(
    ("sort", "key"),
    [("sku", "BOLT-M6"), ("-onHand", 42), ("createdAt", datetime(2026, 12, 4, 11, 30, tzinfo=UTC))],
)
def test_a_cursor_carries_its_position(sort: str, key: str | int | datetime) -> None:
    order = ITEMS.parse(sort)
    filters = {"tag": "metal", "archived": False, "q": None}
    cursor = make_cursor(order, filters, Position(key, "itm_01"))
    assert read_cursor(cursor, order, {"archived": False, "tag": "metal"}) == Position(key, "itm_01")
    request = ListRequest.read(limit=10, cursor=cursor, sort=sort, sorting=ITEMS, filters=filters)
    assert request.after == Position(key, "itm_01")


def test_a_cursor_does_not_continue_another_sort_or_other_filters() -> None:
    order = ITEMS.parse("sku")
    cursor = make_cursor(order, {"tag": "metal"}, Position("A", "itm_01"))
    message = (
        "The cursor belongs to a list with another sort or other filters: "
        "repeat the first request's sort and filters with it, or start again without a cursor."
    )
    for other_order, filters in (
        (ITEMS.parse("-sku"), {"tag": "metal"}),
        (order, {"tag": "wood"}),
        (order, {}),
    ):
        with pytest.raises(StockyardError) as error:
            read_cursor(cursor, other_order, filters)
        _refused(error, "cursor", message)


@pytest.mark.parametrize("cursor", ["", "x", "!!!", "eyJ2IjoxfQ", "bm90IGpzb24"])
def test_a_cursor_we_did_not_issue_is_refused(cursor: str) -> None:
    with pytest.raises(StockyardError) as error:
        read_cursor(cursor, ITEMS.parse("sku"), {})
    _refused(error, "cursor", "The cursor is invalid.")


def test_a_cursor_whose_key_is_not_of_the_sorts_kind_is_refused() -> None:
    forged = make_cursor(ITEMS.parse("onHand"), {}, Position("ten", "itm_01"))
    with pytest.raises(StockyardError) as error:
        read_cursor(forged, ITEMS.parse("onHand"), {})
    _refused(error, "cursor", "The cursor is invalid.")
