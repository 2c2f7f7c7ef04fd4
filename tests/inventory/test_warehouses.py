"""Warehouses and locations: CRUD, ETags, unique shortIds and codes, archiving, plan limits."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from stockyard.db.database import Connection
from stockyard.db.tables import workspaces
from tests.inventory.helpers import (
    create_location,
    create_warehouse,
    move,
    receive,
    run_in_app,
    short_id,
    unknown_id,
)
from tests.support import Tenant, assert_error


def test_create_read_list_update_a_warehouse(tenant: Tenant) -> None:
    code = short_id()
    response = tenant.post("/api/v1/warehouses", json={"shortId": code, "name": "North", "address": "1 Quay"})
    assert response.status_code == 201, response.text
    warehouse = response.json()
    assert set(warehouse) == {"id", "shortId", "name", "address", "archived", "createdAt", "updatedAt"}
    assert warehouse["id"].startswith("whs_")
    assert (warehouse["shortId"], warehouse["name"], warehouse["address"]) == (code, "North", "1 Quay")
    assert response.headers["etag"] == '"v1"'
    assert response.headers["location"] == f"/api/v1/warehouses/{warehouse['id']}"

    fetched = tenant.get(f"/api/v1/warehouses/{warehouse['id']}")
    assert fetched.status_code == 200 and fetched.json() == warehouse
    listed = tenant.get("/api/v1/warehouses")
    assert [row["id"] for row in listed.json()["data"]] == [warehouse["id"]]

    patched = tenant.patch(f"/api/v1/warehouses/{warehouse['id']}", json={"name": "North 2"})
    assert patched.status_code == 200 and patched.json()["name"] == "North 2"
    assert patched.headers["etag"] == '"v2"'


def test_duplicate_short_id(tenant: Tenant) -> None:
    code = short_id()
    create_warehouse(tenant, shortId=code)
    response = tenant.post("/api/v1/warehouses", json={"shortId": code, "name": "Again"})
    assert_error(
        response,
        "duplicate_short_id",
        message=f"A warehouse with shortId '{code}' already exists.",
        param="shortId",
    )
    other = create_warehouse(tenant)
    renamed = tenant.patch(f"/api/v1/warehouses/{other['id']}", json={"shortId": code})
    assert_error(
        renamed,
        "duplicate_short_id",
        message=f"A warehouse with shortId '{code}' already exists.",
        param="shortId",
    )


def test_short_id_format_is_validated(tenant: Tenant) -> None:
    response = tenant.post("/api/v1/warehouses", json={"shortId": "main", "name": "x"})
    assert_error(
        response,
        "validation_error",
        param="shortId",
        details={"shortId": ["The field shortId must be 1 to 16 characters from A to Z, 0 to 9 and '-'."]},
    )


def test_warehouse_etags(tenant: Tenant) -> None:
    warehouse = create_warehouse(tenant)
    url = f"/api/v1/warehouses/{warehouse['id']}"
    not_modified = tenant.get(url, headers={"If-None-Match": '"v1"'})
    assert not_modified.status_code == 304 and not_modified.headers["etag"] == '"v1"'
    stale = tenant.patch(url, json={"name": "x"}, headers={"If-Match": '"v7"'})
    assert_error(stale, "precondition_failed")
    fresh = tenant.patch(url, json={"name": "x"}, headers={"If-Match": '"v1"'})
    assert fresh.status_code == 200 and fresh.headers["etag"] == '"v2"'


def test_other_workspaces_warehouses_are_not_found(tenant: Tenant, other_tenant: Tenant) -> None:
    theirs = create_warehouse(other_tenant)
    assert_error(tenant.get(f"/api/v1/warehouses/{theirs['id']}"), "not_found")
    assert_error(tenant.get(f"/api/v1/warehouses/{unknown_id('whs')}"), "not_found")
    assert_error(tenant.patch(f"/api/v1/warehouses/{theirs['id']}", json={"name": "x"}), "not_found")
    assert tenant.get("/api/v1/warehouses").json()["data"] == []


def test_location_lifecycle_and_unique_codes(tenant: Tenant) -> None:
    warehouse = create_warehouse(tenant)
    location = create_location(tenant, warehouse["id"], "A-01", name="Aisle A")
    assert set(location) == {
        "id",
        "warehouseId",
        "code",
        "name",
        "archived",
        "lockedBy",
        "createdAt",
        "updatedAt",
    }
    assert location["id"].startswith("loc_") and location["lockedBy"] is None
    again = tenant.post(f"/api/v1/warehouses/{warehouse['id']}/locations", json={"code": "A-01"})
    assert_error(
        again,
        "already_exists",
        message="A location with code 'A-01' already exists in this warehouse.",
        param="code",
    )
    # The same code in another warehouse is fine.
    create_location(tenant, create_warehouse(tenant)["id"], "A-01")

    url = f"/api/v1/locations/{location['id']}"
    assert tenant.get(url, headers={"If-None-Match": '"v1"'}).status_code == 304
    assert_error(tenant.patch(url, json={"name": "B"}, headers={"If-Match": '"v9"'}), "precondition_failed")
    listed = tenant.get(f"/api/v1/warehouses/{warehouse['id']}/locations")
    assert [row["code"] for row in listed.json()["data"]] == ["A-01"]
    assert_error(tenant.get(f"/api/v1/warehouses/{unknown_id('whs')}/locations"), "not_found")


def test_archiving_a_location_that_holds_stock(tenant: Tenant) -> None:
    item = tenant.create_item()
    location = create_location(tenant, create_warehouse(tenant)["id"])
    receive(tenant, item["id"], location["id"], 3)
    url = f"/api/v1/locations/{location['id']}"
    response = tenant.patch(url, json={"archived": True})
    assert_error(
        response,
        "location_not_empty",
        message=f"Location {location['code']} still holds 3 units; move or issue them first.",
    )
    assert move(tenant, "issue", item["id"], location["id"], 3).status_code == 201
    archived = tenant.patch(url, json={"archived": True})
    assert archived.status_code == 200 and archived.json()["archived"] is True
    refused = move(tenant, "receive", item["id"], location["id"], 1)
    assert_error(refused, "invalid_state", message=f"Location {location['code']} is archived.")


def test_archiving_a_warehouse_that_holds_stock(tenant: Tenant) -> None:
    item = tenant.create_item()
    warehouse = create_warehouse(tenant)
    location = create_location(tenant, warehouse["id"], "B-07")
    receive(tenant, item["id"], location["id"], 1)
    response = tenant.patch(f"/api/v1/warehouses/{warehouse['id']}", json={"archived": True})
    assert_error(
        response,
        "location_not_empty",
        message=f"Warehouse {warehouse['shortId']} cannot be archived: location B-07 still holds stock.",
    )


def test_delete_only_what_never_held_stock(tenant: Tenant) -> None:
    item = tenant.create_item()
    warehouse = create_warehouse(tenant)
    used = create_location(tenant, warehouse["id"], "USED")
    receive(tenant, item["id"], used["id"], 2)
    assert_error(
        tenant.delete(f"/api/v1/locations/{used['id']}"),
        "location_not_empty",
        message="Location USED still holds 2 units; move or issue them first.",
    )
    assert move(tenant, "issue", item["id"], used["id"], 2).status_code == 201
    assert_error(
        tenant.delete(f"/api/v1/locations/{used['id']}"),
        "conflict",
        message="Location USED has stock history and cannot be deleted; archive it instead.",
    )
    assert_error(
        tenant.delete(f"/api/v1/warehouses/{warehouse['id']}"),
        "conflict",
        message=f"Warehouse {warehouse['shortId']} has stock history and cannot be deleted; archive it instead.",
    )
    empty = create_warehouse(tenant)
    spare = create_location(tenant, empty["id"])
    assert tenant.delete(f"/api/v1/locations/{spare['id']}").status_code == 204
    assert tenant.delete(f"/api/v1/warehouses/{empty['id']}").status_code == 204
    assert_error(tenant.get(f"/api/v1/warehouses/{empty['id']}"), "not_found")


def test_locations_count_against_the_plan(client: Any, tenant: Tenant) -> None:
    warehouse = create_warehouse(tenant)
    for index in range(20):  # the free plan allows 20 locations
        create_location(tenant, warehouse["id"], f"L-{index}")
    response = tenant.post(f"/api/v1/warehouses/{warehouse['id']}/locations", json={"code": "L-20"})
    assert_error(response, "exceeded_limit", message="Plan limit reached: 20 locations on the free plan.")

    async def upgrade(conn: Connection) -> None:
        await conn.execute(
            update(workspaces).where(workspaces.c.id == tenant.workspace_id).values(plan="team")
        )

    run_in_app(client, upgrade)
    assert (
        tenant.post(f"/api/v1/warehouses/{warehouse['id']}/locations", json={"code": "L-20"}).status_code
        == 201
    )
