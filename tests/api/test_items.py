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


def test_a_listed_item_is_the_item_as_read_alone(tenant: Tenant) -> None:
    for name in ("b-tag", "A-tag", "Ärger", "c tag"):
        assert tenant.post("/api/v1/tags", json={"name": name}).status_code == 201
    tenant.create_item(sku="LIST-1", name="Écrou ü 🎉", unitCost="9999999999.9999", tags=["c tag", "A-tag"])
    tenant.create_item(
        sku="LIST-2",
        name='quoted "name" \\',
        description="two\nlines",
        barcode="4006381333931",
        reorderPoint=0,
        unitCost=0,
        unit="kg",
        decimals=3,
        tags=["Ärger", "b-tag", "A-tag", "c tag"],
        archived=True,
    )
    tenant.create_item(sku="LIST-3", name="plain")
    listed = tenant.get("/api/v1/items", params={"limit": 2})
    assert listed.status_code == 200 and listed.headers["content-type"] == "application/json"
    body = listed.json()
    assert list(body) == ["data", "nextCursor", "hasMore"] and body["hasMore"] is True
    assert [item["tags"] for item in body["data"]] == [
        ["A-tag", "c tag"],
        ["A-tag", "b-tag", "c tag", "Ärger"],
    ]
    for item in body["data"]:
        alone = tenant.get(f"/api/v1/items/{item['id']}")
        assert list(item.items()) == list(alone.json().items())
    last = tenant.get("/api/v1/items", params={"cursor": body["nextCursor"]}).json()
    assert (last["nextCursor"], last["hasMore"], [item["sku"] for item in last["data"]]) == (
        None,
        False,
        ["LIST-3"],
    )


def test_the_list_body_is_the_one_its_model_renders() -> None:
    from datetime import UTC, datetime, timedelta, timezone
    from decimal import Decimal

    from stockyard.api.schemas.items import ItemList, item_list_json
    from stockyard.core.listing import Page
    from stockyard.inventory.items import ItemRecord

    def record(number: int, unit_cost: Decimal | None, when: datetime, tags: list[str]) -> ItemRecord:
        return ItemRecord(
            id=f"itm_{number:026d}",
            sku=f"SKU-{number}",
            name='Écrou ü 🎉 "q" \\ </script>' if number % 2 else "plain",
            description=None if number % 2 else "two\nlines\u2028",
            unit="each",
            barcode=None if number % 3 else "4006381333931",
            reorder_point=None if number % 2 else number,
            unit_cost=unit_cost,
            cost_method="fifo" if number % 2 else "average",
            tracking="lot" if number % 2 else "none",
            decimals=number % 4,
            archived=bool(number % 2),
            tags=tags,
            version=number + 1,
            created_at=when,
            updated_at=when + timedelta(microseconds=number),
        )

    moments = [
        datetime(2026, 12, 4, 20, 48, 47, 27824, tzinfo=UTC),
        datetime(2026, 1, 1, tzinfo=UTC),
        datetime(2026, 6, 1, 12, 0, 0, 1, tzinfo=timezone(timedelta(0))),
    ]
    costs = [None, Decimal("12.5"), Decimal("0"), Decimal("9999999999.9999"), Decimal("0.0001"), Decimal(3)]
    records = [
        record(
            number, costs[number % len(costs)], moments[number % len(moments)], ["a", "B", "ü"][: number % 4]
        )
        for number in range(12)
    ]
    for page in (Page(records, "next-page"), Page(records[:1], None), Page([], None)):
        assert item_list_json(page) == ItemList.of(page).model_dump_json(by_alias=True).encode()
