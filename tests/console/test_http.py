"""The console over plain HTTP: redirects, cookie flags, CSRF refusals, security headers, and that
its pages show what the API answers (errors included) as the signed-in person."""

from __future__ import annotations

import ast
import asyncio
import html
import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from stockyard.api.app import create_app
from stockyard.console import session
from stockyard.settings import Settings
from tests.client.live import LiveServer
from tests.client.test_live import expired_copy
from tests.console.helpers import KEY, csrf_of, sign_in, warehouse_with_locations
from tests.reports.seed import set_plan
from tests.support import Tenant, create_tenant

CONSOLE = Path(__file__).parents[2] / "src" / "stockyard" / "console"


@pytest.fixture
def browser(settings: Settings) -> Iterator[TestClient]:
    """A client with its own cookie jar, like one browser."""
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def test_root_and_app_redirect_to_the_console_then_to_sign_in(browser: TestClient) -> None:
    root = browser.get("/", follow_redirects=False)
    assert (root.status_code, root.headers["location"]) == (307, "/app")
    app = browser.get("/app", follow_redirects=False)
    assert (app.status_code, app.headers["location"]) == (303, "/app/items")
    items = browser.get("/app/items?q=bolt", follow_redirects=False)
    assert (items.status_code, items.headers["location"]) == (
        303,
        "/app/sign-in?next=%2Fapp%2Fitems%3Fq%3Dbolt",
    )


def test_every_page_forbids_inline_scripts_and_framing(browser: TestClient) -> None:
    page = browser.get("/app/sign-in")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "same-origin"
    assert page.headers["cache-control"] == "no-store"
    assert "<script>" not in page.text and " on" + "click=" not in page.text


def test_no_template_has_an_inline_script_or_handler() -> None:
    for template in (CONSOLE / "templates").glob("*.html"):
        text = template.read_text()
        assert "<script>" not in text, template
        assert not any(f" on{event}=" in text for event in ("click", "load", "submit", "input")), template


def test_sign_in_sets_httponly_samesite_strict_cookies(browser: TestClient, tenant: Tenant) -> None:
    page = browser.get("/app/sign-in")
    answer = browser.post(
        "/app/sign-in",
        data={
            "csrf": csrf_of(page),
            "workspace": tenant.slug,
            "email": tenant.email,
            "password": tenant.password,
        },
        follow_redirects=False,
    )
    assert (answer.status_code, answer.headers["location"]) == (303, "/app/items")
    cookies = {c.split("=", 1)[0]: c for c in answer.headers.get_list("set-cookie")}
    assert set(cookies) == {session.ACCESS_COOKIE, session.REFRESH_COOKIE, session.CSRF_COOKIE}
    for cookie in cookies.values():
        assert "; Path=/app; HttpOnly; SameSite=Strict" in cookie
        assert "Secure" not in cookie  # plain http here; over https every cookie is Secure


def test_cookies_are_secure_over_https(settings: Settings) -> None:
    with TestClient(create_app(settings), base_url="https://console.test") as client:
        page = client.get("/app/sign-in")
        assert page.status_code == 200
        assert page.headers["set-cookie"].endswith("; Path=/app; HttpOnly; SameSite=Strict; Secure")


def test_a_post_without_the_csrf_token_is_refused(browser: TestClient, tenant: Tenant) -> None:
    sign_in(browser, tenant)
    missing = browser.post("/app/items/new", data={"sku": "CSRF-1", "name": "Forged"})
    assert missing.status_code == 403
    assert "This form has expired or came from another site." in missing.text
    wrong = browser.post("/app/items/new", data={"csrf": "not-the-token", "sku": "CSRF-1", "name": "Forged"})
    assert wrong.status_code == 403
    assert tenant.get("/api/v1/items?sku=CSRF-1").json()["data"] == []


