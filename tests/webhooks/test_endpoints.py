"""Webhook endpoints over HTTP: creation with its secret shown once, the plan's capability and
limit, URL safety (exact 422 bodies), updates under If-Match, deletion, the list's sort, filter and
paging, the deliveries list's filter, and tenancy."""

from __future__ import annotations

from typing import Any

import pytest

from stockyard.api.schemas.webhooks import WebhookEndpointUpdate
from stockyard.webhooks.endpoints import EndpointChanges
from tests.support import Tenant, assert_error

PUBLIC = "https://93.184.215.14/hooks/stockyard"  # a public address: accepted without resolving a name
ENDPOINT_KEYS = {
    "id", "url", "description", "eventTypes", "enabled", "disabledAt", "disabledReason", "failingSince",
    "createdAt", "updatedAt",
}  # fmt: skip
CURSOR_ELSEWHERE = (
    "The cursor belongs to a list with another sort or other filters: "
    "repeat the first request's sort and filters with it, or start again without a cursor."
)


def on_team(tenant: Tenant) -> Tenant:
    response = tenant.patch("/api/v1/workspace", json={"plan": "team"})
    assert response.status_code == 200, response.text
    return tenant


def create(tenant: Tenant, **body: Any) -> dict[str, Any]:
    response = tenant.post(
        "/api/v1/webhook-endpoints", json={"url": PUBLIC, "eventTypes": ["item.created"], **body}
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_create_shows_the_secret_once(tenant: Tenant) -> None:
    on_team(tenant)
    response = tenant.post(
        "/api/v1/webhook-endpoints",
        json={
            "url": PUBLIC,
            "eventTypes": ["stock.changed", "item.created", "stock.changed"],
            "description": "ERP sync",
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == ENDPOINT_KEYS | {"secret"}
    assert body["id"].startswith("whe_")
    assert body["secret"].startswith("whsec_") and len(body["secret"]) == len("whsec_") + 44
    assert body["eventTypes"] == ["item.created", "stock.changed"]
    assert (body["url"], body["description"], body["enabled"]) == (PUBLIC, "ERP sync", True)
    assert (body["disabledAt"], body["disabledReason"], body["failingSince"]) == (None, None, None)
    assert response.headers["location"] == f"/api/v1/webhook-endpoints/{body['id']}"
    assert response.headers["etag"] == '"v1"'
    assert response.headers["cache-control"] == "no-store"

    read = tenant.get(f"/api/v1/webhook-endpoints/{body['id']}")
    assert read.status_code == 200
    assert read.json() == {key: body[key] for key in ENDPOINT_KEYS}
    assert body["secret"] not in read.text
    listed = tenant.get("/api/v1/webhook-endpoints")
    assert body["secret"] not in listed.text
    audit = tenant.get("/api/v1/audit-events", params={"action": "webhook_endpoint.created"}).json()["data"]
    assert [event["resourceId"] for event in audit] == [body["id"]]
    assert body["secret"] not in str(audit)


def test_a_read_answers_304_while_the_version_is_the_one_the_client_holds(tenant: Tenant) -> None:
    on_team(tenant)
    url = f"/api/v1/webhook-endpoints/{create(tenant)['id']}"
    first = tenant.get(url)
    assert (first.status_code, first.headers["etag"]) == (200, '"v1"')
    not_modified = tenant.get(url, headers={"If-None-Match": '"v1"'})
    assert not_modified.status_code == 304
    assert (not_modified.headers["etag"], not_modified.content) == ('"v1"', b"")
    assert tenant.patch(url, json={"description": "v2"}, headers={"If-Match": '"v1"'}).status_code == 200
    changed = tenant.get(url, headers={"If-None-Match": '"v1"'})
    assert changed.status_code == 200
    assert (changed.headers["etag"], changed.json()["description"]) == ('"v2"', "v2")


def test_the_free_plan_has_no_webhooks_and_team_allows_five(tenant: Tenant) -> None:
    assert_error(
        tenant.post("/api/v1/webhook-endpoints", json={"url": PUBLIC, "eventTypes": ["item.created"]}),
        "missing_capability",
        message="The free plan does not include the webhooks capability.",
    )
    on_team(tenant)
    for _ in range(5):
        create(tenant)
    assert_error(
        tenant.post("/api/v1/webhook-endpoints", json={"url": PUBLIC, "eventTypes": ["item.created"]}),
        "exceeded_limit",
        message="Plan limit reached: 5 webhook endpoints on the team plan.",
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://93.184.215.14/hooks", "The webhook URL must use https://, not http://."),
        (
            "https://127.0.0.1/hooks",
            "The host of the webhook URL, 127.0.0.1, resolves to 127.0.0.1, a loopback address; "
            "webhooks are delivered only to public addresses.",
        ),
        (
            "https://10.1.2.3:8443/hooks",
            "The host of the webhook URL, 10.1.2.3, resolves to 10.1.2.3, a private address; "
            "webhooks are delivered only to public addresses.",
        ),
        (
            "https://169.254.169.254/latest/meta-data",
            "The host of the webhook URL, 169.254.169.254, resolves to 169.254.169.254, a cloud metadata "
            "address; webhooks are delivered only to public addresses.",
        ),
        (
            "https://[::1]/hooks",
            "The host of the webhook URL, ::1, resolves to ::1, a loopback address; "
            "webhooks are delivered only to public addresses.",
        ),
        (
            "https://[fd00:ec2::254]/",
            "The host of the webhook URL, fd00:ec2::254, resolves to fd00:ec2::254, a cloud metadata "
            "address; webhooks are delivered only to public addresses.",
        ),
        (
            "https://[::ffff:192.168.0.1]/",
            "The host of the webhook URL, ::ffff:192.168.0.1, resolves to ::ffff:c0a8:1, a private "
            "address; webhooks are delivered only to public addresses.",
        ),
        (
            "https://224.0.0.1/",
            "The host of the webhook URL, 224.0.0.1, resolves to 224.0.0.1, a multicast address; "
            "webhooks are delivered only to public addresses.",
        ),
        (
            "https://100.64.0.1/",
            "The host of the webhook URL, 100.64.0.1, resolves to 100.64.0.1, a reserved (not public) "
            "address; webhooks are delivered only to public addresses.",
        ),
        (
            "https://stockyard-test.invalid/hooks",
            "The host of the webhook URL, stockyard-test.invalid, does not resolve to any address.",
        ),
        ("ftp://93.184.215.14/", "The webhook URL must be an absolute https:// URL with a host."),
        ("hooks/stockyard", "The webhook URL must be an absolute https:// URL with a host."),
        ("https://user:pw@93.184.215.14/", "The webhook URL must not carry a user name or password."),
    ],
)
def test_unsafe_urls_are_refused(tenant: Tenant, url: str, message: str) -> None:
    on_team(tenant)
    response = tenant.post("/api/v1/webhook-endpoints", json={"url": url, "eventTypes": ["item.created"]})
    assert_error(response, "invalid_webhook_url", message=message, param="url")
    assert tenant.get("/api/v1/webhook-endpoints").json()["data"] == []


def test_an_update_to_an_unsafe_url_is_refused(tenant: Tenant) -> None:
    endpoint = create(on_team(tenant))
    assert_error(
        tenant.patch(f"/api/v1/webhook-endpoints/{endpoint['id']}", json={"url": "https://192.168.1.10/x"}),
        "invalid_webhook_url",
        message="The host of the webhook URL, 192.168.1.10, resolves to 192.168.1.10, a private address; "
        "webhooks are delivered only to public addresses.",
        param="url",
    )
    assert tenant.get(f"/api/v1/webhook-endpoints/{endpoint['id']}").json()["url"] == PUBLIC


def test_event_types_are_validated(tenant: Tenant) -> None:
    on_team(tenant)
    body = assert_error(
        tenant.post(
            "/api/v1/webhook-endpoints", json={"url": PUBLIC, "eventTypes": ["item.created", "item.nope"]}
        ),
        "validation_error",
        message="Model validation failed.",
        param="eventTypes.1",
    )
    assert list(body["details"]) == ["eventTypes.1"]
    assert body["details"]["eventTypes.1"][0].startswith(
        "The field eventTypes must be one of: 'item.created'"
    )
    assert_error(
        tenant.post("/api/v1/webhook-endpoints", json={"url": PUBLIC, "eventTypes": []}),
        "validation_error",
        message="Model validation failed.",
        param="eventTypes",
        details={"eventTypes": ["The field eventTypes must not be empty."]},
    )


def test_update_under_if_match_and_disable_by_hand(tenant: Tenant) -> None:
    endpoint = create(on_team(tenant))
    path = f"/api/v1/webhook-endpoints/{endpoint['id']}"
    changed = tenant.patch(
        path,
        json={"eventTypes": ["stock.low", "stock.changed"], "description": "low stock"},
        headers={"If-Match": '"v1"'},
    )
    assert changed.status_code == 200, changed.text
    assert changed.headers["etag"] == '"v2"'
    assert changed.json()["eventTypes"] == ["stock.changed", "stock.low"]
    assert changed.json()["description"] == "low stock"
    assert_error(
        tenant.patch(path, json={"enabled": False}, headers={"If-Match": '"v1"'}), "precondition_failed"
    )

    disabled = tenant.patch(path, json={"enabled": False}).json()
    assert (disabled["enabled"], disabled["disabledReason"]) == (False, "Disabled through the API.")
    assert disabled["disabledAt"] is not None
    assert_error(
        tenant.post(f"{path}/test"),
        "invalid_state",
        message=f"Webhook endpoint {endpoint['id']} is disabled; enable it before sending a test event.",
    )
    enabled = tenant.patch(path, json={"enabled": True}).json()
    assert (enabled["enabled"], enabled["disabledAt"], enabled["disabledReason"]) == (True, None, None)
    assert_error(
        tenant.patch(path, json={"enabled": None}),
        "validation_error",
        message="Model validation failed.",
        param="enabled",
        details={"enabled": ["The field enabled must not be null."]},
    )


def test_delete_and_other_tenants(tenant: Tenant, other_tenant: Tenant) -> None:
    endpoint = create(on_team(tenant))
    path = f"/api/v1/webhook-endpoints/{endpoint['id']}"
    on_team(other_tenant)
    for response in (
        other_tenant.get(path),
        other_tenant.patch(path, json={"enabled": False}),
        other_tenant.delete(path),
        other_tenant.post(f"{path}/rotate-secret"),
        other_tenant.post(f"{path}/test"),
        other_tenant.get(f"{path}/deliveries"),
        other_tenant.post(f"{path}/deliveries/whd_01JD8ZF0M1N2P3Q4R5S6T7V8W9/retry"),
    ):
        assert_error(response, "not_found")
    assert other_tenant.get("/api/v1/webhook-endpoints").json()["data"] == []

    assert_error(tenant.delete(path, headers={"If-Match": '"v9"'}), "precondition_failed")
    deleted = tenant.delete(path)
    assert deleted.status_code == 204 and deleted.content == b""
    assert_error(tenant.get(path), "not_found")
    assert_error(tenant.delete(path), "not_found")


def test_a_workspace_moved_off_webhooks_still_reads_and_deletes(tenant: Tenant) -> None:
    endpoint = create(on_team(tenant))
    path = f"/api/v1/webhook-endpoints/{endpoint['id']}"
    assert tenant.patch("/api/v1/workspace", json={"plan": "free"}).status_code == 200
    missing = "The free plan does not include the webhooks capability."
    assert_error(tenant.patch(path, json={"enabled": False}), "missing_capability", message=missing)
    assert_error(tenant.post(f"{path}/rotate-secret"), "missing_capability", message=missing)
    assert_error(tenant.post(f"{path}/test"), "missing_capability", message=missing)
    assert tenant.get(path).status_code == 200
    assert tenant.get(f"{path}/deliveries").json() == {"data": [], "nextCursor": None, "hasMore": False}
    assert tenant.delete(path).status_code == 204


def test_the_list_sorts_filters_and_pages(tenant: Tenant, other_tenant: Tenant) -> None:
    on_team(tenant)
    ids = [create(tenant)["id"] for _ in range(5)]
    off = ids[1:4:2]
    for endpoint_id in off:
        assert (
            tenant.patch(f"/api/v1/webhook-endpoints/{endpoint_id}", json={"enabled": False}).status_code
            == 200
        )
    create(on_team(other_tenant))

    def listed(**params: Any) -> dict[str, Any]:
        response = tenant.get("/api/v1/webhook-endpoints", params=params)
        assert response.status_code == 200, response.text
        assert set(response.json()) == {"data", "nextCursor", "hasMore"}
        return dict(response.json())

    assert [e["id"] for e in listed()["data"]] == ids
    assert [e["id"] for e in listed(sort="createdAt")["data"]] == ids
    assert [e["id"] for e in listed(sort="-createdAt")["data"]] == ids[::-1]
    assert [e["id"] for e in listed(enabled="false")["data"]] == off
    assert [e["id"] for e in listed(enabled="true")["data"]] == [i for i in ids if i not in off]

    for sort, expected in (("createdAt", ids), ("-createdAt", ids[::-1])):
        seen: list[str] = []
        page = listed(sort=sort, limit=2)
        while True:
            seen += [e["id"] for e in page["data"]]
            if not page["hasMore"]:
                assert page["nextCursor"] is None
                break
            page = listed(sort=sort, limit=2, cursor=page["nextCursor"])
        assert seen == expected

    cursor = listed(limit=2)["nextCursor"]
    assert_error(
        tenant.get("/api/v1/webhook-endpoints", params={"cursor": cursor, "sort": "-createdAt"}),
        "invalid_parameter",
        message=CURSOR_ELSEWHERE,
        param="cursor",
    )
    assert_error(
        tenant.get("/api/v1/webhook-endpoints", params={"cursor": cursor, "enabled": "true"}),
        "invalid_parameter",
        message=CURSOR_ELSEWHERE,
        param="cursor",
    )
    assert_error(
        tenant.get("/api/v1/webhook-endpoints", params={"sort": "url"}),
        "invalid_parameter",
        message="Cannot sort by 'url'. Accepted: createdAt, -createdAt.",
        param="sort",
    )


def test_a_change_set_has_exactly_the_update_bodys_fields() -> None:
    assert set(EndpointChanges.__annotations__) == set(WebhookEndpointUpdate.model_fields)
    assert EndpointChanges.__required_keys__ == frozenset()
