"""GET /api/v1/jobs sorted, filtered and paged: createdAt both ways, kind, status, since/until, a walk
to the end two at a time, the 400s for an unsupported sort or another list's cursor, and no other
workspace's jobs."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from tests.identity.listing import assert_cursor_refused, assert_sort_refused, ids, page, walk
from tests.jobs.test_items_bulk import submit, wait_for
from tests.reports.seed import set_plan
from tests.support import Tenant, create_tenant

URL = "/api/v1/jobs"


def test_jobs_sort_by_creation_and_filter_on_kind_status_and_time(
    client: TestClient, database_url: str, other_tenant: Tenant
) -> None:
    team = create_tenant(client)
    set_plan(database_url, team.workspace_id, "team")
    rows = [
        [{"sku": "LQ-1", "name": "One"}],  # succeeded
        [{"sku": "LQ-2", "name": "Two"}, {"sku": "LQ-3"}],  # partially_failed: a name is missing
        [{"sku": "LQ-4"}],  # failed
        [{"sku": "LQ-5", "name": "Five"}],  # succeeded
    ]
    jobs = []
    for batch in rows:
        time.sleep(0.002)  # each job at its own time, so since/until can fall between them
        jobs.append(wait_for(team, submit(team, batch)["id"]))
    assert [job["status"] for job in jobs] == ["succeeded", "partially_failed", "failed", "succeeded"]
    created = [job["id"] for job in jobs]

    listed = page(team, URL)
    assert [job["id"] for job in listed["data"]] == created
    summary = {key: value for key, value in jobs[0].items() if key != "errors"}
    assert listed["data"][0] == summary  # a summary: the job without its row errors
    assert ids(team, URL, sort="createdAt") == created
    assert ids(team, URL, sort="-createdAt") == list(reversed(created))
    assert ids(team, URL, status="succeeded") == [created[0], created[3]]
    assert ids(team, URL, status="failed", sort="-createdAt") == [created[2]]
    assert ids(team, URL, status="running") == []
    assert ids(team, URL, kind="items.import") == created
    assert ids(team, URL, kind="movements.import") == []
    # since is at or after, until is before.
    assert ids(team, URL, since=jobs[1]["createdAt"]) == created[1:]
    assert ids(team, URL, until=jobs[1]["createdAt"]) == created[:1]
    assert ids(team, URL, since=jobs[1]["createdAt"], until=jobs[3]["createdAt"], sort="-createdAt") == [
        created[2],
        created[1],
    ]
    assert walk(team, URL) == created
    assert walk(team, URL, sort="-createdAt", kind="items.import") == list(reversed(created))

    assert_sort_refused(team, URL, "updatedAt", "createdAt, -createdAt")
    assert_cursor_refused(team, URL, {}, {"sort": "-createdAt"})
    assert_cursor_refused(team, URL, {"status": "succeeded"}, {"status": "failed"})
    assert_cursor_refused(team, URL, {}, {"since": jobs[0]["createdAt"]})
    assert ids(other_tenant, URL) == []
