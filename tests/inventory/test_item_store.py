"""The item store's bulk writes: the row rules of POST and PATCH /items, and duplicate SKUs as 409s."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient

from stockyard.core.actor import SystemContext
from stockyard.db.database import Connection
from stockyard.errors import StockyardError
from stockyard.inventory.items import ItemRecord, ItemStore
from tests.reports.seed import count_items, with_db
from tests.support import Tenant, create_tenant


@pytest.fixture
def shop(client: TestClient) -> Tenant:
    tenant = create_tenant(client)
    for name in ("Fragile", "Heavy"):
        assert tenant.post("/api/v1/tags", json={"name": name}).status_code == 201
    return tenant


def insert(url: str, workspace_id: str, creates: list[dict[str, Any]]) -> list[ItemRecord]:
    async def work(conn: Connection) -> list[ItemRecord]:
        store = ItemStore(conn, workspace_id)
        names = [name for fields in creates for name in fields.get("tags") or ()]
        item_ids = await store.insert_many(SystemContext(workspace_id), creates, await store.tag_ids(names))
        return [item for item_id in item_ids if (item := await store.get(item_id)) is not None]

    return with_db(url, work)


def test_insert_many_applies_the_rules_of_a_create(shop: Tenant, database_url: str) -> None:
    first, second = insert(
        database_url,
        shop.workspace_id,
        [
            {"sku": "Bulk-1", "name": "One", "unit_cost": Decimal("1.2345"), "tags": ["fragile", "Heavy"]},
            {"sku": "Bulk-2", "name": "Two", "unit": None, "description": "d", "reorder_point": 3},
        ],
    )
    assert (first.sku, first.unit, first.unit_cost, first.archived, first.version) == (
        "Bulk-1",
        "each",
        Decimal("1.2345"),
        False,
        1,
    )
    assert first.tags == ["Fragile", "Heavy"]
    assert (second.unit, second.unit_cost, second.description, second.reorder_point, second.tags) == (
        "each",
        None,
        "d",
        3,
        [],
    )
    assert first.created_at == first.updated_at == second.created_at
    # The same SKU in another case is the same SKU: POST /items refuses it.
    response = shop.post("/api/v1/items", json={"sku": "BULK-1", "name": "Again"})
    assert response.status_code == 409 and response.json()["code"] == "duplicate_sku"


@pytest.mark.parametrize(
    ("skus", "message"),
    [
        (["DUP-1", "dup-1"], "An item with SKU 'dup-1' already exists."),  # within the batch
        (["OLD-1"], "An item with SKU 'OLD-1' already exists."),  # an existing item
        (["NEW-1", "old-1"], "An item with this SKU already exists."),  # existing, in a batch
    ],
)
def test_a_duplicate_sku_is_a_409_and_writes_nothing(
    shop: Tenant, database_url: str, skus: list[str], message: str
) -> None:
    shop.create_item(sku="OLD-1")
    with pytest.raises(StockyardError) as raised:
        insert(database_url, shop.workspace_id, [{"sku": sku, "name": sku} for sku in skus])
    assert (raised.value.spec.code, raised.value.message, raised.value.param) == (
        "duplicate_sku",
        message,
        "sku",
    )
    assert count_items(database_url, shop.workspace_id) == 1


def test_an_unknown_tag_is_a_422(shop: Tenant, database_url: str) -> None:
    with pytest.raises(StockyardError) as raised:
        insert(database_url, shop.workspace_id, [{"sku": "T-1", "name": "t", "tags": ["Heavy", "Nope"]}])
    assert (raised.value.spec.code, raised.value.message) == (
        "unprocessable_entity",
        "Unknown tag: Nope. Create it first.",
    )


def test_update_many_applies_the_rules_of_an_update(shop: Tenant, database_url: str) -> None:
    one = shop.create_item(sku="UPD-1", name="One", unitCost="2", tags=["Heavy"])
    two = shop.create_item(sku="UPD-2", name="Two", tags=["Heavy"])

    async def work(conn: Connection) -> list[ItemRecord]:
        store = ItemStore(conn, shop.workspace_id)
        await store.update_many(
            SystemContext(shop.workspace_id),
            [
                (
                    one["id"],
                    {"sku": "upd-1b", "unit": None, "unit_cost": Decimal("0.5"), "tags": ["Fragile"]},
                ),
                (two["id"], {"name": "Renamed", "tags": None}),
            ],
            await store.tag_ids(["Fragile"]),
        )
        return [item for item_id in (one["id"], two["id"]) if (item := await store.get(item_id)) is not None]

    first, second = with_db(database_url, work)
    assert (first.sku, first.unit, first.unit_cost, first.tags, first.version) == (
        "upd-1b",
        "each",
        Decimal("0.5"),
        ["Fragile"],
        2,
    )
    assert (second.name, second.tags, second.version) == ("Renamed", [], 2)
    assert shop.post("/api/v1/items", json={"sku": "UPD-1B", "name": "x"}).status_code == 409


def test_update_many_to_a_taken_sku_is_a_409(shop: Tenant, database_url: str) -> None:
    shop.create_item(sku="HAS-1")
    other = shop.create_item(sku="HAS-2")

    async def work(conn: Connection) -> None:
        await ItemStore(conn, shop.workspace_id).update_many(
            SystemContext(shop.workspace_id), [(other["id"], {"sku": "has-1"})]
        )

    with pytest.raises(StockyardError) as raised:
        with_db(database_url, work)
    assert (raised.value.spec.code, raised.value.message) == (
        "duplicate_sku",
        "An item with SKU 'has-1' already exists.",
    )
