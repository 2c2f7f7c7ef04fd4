"""Who a bulk job's writes name: the member or key that submitted it and the submitting request, in
the audit trail and in the ledger, exactly as a single request's writes do."""

from __future__ import annotations

from typing import Any

from tests.identity.access import member_id
from tests.jobs.test_items_bulk import CSV, team, wait_for  # noqa: F401 - `team` is a fixture
from tests.jobs.test_movements_bulk import stocked  # noqa: F401 - a fixture
from tests.reports.seed import Ledger
from tests.support import Tenant


def events(tenant: Tenant, action: str) -> list[dict[str, Any]]:
    response = tenant.get("/api/v1/audit-events", params={"action": action, "limit": 200})
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


def test_an_item_import_names_its_submitter_and_request(team: Tenant) -> None:  # noqa: F811
    actor = {"type": "member", "id": member_id(team)}
    response = team.post("/api/v1/items/bulk", content=b"sku,name\nACT-1,One\nACT-2,Two\n", headers=CSV)
    assert response.status_code == 202, response.text
    job = wait_for(team, response.json()["id"])
    assert job["status"] == "succeeded"
    request_id = response.headers["x-request-id"]

    (submitted,) = events(team, "job.created")
    assert submitted["actor"] == actor and submitted["requestId"] == request_id
    assert (submitted["resourceType"], submitted["resourceId"]) == ("job", job["id"])
    assert submitted["data"] == {"kind": "items.import", "mode": "create", "dryRun": False, "rows": 2}

    items = {item["sku"]: item for item in team.get("/api/v1/items").json()["data"]}
    (created,) = events(team, "items.created")
    assert created["actor"] == actor and created["requestId"] == request_id
    assert (created["resourceType"], created["resourceId"]) == ("job", job["id"])
    assert created["data"] == {
        "count": 2,
        "itemIds": [items["ACT-1"]["id"], items["ACT-2"]["id"]],
        "skus": ["ACT-1", "ACT-2"],
    }

    upsert = team.post(
        "/api/v1/items/bulk", content=b"sku,name\nact-1,Renamed\n", headers=CSV, params={"mode": "upsert"}
    )
    assert wait_for(team, upsert.json()["id"])["status"] == "succeeded"
    (updated,) = events(team, "items.updated")
    assert updated["actor"] == actor and updated["requestId"] == upsert.headers["x-request-id"]
    assert updated["data"] == {"count": 1, "itemIds": [items["ACT-1"]["id"]], "skus": ["act-1"]}
    item = team.get(f"/api/v1/items/{items['ACT-1']['id']}")
    assert (item.json()["sku"], item.json()["name"], item.headers["etag"]) == ("act-1", "Renamed", '"v2"')


def test_a_movement_import_names_its_submitter_in_the_ledger_and_the_trail(
    stocked: tuple[Tenant, Ledger],  # noqa: F811
) -> None:
    tenant, ledger = stocked
    rows = [
        {"type": "receive", "itemId": ledger.a, "locationId": ledger.l1, "units": 5},
        {"type": "issue", "itemId": ledger.a, "locationId": ledger.l1, "units": 2},
    ]
    response = tenant.post("/api/v1/movements/bulk", json=rows)
    assert response.status_code == 202, response.text
    job = wait_for(tenant, response.json()["id"])
    assert job["status"] == "succeeded"
    request_id = response.headers["x-request-id"]
    member = member_id(tenant)

    trail = [event for event in events(tenant, "movement.created") if event["data"].get("jobId") == job["id"]]
    assert [event["data"] for event in reversed(trail)] == [
        {"type": "receive", "units": 5, "jobId": job["id"]},
        {"type": "issue", "units": -2, "jobId": job["id"]},
    ]
    for event in trail:
        assert event["actor"] == {"type": "member", "id": member}
        assert event["requestId"] == request_id and event["resourceType"] == "movement"
        movement = tenant.get(f"/api/v1/movements/{event['resourceId']}").json()
        assert (movement["actorType"], movement["actorId"], movement["requestId"]) == (
            "member",
            member,
            request_id,
        )
