"""The event catalogue: every type declared with its data and an example, docs/events.md generated
from it, and `emit` refusing data that is not the declared shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from stockyard.core.actor import SystemContext
from stockyard.db.database import Connection
from stockyard.events.catalog import CATALOG, data_keys, generate
from stockyard.events.model import EventType
from stockyard.events.outbox import emit

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "events.md"


def test_every_type_is_declared_with_an_example_of_its_shape() -> None:
    assert set(CATALOG) == set(EventType)
    for type, (meaning, _, example) in CATALOG.items():
        assert meaning.endswith(".")
        assert example.keys() == data_keys(type), type


def test_the_reference_is_generated_from_the_catalogue() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == generate(), (
        "docs/events.md is stale: run `stockyard docs events` and commit the result"
    )
    for type in EventType:
        assert f"### `{type.value}`" in generate()


class _Connection(Connection):
    dialect = "sqlite"

    async def execute(self, statement: object, parameters: object = None) -> object:  # type: ignore[override]
        raise AssertionError("nothing may be written")


async def test_emit_refuses_data_of_another_shape() -> None:
    with pytest.raises(
        ValueError, match=r"item.created data must have exactly \['itemId', 'name', 'sku', 'version'\]"
    ):
        await emit(_Connection(), SystemContext("wsp_x"), EventType.ITEM_CREATED, {"itemId": "itm_x"})
