"""The items resource: create, read, list, update, delete, ETags, tenancy."""

from __future__ import annotations

from tests.support import Tenant, assert_error


def test_create_and_read_an_item(tenant: Tenant) -> None:
    response = tenant.post(
        "/api/v1/items",
        json={
            "sku": "BOLT-M6",
            "name": "Hex bolt",
            "description": "Zinc plated",
            "barcode": "4006381333931",
            "reorderPoint": 50,
            "unitCost": "0.125",
        },
    )
    assert response.status_code == 201
    item = response.json()
    assert set(item) == {
        "id",
        "sku",
        "name",
        "description",
        "unit",
        "barcode",
        "reorderPoint",
        "unitCost",
        "costMethod",
        "tracking",
        "decimals",
        "tags",
        "archived",
        "createdAt",
        "updatedAt",
    }
    assert item["id"].startswith("itm_")
    assert item["costMethod"] == "average"
    assert (item["tracking"], item["decimals"]) == ("none", 0)
    assert (item["sku"], item["unit"], item["unitCost"], item["reorderPoint"]) == (
        "BOLT-M6",
        "each",
        "0.125",
        50,
    )
    assert item["archived"] is False and item["tags"] == []
    assert response.headers["location"] == f"/api/v1/items/{item['id']}"
    assert response.headers["etag"] == '"v1"'
    fetched = tenant.get(f"/api/v1/items/{item['id']}")
    assert fetched.status_code == 200 and fetched.json() == item


def test_unit_cost_accepts_numbers_and_keeps_exact_decimals(tenant: Tenant) -> None:
    assert tenant.create_item(unitCost=12)["unitCost"] == "12.00"
    assert tenant.create_item(unitCost="0.0001")["unitCost"] == "0.0001"
    response = tenant.post("/api/v1/items", json={"sku": "C-1", "name": "x", "unitCost": "1.23456"})
    assert_error(
        response,
        "validation_error",
        param="unitCost",
        details={"unitCost": ["The field unitCost must have at most 4 decimal places."]},
    )


def test_update_changes_only_sent_fields(tenant: Tenant) -> None:
    item = tenant.create_item(description="keep me", reorderPoint=5)
    response = tenant.patch(f"/api/v1/items/{item['id']}", json={"name": "Renamed", "reorderPoint": None})
    assert response.status_code == 200
    updated = response.json()
    assert updated["name"] == "Renamed"
    assert updated["description"] == "keep me"
    assert updated["reorderPoint"] is None
    assert response.headers["etag"] == '"v2"'


def test_if_match_guards_updates_and_if_none_match_saves_a_download(tenant: Tenant) -> None:
    item = tenant.create_item()
    url = f"/api/v1/items/{item['id']}"
    assert tenant.get(url, headers={"If-None-Match": '"v1"'}).status_code == 304
    assert tenant.patch(url, json={"name": "A"}, headers={"If-Match": '"v1"'}).status_code == 200
    stale = tenant.patch(url, json={"name": "B"}, headers={"If-Match": '"v1"'})
    assert_error(stale, "precondition_failed")
    assert tenant.get(url).json()["name"] == "A"
    assert_error(tenant.delete(url, headers={"If-Match": '"v1"'}), "precondition_failed")
    assert tenant.get(url, headers={"If-None-Match": '"v1"'}).status_code == 200


def test_delete_then_not_found_and_sku_is_free_again(tenant: Tenant) -> None:
    item = tenant.create_item(sku="GONE-1")
    assert tenant.delete(f"/api/v1/items/{item['id']}").status_code == 204
    assert_error(tenant.get(f"/api/v1/items/{item['id']}"), "not_found")
    assert_error(tenant.delete(f"/api/v1/items/{item['id']}"), "not_found")
    assert tenant.create_item(sku="gone-1")["sku"] == "gone-1"


def test_list_pages_with_an_opaque_cursor(tenant: Tenant) -> None:
    created = [tenant.create_item(sku=f"PAGE-{n:02d}")["id"] for n in range(7)]
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        body = tenant.get("/api/v1/items", params=params).json()
        assert set(body) == {"data", "nextCursor", "hasMore"}
        seen += [item["id"] for item in body["data"]]
        pages += 1
        cursor = body["nextCursor"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == created


def test_list_filters_by_text_and_archived(tenant: Tenant) -> None:
    tenant.create_item(sku="FILTER-BOLT", name="Bolt")
    tenant.create_item(sku="FILTER-NUT", name="Hex nut", archived=True)
    tenant.create_item(sku="OTHER", name="Percent 100% _x_")

    def skus(**params: object) -> list[str]:
        return [item["sku"] for item in tenant.get("/api/v1/items", params=params).json()["data"]]

    assert skus(q="filter") == ["FILTER-BOLT", "FILTER-NUT"]
    assert skus(q="HEX") == ["FILTER-NUT"]
    assert skus(q="100%") == ["OTHER"]
    assert skus(q="_") == ["OTHER"]
    assert skus(archived="true") == ["FILTER-NUT"]
    assert skus(q="filter", archived="false") == ["FILTER-BOLT"]


def test_me_describes_the_signed_in_owner(tenant: Tenant) -> None:
    me = tenant.get("/api/v1/me").json()
    assert me["principalType"] == "member"
    assert me["user"]["email"] == tenant.email
    assert me["workspace"]["slug"] == tenant.slug
    assert me["workspace"]["plan"] == "free"
    assert me["role"] == "owner"
    assert "inventory.write" in me["permissions"]
    assert me["readOnly"] is False and me["warehouseIds"] is None