def test_a_post_from_another_origin_is_refused_even_with_the_token(
    browser: TestClient, tenant: Tenant
) -> None:
    csrf = sign_in(browser, tenant)
    forged = browser.post(
        "/app/items/new",
        data={"csrf": csrf, "sku": "CSRF-2", "name": "Forged"},
        headers={"Origin": "https://evil.example"},
    )
    assert forged.status_code == 403
    assert tenant.get("/api/v1/items?sku=CSRF-2").json()["data"] == []


def test_sign_in_failure_shows_the_api_message_and_request_id(browser: TestClient, tenant: Tenant) -> None:
    page = browser.get("/app/sign-in")
    answer = browser.post(
        "/app/sign-in",
        data={
            "csrf": csrf_of(page),
            "workspace": tenant.slug,
            "email": tenant.email,
            "password": "wrong-password",
        },
    )
    assert answer.status_code == 401
    assert '<p class="problem-message">Email or password incorrect.</p>' in answer.text
    assert "invalid_credentials · request id <code>req_" in answer.text
    assert f'value="{tenant.email}"' in answer.text and "wrong-password" not in answer.text


def test_create_item_shows_field_errors_from_details_then_creates(
    browser: TestClient, tenant: Tenant
) -> None:
    csrf = sign_in(browser, tenant)
    assert tenant.post("/api/v1/tags", json={"name": "bolts"}).status_code == 201
    form = browser.get("/app/items/new")
    key = KEY.search(form.text)
    assert key is not None
    bad = browser.post(
        "/app/items/new",
        data={
            "csrf": csrf,
            "idempotencyKey": key.group(1),
            "sku": "",
            "name": "Hex bolt",
            "reorderPoint": "ten",
        },
    )
    assert bad.status_code == 400
    assert '<p class="problem-message">Model validation failed.</p>' in bad.text
    assert 'id="f-sku" name="sku" type="text" value=""' in bad.text
    assert 'aria-invalid="true"' in bad.text
    assert '<p class="error" id="e-sku">The field sku must be 1 to 64 characters' in bad.text
    assert '<p class="error" id="e-reorderPoint">' in bad.text
    assert 'value="Hex bolt"' in bad.text  # what was typed stays
    fresh_key = KEY.search(bad.text)
    assert fresh_key is not None and fresh_key.group(1) != key.group(1)  # a new request, a new key
    good = browser.post(
        "/app/items/new",
        data={
            "csrf": csrf,
            "idempotencyKey": fresh_key.group(1),
            "sku": "HEX-1",
            "name": "Hex bolt",
            "tags": "bolts",
        },
        follow_redirects=False,
    )
    assert good.status_code == 303, good.text
    created = tenant.get("/api/v1/items?sku=HEX-1").json()["data"]
    assert [(i["name"], i["tags"]) for i in created] == [("Hex bolt", ["bolts"])]
    assert good.headers["location"] == f"/app/items/{created[0]['id']}"
    page = browser.get(good.headers["location"])
    assert page.status_code == 200 and "Item HEX-1 created." in page.text


def test_items_list_passes_search_filter_and_sort_to_the_api(browser: TestClient, tenant: Tenant) -> None:
    sign_in(browser, tenant)
    assert tenant.post("/api/v1/tags", json={"name": "blue"}).status_code == 201
    tenant.create_item(sku="LIST-B", name="Beta widget", tags=["blue"])
    tenant.create_item(sku="LIST-A", name="Alpha widget", tags=["blue"])
    tenant.create_item(sku="LIST-C", name="Gamma gadget")
    page = browser.get("/app/items?q=widget&tag=blue&sort=sku&archived=false")
    assert page.status_code == 200
    assert page.text.index("LIST-A") < page.text.index("LIST-B")
    assert "LIST-C" not in page.text
    bad = browser.get("/app/items?sort=colour")
    assert bad.status_code == 400
    assert "invalid_parameter" in bad.text


