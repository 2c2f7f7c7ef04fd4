"""An update body hands the service a typed change set (`…Update.changes()`): its keys are exactly
the body's fields, so the cast in `changes()` cannot name a field the service does not know."""

from __future__ import annotations

from typing import Any

import pytest

from stockyard.api.schemas.base import RequestModel
from stockyard.api.schemas.items import ItemCreate, ItemUpdate
from stockyard.api.schemas.roles import RoleUpdate
from stockyard.api.schemas.warehouses import LocationUpdate, WarehouseUpdate
from stockyard.api.schemas.workspace import WorkspaceUpdate
from stockyard.identity.roles import RoleChanges
from stockyard.identity.workspace_settings import WorkspaceChanges
from stockyard.inventory.items import ItemChanges
from stockyard.inventory.locations import LocationChanges
from stockyard.inventory.warehouses import WarehouseChanges

PAIRS: list[tuple[type[RequestModel], Any]] = [
    (ItemCreate, ItemChanges),
    (ItemUpdate, ItemChanges),
    (WarehouseUpdate, WarehouseChanges),
    (LocationUpdate, LocationChanges),
    (RoleUpdate, RoleChanges),
    (WorkspaceUpdate, WorkspaceChanges),
]


@pytest.mark.parametrize(("body", "changes"), PAIRS, ids=[body.__name__ for body, _ in PAIRS])
def test_a_change_set_has_exactly_the_bodys_fields(body: type[RequestModel], changes: Any) -> None:
    assert set(changes.__annotations__) == set(body.model_fields)
    assert changes.__required_keys__ == frozenset()  # only what the client sent is present


def test_changes_carry_only_what_was_sent() -> None:
    sent = WarehouseUpdate.model_validate({"name": "North"}).changes()
    assert sent == {"name": "North"}
