"""Request bodies that name each item once (transfer lines, stocktake counts)."""

from __future__ import annotations

from collections.abc import Iterable


def first_repeated_item(item_ids: Iterable[str]) -> tuple[int, int] | None:
    """(index, index of its first entry) of the first item named twice; None when all differ."""
    seen: dict[str, int] = {}
    for index, item_id in enumerate(item_ids):
        if item_id in seen:
            return index, seen[item_id]
        seen[item_id] = index
    return None