def test_receive_by_barcode_then_the_item_page_shows_stock_and_movement(
    browser: TestClient, tenant: Tenant
) -> None:
    csrf = sign_in(browser, tenant)
    item = tenant.create_item(sku="SCAN-1", name="Scanned", barcode="4006381333931")
    _, (shelf,) = warehouse_with_locations(tenant, "A-01")
    found = browser.get("/app/lookup?code=4006381333931")
    assert found.status_code == 200
    assert found.json() == {"found": True, "id": item["id"], "sku": "SCAN-1", "name": "Scanned"}
    missing = browser.get("/app/lookup?code=0000")
    assert missing.json() == {"found": False, "message": "No item has the SKU or barcode '0000'."}
    received = browser.post(
        "/app/stock/receive",
        data={
            "csrf": csrf,
            "idempotencyKey": "console-test-1",
            "code": "4006381333931",
            "locationId": shelf["id"],
            "units": "12",
        },
        follow_redirects=False,
    )
    assert (received.status_code, received.headers["location"]) == (
        303,
        f"/app/stock/receive?location={shelf['id']}",
    )
    assert tenant.get(f"/api/v1/items/{item['id']}/stock").json()["onHand"] == 12
    page = browser.get(f"/app/items/{item['id']}")
    assert "<strong>12</strong> on hand" in page.text
    assert "<td>receive</td>" in page.text


def test_issue_more_than_on_hand_shows_the_api_error(browser: TestClient, tenant: Tenant) -> None:
    csrf = sign_in(browser, tenant)
    tenant.create_item(sku="ISSUE-1", name="Scarce")
    _, (shelf,) = warehouse_with_locations(tenant, "B-01")
    answer = browser.post(
        "/app/stock/issue",
        data={
            "csrf": csrf,
            "idempotencyKey": "console-test-2",
            "code": "ISSUE-1",
            "locationId": shelf["id"],
            "units": "3",
        },
    )
    assert answer.status_code == 422
    assert (
        '<p class="problem-message">Insufficient stock of ISSUE-1 at B-01: 0 units available, 3 requested.</p>'
        in answer.text
    )
    assert "insufficient_stock · request id <code>req_" in answer.text
    unknown = browser.post(
        "/app/stock/issue",
        data={
            "csrf": csrf,
            "idempotencyKey": "console-test-3",
            "code": "NOPE",
            "locationId": shelf["id"],
            "units": "3",
        },
    )
    assert unknown.status_code == 400
    assert '<p class="error" id="e-code">No item has the SKU or barcode &#39;NOPE&#39;.</p>' in unknown.text


def test_sign_out_revokes_the_refresh_family(browser: TestClient, tenant: Tenant, client: TestClient) -> None:
    csrf = sign_in(browser, tenant)
    refresh = browser.cookies.get(session.REFRESH_COOKIE)
    assert refresh
    out = browser.post("/app/sign-out", data={"csrf": csrf}, follow_redirects=False)
    assert (out.status_code, out.headers["location"]) == (303, "/app/sign-in")
    cleared = [c for c in out.headers.get_list("set-cookie") if "Max-Age=0" in c]
    assert sorted(c.split("=", 1)[0] for c in cleared) == [session.ACCESS_COOKIE, session.REFRESH_COOKIE]
    reused = client.post("/api/v1/auth/refresh", json={"refreshToken": refresh})
    assert reused.status_code == 401
    assert reused.json()["code"] == "token_invalid"
    again = browser.get("/app/items", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"].startswith("/app/sign-in")


def test_the_console_imports_no_web_framework_and_nothing_of_the_api() -> None:
    for path in CONSOLE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("fastapi", "starlette", "stockyard.api")), (path, name)


def test_another_workspace_cannot_see_an_item_through_the_console(
    browser: TestClient, tenant: Tenant, client: TestClient
) -> None:
    sign_in(browser, tenant)
    other = create_tenant(client)
    theirs = other.create_item(sku="THEIRS-1")
    page = browser.get(f"/app/items/{theirs['id']}")
    assert page.status_code == 404
    assert "not_found" in page.text


