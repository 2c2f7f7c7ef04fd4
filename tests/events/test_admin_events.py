"""Events about people, credentials and jobs: who joined, changed role or left; keys created and
revoked; bulk jobs finished. Each written in the transaction of its change."""

from __future__ import annotations

from tests.events.reading import feed
from tests.identity.access import MEMBER_PASSWORD, invite, new_email
from tests.jobs.test_items_bulk import CSV, team, wait_for  # noqa: F401 - `team` is a fixture
from tests.support import Tenant, assert_error

ACTOR_KEYS = {"kind", "id"}


def test_api_keys_created_and_revoked(tenant: Tenant) -> None:
    created = tenant.post("/api/v1/api-keys", json={"name": "shop sync", "scopes": ["inventory.read"]})
    assert created.status_code == 201, created.text
    key = created.json()
    assert tenant.delete(f"/api/v1/api-keys/{key['id']}").status_code == 204
    events = feed(tenant, "api_key.created", "api_key.revoked")
    assert [(event["type"], event["data"]) for event in events] == [
        ("api_key.created", {"apiKeyId": key["id"], "name": "shop sync", "prefix": key["prefix"]}),
        ("api_key.revoked", {"apiKeyId": key["id"], "name": "shop sync", "prefix": key["prefix"]}),
    ]
    assert events[0]["requestId"] == created.headers["x-request-id"]
    assert events[0]["actor"]["kind"] == "member" and set(events[0]["actor"]) == ACTOR_KEYS
    assert key["secret"] not in str(events)


def test_a_member_joins_changes_role_and_leaves(tenant: Tenant) -> None:
    email = new_email()
    sent = invite(tenant, email, "viewer")
    accepted = tenant.client.post(
        "/api/v1/invites/accept", json={"token": sent["token"], "name": "Ida", "password": MEMBER_PASSWORD}
    )
    assert accepted.status_code == 200, accepted.text
    member_id = accepted.json()["memberId"]
    changed = tenant.patch(f"/api/v1/members/{member_id}", json={"role": "clerk"})
    assert changed.status_code == 200, changed.text
    assert tenant.delete(f"/api/v1/members/{member_id}").status_code == 204
    events = feed(tenant, "member.joined", "member.updated", "member.removed")
    assert [(event["type"], event["data"]) for event in events] == [
        ("member.joined", {"memberId": member_id, "email": email, "role": "viewer"}),
        (
            "member.updated",
            {"memberId": member_id, "email": email, "role": "clerk", "previousRole": "viewer"},
        ),
        ("member.removed", {"memberId": member_id, "email": email, "role": "clerk"}),
    ]
    assert events[0]["actor"] == {"kind": "member", "id": member_id}  # the one who joined


def test_a_refused_change_emits_nothing(tenant: Tenant) -> None:
    assert_error(tenant.delete("/api/v1/api-keys/key_00000000000000000000000000"), "not_found")
    assert feed(tenant, "api_key.revoked") == []


def test_a_bulk_job_announces_it_finished(team: Tenant) -> None:  # noqa: F811
    response = team.post("/api/v1/items/bulk", content=b"sku,name\nEV-1,One\nEV-2,\n", headers=CSV)
    assert response.status_code == 202, response.text
    job = wait_for(team, response.json()["id"])
    (finished,) = feed(team, "job.finished")
    assert finished["data"] == {
        "jobId": job["id"],
        "kind": "items.import",
        "status": job["status"],
        "succeeded": job["succeeded"],
        "failed": job["failed"],
        "dryRun": False,
    }
    assert finished["requestId"] == response.headers["x-request-id"]
