"""Bulk item import over HTTP: 202 jobs, per-row errors on the right CSV lines, dry runs, limits."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from stockyard.core.plans import PLANS, Limit, Plan
from tests.reports.seed import count_items, set_plan
from tests.support import ENVELOPE_KEYS, Tenant, assert_error, create_tenant

BULK = "/api/v1/items/bulk"
CSV = {"Content-Type": "text/csv"}

MIXED_CSV = (
    "sku,name,unit,unitCost,reorderPoint,tags\n"  # line 1
    "BLK-1,Bolt,each,0.25,10,\n"  # 2: good
    "BLK-2,,each,,,\n"  # 3: name missing
    'BLK-3,"Nut, hex",box,1.5,abc,\n'  # 4: reorderPoint not an integer
    "blk-1,Bolt again,,,,\n"  # 5: repeats line 2 (SKUs are case-insensitive)
    "EXIST-1,Existing,,,,\n"  # 6: exists already
    '"BLK-4","Multi\nline name",each,,,\n'  # 7-8: good, spans two lines
    "BLK-5,Washer,each,2.12345,,\n"  # 9: too many decimal places
    "BLK-6,Spring,each,,,no-such-tag\n"  # 10: unknown tag
    "BLK-7,Clip,each,,,\n"  # 11: good
)


@pytest.fixture
def team(client: TestClient, database_url: str) -> Tenant:
    tenant = create_tenant(client)
    set_plan(database_url, tenant.workspace_id, "team")
    return tenant


def wait_for(tenant: Tenant, job_id: str) -> dict[str, Any]:
    for _ in range(1_000):
        job = tenant.get(f"/api/v1/jobs/{job_id}")
        assert job.status_code == 200, job.text
        body = dict(job.json())
        if body["status"] in ("succeeded", "partially_failed", "failed"):
            return body
        time.sleep(0.01)
    raise AssertionError(f"job {job_id} did not finish: {body}")


def submit(tenant: Tenant, body: str | list[Any], **params: Any) -> dict[str, Any]:
    if isinstance(body, str):
        response = tenant.post(BULK, content=body.encode(), headers=CSV, params=params)
    else:
        response = tenant.post(BULK, json=body, params=params)
    assert response.status_code == 202, response.text
    job = dict(response.json())
    assert response.headers["location"] == f"/api/v1/jobs/{job['id']}"
    return job


def single_route_error(tenant: Tenant, body: dict[str, Any]) -> dict[str, Any]:
    """What POST /items answers for the same row, minus its requestId."""
    response = tenant.post("/api/v1/items", json=body)
    assert response.status_code in (400, 409, 422), response.text
    error = dict(response.json())
    del error["requestId"]
    return error


def test_free_plan_has_no_bulk_import(tenant: Tenant) -> None:
    response = tenant.post(BULK, content=MIXED_CSV.encode(), headers=CSV)
    assert_error(
        response, "missing_capability", message="The free plan does not include the bulk_import capability."
    )


def test_csv_with_good_bad_and_duplicate_rows(team: Tenant, database_url: str) -> None:
    team.create_item(sku="EXIST-1", name="Already here")
    accepted = submit(team, MIXED_CSV)
    assert accepted["status"] in ("queued", "running", "partially_failed")
    assert (accepted["kind"], accepted["mode"], accepted["dryRun"], accepted["total"]) == (
        "items.import",
        "create",
        False,
        9,
    )
    job = wait_for(team, accepted["id"])
    assert job["status"] == "partially_failed"
    assert (job["processed"], job["succeeded"], job["failed"], job["progress"]) == (9, 3, 6, 1.0)
    assert job["startedAt"] is not None and job["finishedAt"] is not None
    errors = job["errors"]
    assert [(e["index"], e["line"], e["error"]["code"]) for e in errors] == [
        (1, 3, "validation_error"),
        (2, 4, "validation_error"),
        (3, 5, "duplicate_sku"),
        (4, 6, "duplicate_sku"),
        (6, 9, "validation_error"),
        (7, 10, "unprocessable_entity"),
    ]
    by_line = {e["line"]: e["error"] for e in errors}
    for error in errors:
        assert set(error) == {"index", "line", "error"}
        assert (
            ENVELOPE_KEYS - {"requestId"}
            <= set(error["error"])
            <= (ENVELOPE_KEYS - {"requestId"})
            | {
                "details",
                "param",
            }
        )
    assert by_line[3]["details"] == {"name": ["The name field is required."]}
    assert by_line[4]["details"] == {"reorderPoint": ["The field reorderPoint must be an integer."]}
    assert by_line[9]["details"] == {"unitCost": ["The field unitCost must have at most 4 decimal places."]}
    # The same row sent to POST /items gets the same error: one schema for both.
    assert by_line[3] == single_route_error(team, {"sku": "BLK-2", "unit": "each"})
    assert by_line[4] == single_route_error(
        team, {"sku": "BLK-3", "name": "Nut, hex", "unit": "box", "unitCost": "1.5", "reorderPoint": "abc"}
    )
    assert by_line[9] == single_route_error(team, {"sku": "BLK-5", "name": "Washer", "unitCost": "2.12345"})
    assert by_line[6] == single_route_error(team, {"sku": "EXIST-1", "name": "Existing"})
    assert by_line[5] == {
        "statusCode": 409,
        "error": "conflict",
        "code": "duplicate_sku",
        "message": "SKU 'blk-1' is repeated in this job (first on line 2).",
        "param": "sku",
    }
    assert by_line[10] == {
        "statusCode": 422,
        "error": "unprocessable_entity",
        "code": "unprocessable_entity",
        "message": "Unknown tag: no-such-tag. Create it first.",
        "param": "tags",
    }
    # The good rows are in, with their fields.
    listed = team.get("/api/v1/items", params={"q": "BLK-"}).json()["data"]
    assert sorted((i["sku"], i["name"], i["unit"], i["unitCost"], i["reorderPoint"]) for i in listed) == [
        ("BLK-1", "Bolt", "each", "0.25", 10),
        ("BLK-4", "Multi\nline name", "each", None, None),
        ("BLK-7", "Clip", "each", None, None),
    ]
    assert count_items(database_url, team.workspace_id) == 4


def test_dry_run_writes_nothing_and_reports_the_same_errors(client: TestClient, database_url: str) -> None:
    real, dry = create_tenant(client), create_tenant(client)
    for tenant in (real, dry):
        set_plan(database_url, tenant.workspace_id, "team")
        tenant.create_item(sku="EXIST-1", name="Already here")
    dry_job = wait_for(dry, submit(dry, MIXED_CSV, dryRun="true")["id"])
    real_job = wait_for(real, submit(real, MIXED_CSV)["id"])
    assert dry_job["dryRun"] is True
    assert count_items(database_url, dry.workspace_id) == 1
    assert count_items(database_url, real.workspace_id) == 4
    assert dry_job["errors"] == real_job["errors"]
    assert (dry_job["status"], dry_job["succeeded"], dry_job["failed"]) == (
        real_job["status"],
        real_job["succeeded"],
        real_job["failed"],
    )


def test_json_rows_and_upsert_by_sku(team: Tenant) -> None:
    team.create_item(sku="UP-1", name="Old name", unitCost="1.00", reorderPoint=4)
    rows: list[Any] = [
        {"sku": "up-1", "name": "New name"},
        {"sku": "UP-2", "name": "Fresh", "unitCost": "3.10"},
        "not an object",
        {"sku": "UP-3", "name": "Extra", "colour": "red"},
    ]
    job = wait_for(team, submit(team, rows, mode="upsert")["id"])
    assert (job["mode"], job["status"], job["succeeded"], job["failed"]) == (
        "upsert",
        "partially_failed",
        2,
        2,
    )
    assert [(e["index"], e["line"]) for e in job["errors"]] == [(2, None), (3, None)]
    assert job["errors"][0]["error"]["details"] == {"body": ["Each row must be a JSON object."]}
    assert job["errors"][1]["error"]["details"] == {"colour": ["The field colour is not allowed."]}
    items = {i["sku"]: i for i in team.get("/api/v1/items", params={"q": "up-"}).json()["data"]}
    assert set(items) == {"up-1", "UP-2"}
    # Upsert changes only the fields the row sent.
    assert (items["up-1"]["name"], items["up-1"]["unitCost"], items["up-1"]["reorderPoint"]) == (
        "New name",
        "1.00",
        4,
    )
    assert items["UP-2"]["unitCost"] == "3.10"
    # Create mode refuses the same existing SKU.
    again = wait_for(team, submit(team, [{"sku": "UP-1", "name": "x"}])["id"])
    assert again["status"] == "failed"
    assert again["errors"][0]["error"]["code"] == "duplicate_sku"


def test_plan_item_limit_is_enforced_per_row(team: Tenant, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(PLANS[Plan.TEAM].limits, Limit.ITEMS, 3)
    team.create_item(sku="LIM-0", name="First")
    rows = [{"sku": f"LIM-{n}", "name": "Row"} for n in range(1, 5)]
    job = wait_for(team, submit(team, rows)["id"])
    assert (job["status"], job["succeeded"], job["failed"]) == ("partially_failed", 2, 2)
    assert [e["index"] for e in job["errors"]] == [2, 3]
    assert job["errors"][0]["error"] == {
        "statusCode": 403,
        "error": "forbidden",
        "code": "exceeded_limit",
        "message": "Plan limit reached: 3 items on the team plan.",
    }


def test_bad_submissions(team: Tenant) -> None:
    assert_error(
        team.post(BULK, content=b"sku,name\n", headers=CSV),
        "validation_error",
        details={"body": ["The request must contain at least one row."]},
    )
    assert_error(
        team.post(BULK, json={"sku": "A"}),
        "validation_error",
        details={"body": ["The request body must be a JSON array of rows."]},
    )
    assert_error(
        team.post(BULK, content=b"", headers={"Content-Type": "application/json"}),
        "validation_error",
        details={"body": ["The request body is required."]},
    )
    assert_error(
        team.post(BULK, content=b"sku,name\n\xff\xfe,x\n", headers=CSV),
        "bad_request",
        message="The CSV file must be UTF-8 encoded.",
    )
    assert_error(
        team.post(BULK, json=[{"sku": "A", "name": "a"}], params={"mode": "merge"}),
        "invalid_parameter",
        message="The parameter mode must be one of: 'create' or 'upsert'.",
        param="mode",
    )


def test_row_limit_is_100k(team: Tenant, database_url: str) -> None:
    body = "sku,name\n" + "".join(f"R{n},Row\n" for n in range(100_001))
    assert_error(
        team.post(BULK, content=body.encode(), headers=CSV),
        "payload_too_large",
        message="A bulk job accepts at most 100,000 rows; split the file into several jobs.",
    )
    assert count_items(database_url, team.workspace_id) == 0


def test_jobs_are_listed_and_private_to_their_workspace(team: Tenant, other_tenant: Tenant) -> None:
    first = submit(team, [{"sku": "L-1", "name": "One"}])
    second = submit(team, [{"sku": "L-2", "name": "Two"}], dryRun="true")
    wait_for(team, first["id"])
    wait_for(team, second["id"])
    page = team.get("/api/v1/jobs", params={"limit": 1})
    assert page.status_code == 200, page.text
    body = page.json()
    assert [job["id"] for job in body["data"]] == [first["id"]]
    assert "errors" not in body["data"][0]
    rest = team.get("/api/v1/jobs", params={"cursor": body["nextCursor"]}).json()
    assert [job["id"] for job in rest["data"]] == [second["id"]]
    assert rest["nextCursor"] is None
    assert_error(other_tenant.get(f"/api/v1/jobs/{first['id']}"), "not_found")
    assert other_tenant.get("/api/v1/jobs").json()["data"] == []


def test_an_import_of_several_batches(team: Tenant, database_url: str) -> None:
    """2,500 rows: five batches, and on PostgreSQL the ANALYZE the import runs after 2,000 items."""
    body = "sku,name,unitCost\n" + "".join(f"MANY-{n:05d},Item {n},{n}.5\n" for n in range(2_500))
    job = wait_for(team, submit(team, body)["id"])
    assert (job["status"], job["processed"], job["succeeded"], job["failed"]) == (
        "succeeded",
        2_500,
        2_500,
        0,
    )
    assert count_items(database_url, team.workspace_id, "MANY-") == 2_500