def test_an_expired_access_token_is_refreshed_and_the_cookies_rewritten(
    browser: TestClient, tenant: Tenant, settings: Settings, client: TestClient
) -> None:
    sign_in(browser, tenant)
    access = browser.cookies.get(session.ACCESS_COOKIE)
    refresh = browser.cookies.get(session.REFRESH_COOKIE)
    assert access and refresh
    browser.cookies.set(session.ACCESS_COOKIE, expired_copy(access, settings.secret_key), path="/app")
    page = browser.get("/app/items")
    assert page.status_code == 200
    rewritten = {
        c.split("=", 1)[0]: c.split("=", 1)[1].split(";")[0] for c in page.headers.get_list("set-cookie")
    }
    assert set(rewritten) == {session.ACCESS_COOKIE, session.REFRESH_COOKIE}
    assert rewritten[session.REFRESH_COOKIE] != refresh  # rotated
    reused = client.post("/api/v1/auth/refresh", json={"refreshToken": refresh})
    assert (reused.status_code, reused.json()["code"]) == (401, "refresh_token_reused")


def test_an_edit_made_stale_by_someone_else_offers_to_reload(browser: TestClient, tenant: Tenant) -> None:
    csrf = sign_in(browser, tenant)
    item = tenant.create_item(sku="STALE-1", name="Before")
    page = browser.get(f"/app/items/{item['id']}")
    etag = re.search(r'name="etag" value="([^"]+)"', page.text)
    assert etag is not None
    changed = tenant.patch(f"/api/v1/items/{item['id']}", json={"name": "Changed elsewhere"})
    assert changed.status_code == 200
    stale = browser.post(
        f"/app/items/{item['id']}",
        data={
            "csrf": csrf,
            "etag": html.unescape(etag.group(1)),
            "action": "save",
            "sku": "STALE-1",
            "name": "Mine",
        },
    )
    assert stale.status_code == 412
    assert "precondition_failed · request id" in stale.text
    assert '<p><a href="">Reload to see their changes</a>, then make yours again.</p>' in stale.text
    assert tenant.get(f"/api/v1/items/{item['id']}").json()["name"] == "Changed elsewhere"
    fresh = browser.get(f"/app/items/{item['id']}")
    etag = re.search(r'name="etag" value="([^"]+)"', fresh.text)
    assert etag is not None
    archived = browser.post(
        f"/app/items/{item['id']}",
        data={"csrf": csrf, "etag": html.unescape(etag.group(1)), "action": "archive"},
        follow_redirects=False,
    )
    assert archived.status_code == 303
    assert tenant.get(f"/api/v1/items/{item['id']}").json()["archived"] is True


def test_an_admin_changes_a_members_role(browser: TestClient, tenant: Tenant, client: TestClient) -> None:
    csrf = sign_in(browser, tenant)
    invite = tenant.post(
        "/api/v1/invites", json={"email": f"clerk-{tenant.slug}@example.com", "role": "viewer"}
    )
    assert invite.status_code == 201, invite.text
    accepted = client.post(
        "/api/v1/invites/accept", json={"token": invite.json()["token"], "password": "clerk-password-1"}
    )
    assert accepted.status_code == 200, accepted.text
    member_id = accepted.json()["memberId"]
    page = browser.get("/app/admin/members")
    assert page.status_code == 200 and f"clerk-{tenant.slug}@example.com" in page.text
    changed = browser.post(
        f"/app/admin/members/{member_id}", data={"csrf": csrf, "role": "admin"}, follow_redirects=False
    )
    assert (changed.status_code, changed.headers["location"]) == (303, "/app/admin/members")
    assert tenant.get(f"/api/v1/members/{member_id}").json()["role"] == "admin"
    refused = browser.post(f"/app/admin/members/{member_id}", data={"csrf": csrf, "role": "no-such-role"})
    assert refused.status_code == 422
    assert '<p class="problem-message">Unknown role: no-such-role.</p>' in refused.text
    assert "unprocessable_entity · request id <code>req_" in refused.text


