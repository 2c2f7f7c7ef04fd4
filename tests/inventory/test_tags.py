"""Tags: CRUD, unique names, plan limit, and items filtered by tag."""

from __future__ import annotations

from typing import Any

from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.db.database import Connection
from stockyard.db.tables import tags
from tests.inventory.helpers import run_in_app, unknown_id
from tests.support import Tenant, assert_error


def test_tag_lifecycle_and_items_by_tag(tenant: Tenant) -> None:
    created = tenant.post("/api/v1/tags", json={"name": "Fragile"})
    assert created.status_code == 201, created.text
    tag = created.json()
    assert set(tag) == {"id", "name", "itemCount", "createdAt"}
    assert tag["id"].startswith("tag_") and tag["itemCount"] == 0
    glass = tenant.create_item(tags=["fragile"])
    tenant.create_item()
    assert glass["tags"] == ["Fragile"]
    by_tag = tenant.get("/api/v1/items", params={"tag": "FRAGILE"}).json()["data"]
    assert [row["id"] for row in by_tag] == [glass["id"]]
    assert tenant.get(f"/api/v1/tags/{tag['id']}").json()["itemCount"] == 1

    renamed = tenant.patch(f"/api/v1/tags/{tag['id']}", json={"name": "Breakable"})
    assert renamed.status_code == 200 and renamed.json()["name"] == "Breakable"
    assert tenant.get(f"/api/v1/items/{glass['id']}").json()["tags"] == ["Breakable"]
    assert [row["name"] for row in tenant.get("/api/v1/tags").json()["data"]] == ["Breakable"]

    assert tenant.delete(f"/api/v1/tags/{tag['id']}").status_code == 204
    assert tenant.get(f"/api/v1/items/{glass['id']}").json()["tags"] == []
    assert_error(tenant.get(f"/api/v1/tags/{tag['id']}"), "not_found")
    assert_error(tenant.delete(f"/api/v1/tags/{unknown_id('tag')}"), "not_found")


def test_tag_names_are_unique_case_insensitively(tenant: Tenant, other_tenant: Tenant) -> None:
    tenant.post("/api/v1/tags", json={"name": "Cold"})
    assert_error(
        tenant.post("/api/v1/tags", json={"name": "COLD"}),
        "already_exists",
        message="A tag named 'COLD' already exists.",
        param="name",
    )
    other = tenant.post("/api/v1/tags", json={"name": "Hot"}).json()
    assert_error(
        tenant.patch(f"/api/v1/tags/{other['id']}", json={"name": "cold"}),
        "already_exists",
        message="A tag named 'cold' already exists.",
        param="name",
    )
    assert other_tenant.post("/api/v1/tags", json={"name": "Cold"}).status_code == 201
    assert_error(other_tenant.get(f"/api/v1/tags/{other['id']}"), "not_found")


def test_tags_count_against_the_plan(client: Any, tenant: Tenant) -> None:
    async def nineteen(conn: Connection) -> None:  # the free plan allows 20
        await conn.execute(
            tags.insert(),
            [
                {
                    "id": new_id("tag"),
                    "workspace_id": tenant.workspace_id,
                    "name": f"t{index}",
                    "name_key": f"t{index}",
                    "created_at": utcnow(),
                }
                for index in range(19)
            ],
        )

    run_in_app(client, nineteen)
    assert tenant.post("/api/v1/tags", json={"name": "twentieth"}).status_code == 201
    assert_error(
        tenant.post("/api/v1/tags", json={"name": "one-too-many"}),
        "exceeded_limit",
        message="Plan limit reached: 20 tags on the free plan.",
    )
