"""Sorting, filtering and paging the identity lists over HTTP: roles, API keys, members, invites and
the audit trail. Each sort in both directions (exact order of ids), each filter, a walk to the end two
rows at a time, the 400s for an unsupported sort or a cursor of another list, other tenants' rows
never shown.

Names and emails compared by sort start with different lowercase letters, so the expected order is
the same under any database collation."""

from __future__ import annotations

import time

from tests.identity.access import add_member, create_key, invite, new_email
from tests.identity.listing import assert_cursor_refused, assert_sort_refused, ids, page, walk
from tests.support import Tenant, create_tenant


def _upgrade(tenant: Tenant) -> None:
    """The team plan: room for the members, invites and keys these tests create."""
    assert tenant.patch("/api/v1/workspace", json={"plan": "team"}).status_code == 200


# --- roles ---------------------------------------------------------------------------------------


def _role(tenant: Tenant, name: str) -> dict[str, object]:
    response = tenant.post("/api/v1/roles", json={"name": name, "permissions": ["inventory.read"]})
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_roles_sort_by_creation_or_name_and_filter_on_builtin(tenant: Tenant, other_tenant: Tenant) -> None:
    url = "/api/v1/roles"
    builtin = page(tenant, url, builtin="true")["data"]
    assert {role["name"] for role in builtin} == {"owner", "admin", "manager", "clerk", "viewer"}
    assert all(role["builtin"] is True for role in builtin)
    custom = [_role(tenant, name) for name in ("packer", "buyer", "zoner", "auditor")]
    custom_ids = [str(role["id"]) for role in custom]

    # The default is createdAt: the built-in roles (created with the workspace) first.
    by_creation = [role["id"] for role in builtin] + custom_ids
    assert ids(tenant, url) == by_creation
    assert ids(tenant, url, sort="createdAt") == by_creation
    assert ids(tenant, url, sort="-createdAt") == list(reversed(by_creation))
    everyone = builtin + custom
    by_name = [role["id"] for role in sorted(everyone, key=lambda role: str(role["name"]))]
    assert ids(tenant, url, sort="name") == by_name
    assert ids(tenant, url, sort="-name") == list(reversed(by_name))

    # The list shows each role exactly as GET /roles/{id} does; the filter keeps the custom ones.
    assert page(tenant, url, builtin="false") == {"data": custom, "nextCursor": None, "hasMore": False}
    assert walk(tenant, url, sort="name") == by_name
    assert walk(tenant, url, sort="-createdAt", builtin="false") == list(reversed(custom_ids))

    assert_sort_refused(tenant, url, "description", "createdAt, -createdAt, name, -name")
    assert_cursor_refused(tenant, url, {"sort": "name"}, {"sort": "-name"})
    assert_cursor_refused(tenant, url, {"builtin": "false"}, {"builtin": "true"})
    assert not set(ids(other_tenant, url)) & set(by_creation)
    assert ids(other_tenant, url, builtin="false") == []


# --- API keys ------------------------------------------------------------------------------------