@pytest.mark.parametrize(
    ("next_page", "landing"),
    [
        ("/app/stock?low=1", "/app/stock?low=1"),
        ("https://evil.example/app/items", "/app/items"),
        ("//evil.example/app/items", "/app/items"),
        ("/api/v1/me", "/app/items"),
    ],
)
def test_sign_in_returns_to_the_console_page_asked_for_and_nowhere_else(
    browser: TestClient, tenant: Tenant, next_page: str, landing: str
) -> None:
    page = browser.get("/app/sign-in", params={"next": next_page})
    assert f'name="next" value="{html.escape(next_page)}"' in page.text
    answer = browser.post(
        "/app/sign-in",
        data={
            "csrf": csrf_of(page),
            "next": next_page,
            "workspace": tenant.slug,
            "email": tenant.email,
            "password": tenant.password,
        },
        follow_redirects=False,
    )
    assert (answer.status_code, answer.headers["location"]) == (303, landing)


def test_webhook_endpoint_created_with_its_secret_shown_once_then_tested_and_deleted(
    settings: Settings, database_url: str
) -> None:
    allowing = settings.model_copy(update={"webhook_allow_http": True, "webhook_allow_private_targets": True})
    with TestClient(create_app(allowing), raise_server_exceptions=False) as browser:
        tenant = create_tenant(browser)
        set_plan(database_url, tenant.workspace_id, "team")  # webhooks are a capability of the team plan
        csrf = sign_in(browser, tenant)
        page = browser.get("/app/admin/webhooks")
        assert page.status_code == 200
        assert 'name="event.item.created"' in page.text and 'name="event.webhook.test"' in page.text
        none_chosen = browser.post(
            "/app/admin/webhooks", data={"csrf": csrf, "url": "http://127.0.0.1:9/hook"}
        )
        assert none_chosen.status_code == 400
        assert '<p class="error" id="e-eventTypes">' in none_chosen.text
        created = browser.post(
            "/app/admin/webhooks",
            data={
                "csrf": csrf,
                "url": "http://127.0.0.1:9/hook",
                "event.item.created": "1",
                "description": "ERP",
            },
            follow_redirects=False,
        )
        assert created.status_code == 303, created.text
        (endpoint,) = tenant.get("/api/v1/webhook-endpoints").json()["data"]
        assert (endpoint["eventTypes"], endpoint["description"]) == (["item.created"], "ERP")
        assert created.headers["location"] == f"/app/admin/webhooks/{endpoint['id']}"
        shown = browser.get(created.headers["location"])
        secret = re.search(r'id="webhook-secret" type="text" readonly value="(whsec_[^"]+)"', shown.text)
        assert secret is not None
        again = browser.get(created.headers["location"])
        assert "webhook-secret" not in again.text and secret.group(1) not in again.text
        tested = browser.post(
            created.headers["location"], data={"csrf": csrf, "action": "test"}, follow_redirects=False
        )
        assert tested.status_code == 303
        # The relay numbers the test event and fans it out to a delivery shortly after the commit.
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            deliveries = tenant.get(f"/api/v1/webhook-endpoints/{endpoint['id']}/deliveries").json()["data"]
            if deliveries:
                break
            time.sleep(0.1)
        assert len(deliveries) == 1
        listed = browser.get(created.headers["location"])
        assert "Nothing sent yet." not in listed.text and listed.text.count("<tr><td>20") == 1
        etag = re.search(r'name="etag" value="([^"]+)"', again.text)
        assert etag is not None
        deleted = browser.post(
            created.headers["location"],
            data={"csrf": csrf, "action": "delete", "etag": html.unescape(etag.group(1))},
            follow_redirects=False,
        )
        assert (deleted.status_code, deleted.headers["location"]) == (303, "/app/admin/webhooks")
        assert tenant.get("/api/v1/webhook-endpoints").json()["data"] == []


def test_roles_listed_created_with_field_errors_and_deleted(browser: TestClient, tenant: Tenant) -> None:
    csrf = sign_in(browser, tenant)
    page = browser.get("/app/admin/roles")
    assert page.status_code == 200
    assert '<strong>viewer</strong> <span class="badge">built in</span>' in page.text
    bad = browser.post(
        "/app/admin/roles", data={"csrf": csrf, "name": "Picker!", "scope.inventory.read": "1"}
    )
    assert bad.status_code == 400
    assert '<p class="error" id="e-name">' in bad.text
    assert 'name="scope.inventory.read" value="1" checked' in bad.text
    made = browser.post(
        "/app/admin/roles",
        data={"csrf": csrf, "name": "picker", "scope.inventory.read": "1", "scope.inventory.write": "1"},
        follow_redirects=False,
    )
    assert (made.status_code, made.headers["location"]) == (303, "/app/admin/roles")
    (role,) = [r for r in tenant.get("/api/v1/roles").json()["data"] if r["name"] == "picker"]
    assert sorted(role["permissions"]) == ["inventory.read", "inventory.write"]
    deleted = browser.post(
        f"/app/admin/roles/{role['id']}/delete", data={"csrf": csrf}, follow_redirects=False
    )
    assert deleted.status_code == 303
    assert [r for r in tenant.get("/api/v1/roles").json()["data"] if r["name"] == "picker"] == []


async def test_requests_at_once_with_an_expired_token_refresh_once_and_keep_the_session(
    live_server: LiveServer, settings: Settings
) -> None:
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        created = await http.post(
            "/api/v1/workspaces",
            json={
                "name": "Concurrent",
                "slug": f"console-{uuid.uuid4().hex[:10]}",
                "owner": {"email": "clerk@example.com", "name": "Clerk", "password": "correct-horse-battery"},
            },
        )
        assert created.status_code == 201, created.text
        slug = created.json()["workspace"]["slug"]
        page = await http.get("/app/sign-in")
        signed_in = await http.post(
            "/app/sign-in",
            data={
                "csrf": csrf_of(page),
                "workspace": slug,
                "email": "clerk@example.com",
                "password": "correct-horse-battery",
            },
        )
        assert signed_in.status_code == 303
        access = http.cookies[session.ACCESS_COOKIE]
        http.cookies.set(session.ACCESS_COOKIE, expired_copy(access, settings.secret_key), path="/app")
        # Search as you type: several pages asked for at once, all with the expired token.
        pages = await asyncio.gather(
            *(http.get("/app/items", params={"q": q}) for q in ("a", "ab", "abc", "abcd"))
        )
        assert [p.status_code for p in pages] == [200, 200, 200, 200]
        pairs = {
            tuple(c.split(";")[0] for c in p.headers.get_list("set-cookie") if c.startswith("sy_"))
            for p in pages
        }
        assert len(pairs) == 1  # one refresh; every page hands the browser the same new pair
        later = await http.get("/app/items")  # the session lives on (no refresh_token_reused)
        assert later.status_code == 200 and "Sign in to Stockyard" not in later.text


def test_items_page_forward_with_the_api_cursor(browser: TestClient, tenant: Tenant) -> None:
    sign_in(browser, tenant)
    for n in range(27):
        tenant.create_item(sku=f"PAGE-{n:02d}", name=f"Paged {n}")
    first = browser.get("/app/items?sort=sku")
    assert first.status_code == 200
    assert first.text.count('<a href="/app/items/itm_') == 25
    link = re.search(r'<a class="button" href="(/app/items\?[^"]+)">Next page</a>', first.text)
    assert link is not None
    second = browser.get(html.unescape(link.group(1)))
    assert second.status_code == 200
    assert second.text.count('<a href="/app/items/itm_') == 2
    assert "PAGE-25" in second.text and "PAGE-26" in second.text and "PAGE-00" not in second.text
    assert "Next page" not in second.text