def test_api_keys_sort_by_creation_or_name_and_filter_on_read_only(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    _upgrade(tenant)
    url = "/api/v1/api-keys"
    names = ("sync", "backup", "reports", "ledger")
    created = [
        create_key(tenant, scopes=["inventory.read"], read_only=index % 2 == 1, name=name)
        for index, name in enumerate(names)
    ]
    for key in created:
        del key["secret"]
    by_creation = [key["id"] for key in created]
    revoked = create_key(tenant, scopes=["inventory.read"], name="archive")
    assert tenant.delete(f"/api/v1/api-keys/{revoked['id']}").status_code == 204

    assert page(tenant, url) == {"data": created, "nextCursor": None, "hasMore": False}
    assert ids(tenant, url, sort="createdAt") == by_creation
    assert ids(tenant, url, sort="-createdAt") == list(reversed(by_creation))
    by_name = [key["id"] for key in sorted(created, key=lambda key: key["name"])]
    assert ids(tenant, url, sort="name") == by_name
    assert ids(tenant, url, sort="-name") == list(reversed(by_name))
    assert ids(tenant, url, readOnly="true") == [by_creation[1], by_creation[3]]
    assert ids(tenant, url, readOnly="false", sort="-name") == [by_creation[0], by_creation[2]]
    assert walk(tenant, url, sort="-name") == list(reversed(by_name))
    assert walk(tenant, url) == by_creation

    assert_sort_refused(tenant, url, "lastUsedAt", "createdAt, -createdAt, name, -name")
    assert_cursor_refused(tenant, url, {"sort": "name"}, {"sort": "createdAt"})
    assert_cursor_refused(tenant, url, {"readOnly": "false"}, {})
    assert ids(other_tenant, url) == []


# --- members -------------------------------------------------------------------------------------


def test_members_sort_by_creation_or_email_and_filter_on_status(tenant: Tenant, other_tenant: Tenant) -> None:
    _upgrade(tenant)
    url = "/api/v1/members"
    owner = page(tenant, url)["data"][0]
    added = [add_member(tenant, "viewer", email=new_email(prefix)) for prefix in ("mike", "alpha", "zulu")]
    # Someone who is a member of another workspace is `invited` here until they accept.
    elsewhere = create_tenant(tenant.client, email=new_email("kilo"))
    invite(tenant, elsewhere.email, "clerk")
    rows = page(tenant, url)["data"]
    assert [row["user"]["email"] for row in rows] == [
        owner["user"]["email"],
        *(member.email for member in added),
        elsewhere.email,
    ]
    by_creation = [row["id"] for row in rows]
    assert rows == [tenant.get(f"{url}/{member_id}").json() for member_id in by_creation]

    assert ids(tenant, url, sort="createdAt") == by_creation
    assert ids(tenant, url, sort="-createdAt") == list(reversed(by_creation))
    by_email = [row["id"] for row in sorted(rows, key=lambda row: row["user"]["email"])]
    assert ids(tenant, url, sort="email") == by_email
    assert ids(tenant, url, sort="-email") == list(reversed(by_email))
    assert ids(tenant, url, status="invited") == [by_creation[-1]]
    assert ids(tenant, url, status="active", sort="-createdAt") == list(reversed(by_creation[:-1]))
    assert walk(tenant, url, sort="email") == by_email
    assert walk(tenant, url, status="active") == by_creation[:-1]

    assert_sort_refused(tenant, url, "-role", "createdAt, -createdAt, email, -email")
    assert_cursor_refused(tenant, url, {"sort": "email"}, {"sort": "-email"})
    assert_cursor_refused(tenant, url, {"status": "active"}, {"status": "invited"})
    assert not set(ids(other_tenant, url)) & set(by_creation)


# --- invites -------------------------------------------------------------------------------------


def test_invites_sort_by_creation_and_filter_on_status(tenant: Tenant, other_tenant: Tenant) -> None:
    _upgrade(tenant)
    url = "/api/v1/invites"
    sent = [invite(tenant, new_email(), "viewer")["id"] for _ in range(4)]
    assert tenant.delete(f"{url}/{sent[1]}").status_code == 204

    # Newest first by default, as before sorts existed.
    assert ids(tenant, url) == list(reversed(sent))
    assert ids(tenant, url, sort="-createdAt") == list(reversed(sent))
    assert ids(tenant, url, sort="createdAt") == sent
    assert page(tenant, url, limit=1, sort="createdAt")["data"] == [tenant.get(f"{url}/{sent[0]}").json()]
    assert ids(tenant, url, status="revoked") == [sent[1]]
    assert ids(tenant, url, status="pending", sort="createdAt") == [sent[0], sent[2], sent[3]]
    assert ids(tenant, url, status="accepted") == []
    assert walk(tenant, url) == list(reversed(sent))
    assert walk(tenant, url, sort="createdAt", status="pending") == [sent[0], sent[2], sent[3]]

    assert_sort_refused(tenant, url, "email", "createdAt, -createdAt")
    assert_cursor_refused(tenant, url, {}, {"sort": "createdAt"})
    assert_cursor_refused(tenant, url, {"status": "pending"}, {})
    assert ids(other_tenant, url) == []


# --- audit events --------------------------------------------------------------------------------


def test_audit_events_sort_and_filter_on_time(tenant: Tenant, other_tenant: Tenant) -> None:
    url = "/api/v1/audit-events"
    for name in ("one", "two", "three", "four"):
        time.sleep(0.002)  # each event at its own time, so since/until can fall between them
        _role(tenant, name)
    events = page(tenant, url, resourceType="role", sort="createdAt")["data"]
    assert [event["data"]["name"] for event in events] == ["one", "two", "three", "four"]
    oldest_first = [event["id"] for event in events]

    assert ids(tenant, url, resourceType="role") == list(reversed(oldest_first))
    assert ids(tenant, url, resourceType="role", sort="-createdAt") == list(reversed(oldest_first))
    # since is at or after, until is before: the two split the trail at the third event.
    third = events[2]["createdAt"]
    assert ids(tenant, url, resourceType="role", since=third, sort="createdAt") == oldest_first[2:]
    assert ids(tenant, url, resourceType="role", until=third, sort="createdAt") == oldest_first[:2]
    assert ids(tenant, url, since=events[1]["createdAt"], until=third) == [oldest_first[1]]
    assert ids(tenant, url, until=events[0]["createdAt"], resourceType="role") == []
    assert ids(tenant, url, since="9999-12-31T00:00:00Z") == []
    assert walk(tenant, url, resourceType="role", sort="createdAt") == oldest_first
    assert walk(tenant, url, resourceType="role", since=events[1]["createdAt"]) == list(
        reversed(oldest_first[1:])
    )

    assert_sort_refused(tenant, url, "action", "createdAt, -createdAt")
    assert_cursor_refused(
        tenant, url, {"resourceType": "role"}, {"resourceType": "role", "sort": "createdAt"}
    )
    assert_cursor_refused(
        tenant, url, {"resourceType": "role"}, {"resourceType": "role", "since": events[0]["createdAt"]}
    )
    assert not set(ids(other_tenant, url)) & set(oldest_first)
    assert ids(other_tenant, url, resourceType="role") == []