def test_an_unknown_invite_code_is_shown_beside_its_field(browser: TestClient) -> None:
    page = browser.get("/app/invite")
    assert page.status_code == 200
    answer = browser.post(
        "/app/invite",
        data={"csrf": csrf_of(page), "token": "inv_nonsense", "password": "long-enough-password"},
    )
    assert answer.status_code == 404
    assert 'id="f-token" name="token" type="text" value="inv_nonsense"' in answer.text
    assert '<p class="error" id="e-token">' in answer.text
    assert "not_found · request id <code>req_" in answer.text
    assert "long-enough-password" not in answer.text


def test_reserve_units_on_the_item_page_then_release_them(browser: TestClient, tenant: Tenant) -> None:
    csrf = sign_in(browser, tenant)
    item = tenant.create_item(sku="HOLD-1", name="Held")
    _, (shelf,) = warehouse_with_locations(tenant, "H-1")
    received = tenant.post(
        "/api/v1/movements",
        json={"type": "receive", "itemId": item["id"], "locationId": shelf["id"], "units": 5},
    )
    assert received.status_code == 201
    path = f"/app/items/{item['id']}/reservations"
    too_many = browser.post(
        path,
        data={
            "csrf": csrf,
            "idempotencyKey": "console-hold-1",
            "locationId": shelf["id"],
            "units": "9",
            "hours": "4",
        },
    )
    assert too_many.status_code == 422
    assert "insufficient_stock · request id <code>req_" in too_many.text
    assert 'id="f-units" name="units" type="text" value="9"' in too_many.text
    held = browser.post(
        path,
        data={
            "csrf": csrf,
            "idempotencyKey": "console-hold-2",
            "locationId": shelf["id"],
            "units": "2",
            "reference": "SO-77",
            "hours": "4",
        },
        follow_redirects=False,
    )
    assert (held.status_code, held.headers["location"]) == (303, f"/app/items/{item['id']}")
    (reservation,) = tenant.get(f"/api/v1/reservations?itemId={item['id']}").json()["data"]
    assert (reservation["units"], reservation["reference"], reservation["status"]) == (2, "SO-77", "active")
    page = browser.get(f"/app/items/{item['id']}")
    assert "<td>SO-77</td>" in page.text and "<strong>3</strong> available" in page.text
    released = browser.post(path, data={"csrf": csrf, "release": reservation["id"]}, follow_redirects=False)
    assert released.status_code == 303
    assert tenant.get(f"/api/v1/reservations/{reservation['id']}").json()["status"] == "released"


def test_an_edit_refused_shows_the_error_beside_its_field_and_keeps_the_values(
    browser: TestClient, tenant: Tenant
) -> None:
    csrf = sign_in(browser, tenant)
    item = tenant.create_item(sku="EDIT-1", name="Editable")
    page = browser.get(f"/app/items/{item['id']}")
    etag = re.search(r'name="etag" value="([^"]+)"', page.text)
    assert etag is not None
    refused = browser.post(
        f"/app/items/{item['id']}",
        data={
            "csrf": csrf,
            "etag": html.unescape(etag.group(1)),
            "action": "save",
            "sku": "EDIT-1",
            "name": "Renamed",
            "reorderPoint": "-3",
        },
    )
    assert refused.status_code == 400
    assert 'id="f-reorderPoint" name="reorderPoint" type="text" value="-3"' in refused.text
    assert '<p class="error" id="e-reorderPoint">' in refused.text
    assert 'value="Renamed"' in refused.text
    assert tenant.get(f"/api/v1/items/{item['id']}").json()["name"] == "Editable"
