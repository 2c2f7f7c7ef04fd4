"""The console in a real browser (chromium through Playwright) against a live server: what a
warehouse clerk and an admin do, each page checked by axe-core and photographed at desktop and
phone width (tests/console/browser.py)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.client.live import LiveServer
from tests.console.browser import DESKTOP, Checker, new_tenant, sign_in
from tests.console.helpers import warehouse_with_locations
from tests.security.stores import set_plan
from tests.servers import server_env
from tests.support import Tenant

# A 4xx or 503 page is the console showing an API error, as the tests expect; anything else logged
# as an error (a script error, a CSP violation, a 500) fails the test.
ANSWERED = re.compile(r"Failed to load resource: the server responded with a status of (4\d\d|503) ")


@pytest.fixture(scope="module")
def checker(axe_source: str | None, screenshot_dir: Path) -> Checker:
    return Checker(axe_source, screenshot_dir)


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    context.close()
    assert [e for e in errors if not ANSWERED.match(e)] == []


@pytest.fixture
def owner(live_server: LiveServer) -> Tenant:
    return new_tenant(live_server.url)


def test_sign_in_with_the_keyboard_then_create_an_item_after_a_field_error(
    page: Any, live_server: LiveServer, owner: Tenant, checker: Checker
) -> None:
    base = live_server.url
    page.goto(f"{base}/")
    page.wait_for_url(re.compile(r"/app/sign-in"))
    checker.page(page, "01-sign-in")
    sign_in(page, base, owner.slug, owner.email, owner.password)
    assert page.get_by_role("heading", name="Items").is_visible()
    owner.post("/api/v1/tags", json={"name": "fasteners"})
    owner.create_item(sku="M6-BOLT", name="Bolt M6", tags=["fasteners"], reorderPoint=10)
    owner.create_item(sku="M6-NUT", name="Nut M6", tags=["fasteners"])
    page.reload()
    assert page.locator(".problem").count() == 0  # every API call of the page answered
    checker.page(page, "02-items")

    page.get_by_role("link", name="New item").click()
    page.get_by_label("SKU").fill("bad sku!")
    page.get_by_label("Name").fill("Washer M6")
    page.get_by_role("button", name="Create item").click()
    problem = page.locator("#problem")
    assert problem.locator(".problem-message").inner_text() == "Model validation failed."
    assert re.search(r"request id req_\w+", problem.locator(".small").inner_text())
    sku = page.get_by_label("SKU")
    assert sku.get_attribute("aria-invalid") == "true"
    page.wait_for_function("() => document.activeElement.id === 'f-sku'")  # focus lands on the field
    assert page.locator("#e-sku").inner_text().startswith("The field sku must be 1 to 64 characters")
    assert page.get_by_label("Name").input_value() == "Washer M6"
    checker.page(page, "03-item-new-error")

    sku.fill("M6-WASHER")
    page.get_by_role("button", name="Create item").click()
    page.wait_for_url(re.compile(r"/app/items/itm_"))
    assert page.locator(".flash").inner_text() == "Item M6-WASHER created."
    assert owner.get("/api/v1/items?sku=M6-WASHER").json()["data"][0]["name"] == "Washer M6"


def test_search_as_you_type_filters_the_list_in_place(
    page: Any, live_server: LiveServer, owner: Tenant
) -> None:
    for sku, name in (("CBL-1", "Cable tie"), ("CBL-2", "Cable clip"), ("GLV-1", "Gloves")):
        owner.create_item(sku=sku, name=name)
    sign_in(page, live_server.url, owner.slug, owner.email, owner.password)
    rows = page.locator("#results tbody tr")
    assert rows.count() == 3
    page.get_by_label("Search SKU or name").press_sequentially("cable", delay=30)
    page.wait_for_function("() => document.querySelectorAll('#results tbody tr').length === 2")
    assert sorted(rows.locator("td:first-child").all_inner_texts()) == ["CBL-1", "CBL-2"]
    assert page.url.endswith("q=cable&tag=&archived=false&sort=-createdAt")
    page.get_by_label("Sort").select_option("sku")
    page.wait_for_function("() => location.search.includes('sort=sku')")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#results tbody td:first-child')].map(td => td.innerText).join() === 'CBL-1,CBL-2'"
    )


def test_receive_with_a_scanned_barcode_then_transfer(
    page: Any, live_server: LiveServer, owner: Tenant, checker: Checker
) -> None:
    item = owner.create_item(sku="TAPE-50", name="Packing tape", barcode="5012345678900", reorderPoint=20)
    _, (dock, shelf) = warehouse_with_locations(owner, "DOCK", "SHELF-1")
    base = live_server.url
    sign_in(page, base, owner.slug, owner.email, owner.password)
    page.goto(f"{base}/app/stock/receive")
    page.get_by_label("Location").select_option(dock["id"])
    code = page.get_by_label("SKU or barcode")
    code.focus()
    page.keyboard.type("5012345678900")  # what a scanner does: the code, then Enter
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'f-units'")
    assert page.locator("#scan-result").inner_text() == "TAPE-50 — Packing tape"
    checker.page(page, "04-receive")
    page.keyboard.type("30")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/app/stock/receive\?location="))
    assert page.locator(".flash").inner_text() == "Received 30 of TAPE-50."
    assert page.get_by_label("Location").input_value() == dock["id"]  # ready for the next scan
    page.wait_for_function("() => document.activeElement.id === 'f-code'")

    page.goto(f"{base}/app/stock/transfer")
    page.get_by_label("From location").select_option(dock["id"])
    page.get_by_label("To location").select_option(shelf["id"])
    page.get_by_label("SKU or barcode").fill("TAPE-50")
    page.get_by_label("SKU or barcode").press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'f-units'")
    page.keyboard.type("18")
    page.get_by_role("button", name="Transfer", exact=True).click()
    page.wait_for_url(re.compile(r"/app/stock/transfer\?location="))
    assert page.locator(".flash").inner_text() == "Transferred 18 of TAPE-50."
    levels = {
        row["locationId"]: row["onHand"]
        for row in owner.get(f"/api/v1/items/{item['id']}/stock").json()["locations"]
    }
    assert levels == {dock["id"]: 12, shelf["id"]: 18}

    page.goto(f"{base}/app/stock")
    low = page.locator("tr.low")
    assert low.count() == 2  # 12 and 18 are both at or below the reorder point of 20
    assert page.locator(".problem").count() == 0  # every API call of the page answered
    checker.page(page, "05-stock")
    page.goto(f"{base}/app/items/{item['id']}")
    movements = page.locator("section[aria-labelledby=mov-h] tbody tr td:nth-child(2)").all_inner_texts()
    assert sorted(movements) == ["receive", "transfer_in", "transfer_out"]
    assert page.locator(".problem").count() == 0  # every API call of the page answered
    checker.page(page, "06-item")


def test_sign_in_past_the_login_limit_shows_the_wait(
    page: Any, start_server: Callable[..., LiveServer]
) -> None:
    server = start_server(rate_limit_enabled="true", login_rate_limit_per_minute="1")
    owner = new_tenant(server.url)  # its sign-in spends the one attempt a minute
    page.goto(f"{server.url}/app/sign-in")
    page.get_by_label("Workspace").fill(owner.slug)
    page.get_by_label("Email").fill(owner.email)
    page.get_by_label("Password").fill(owner.password)
    page.get_by_role("button", name="Sign in").click()
    problem = page.locator("#problem")
    problem.wait_for()
    wait = int(problem.get_attribute("data-retry-after") or "0")
    assert 0 < wait <= 60
    assert "rate_limited" in problem.locator(".small").inner_text()
    assert re.fullmatch(
        r"Too many attempts: try again in \d+ seconds\.", problem.locator("p").nth(1).inner_text()
    )


def test_sign_out_ends_the_session(page: Any, live_server: LiveServer, owner: Tenant) -> None:
    base = live_server.url
    sign_in(page, base, owner.slug, owner.email, owner.password)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{base}/app/sign-in")
    assert page.locator(".flash").inner_text() == "You are signed out."
    page.goto(f"{base}/app/items")
    page.wait_for_url(re.compile(r"/app/sign-in\?next="))
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert "sy_access" not in cookies and "sy_refresh" not in cookies
    assert cookies["sy_csrf"]["httpOnly"] is True and cookies["sy_csrf"]["sameSite"] == "Strict"


def test_invite_a_viewer_who_accepts_and_sees_no_write_controls(
    page: Any, chromium: Any, live_server: LiveServer, owner: Tenant, checker: Checker
) -> None:
    base = live_server.url
    item = owner.create_item(sku="VIEW-1", name="Looked at")
    sign_in(page, base, owner.slug, owner.email, owner.password)
    page.get_by_role("link", name="Admin").click()
    assert page.locator(".problem").count() == 0  # every API call of the page answered
    checker.page(page, "07-admin")
    page.get_by_role("link", name="Members and invites").click()
    page.get_by_label("Email").fill("someone@localhost")  # the browser accepts it; the API does not
    page.get_by_role("button", name="Send invite").click()
    assert page.get_by_label("Email").get_attribute("aria-invalid") == "true"
    assert page.locator("#problem .small").inner_text().startswith("validation_error · request id req_")
    viewer_email = f"viewer-{owner.slug}@example.com"
    page.get_by_label("Email").fill(viewer_email)
    page.get_by_label("Role", exact=True).select_option("viewer")
    page.get_by_role("button", name="Send invite").click()
    link = page.get_by_label("Invite link").input_value()
    assert link.startswith(f"{base}/app/invite#token=")
    assert page.locator("section[aria-labelledby=pending-h] tbody").inner_text().startswith(viewer_email)
    checker.page(page, "08-members")

    invitee = chromium.new_context(viewport=DESKTOP)
    try:
        other = invitee.new_page()
        other.goto(link)
        assert other.get_by_label("Invite code").input_value() == link.split("#token=")[1]
        checker.page(other, "09-invite")
        other.get_by_label("Your name").fill("Vera Viewer")
        other.get_by_label("Password").fill("viewer-password-1")
        other.get_by_role("button", name="Accept and sign in").click()
        other.wait_for_url(f"{base}/app/items")
        assert other.locator(".flash").inner_text() == f"Welcome to Workspace {owner.slug}."
        assert "viewer" in other.locator(".who").inner_text()
        # No write control anywhere the viewer goes.
        assert other.get_by_role("link", name="New item").count() == 0
        assert other.get_by_role("link", name="Import").count() == 0
        assert other.get_by_role("link", name="Admin").count() == 0
        other.goto(f"{base}/app/stock")
        assert other.get_by_role("link", name="Receive").count() == 0
        other.goto(f"{base}/app/items/{item['id']}")
        assert other.get_by_role("button", name="Save changes").count() == 0
        assert other.get_by_role("button", name="Archive").count() == 0
        assert other.locator("dl.facts").is_visible()
        checker.page(other, "10-item-viewer")
        # Forced, the form answers with the API's own 403.
        other.goto(f"{base}/app/items/new")
        other.get_by_label("SKU").fill("FORCED-1")
        other.get_by_label("Name").fill("Forced")
        other.get_by_role("button", name="Create item").click()
        assert (
            other.locator("#problem .small").inner_text().startswith("insufficient_permissions · request id")
        )
        assert owner.get("/api/v1/items?sku=FORCED-1").json()["data"] == []
    finally:
        invitee.close()


def test_create_an_api_key_see_its_secret_once_then_revoke_it(
    page: Any, live_server: LiveServer, owner: Tenant, checker: Checker
) -> None:
    base = live_server.url
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in(page, base, owner.slug, owner.email, owner.password)
    page.goto(f"{base}/app/admin/api-keys")
    page.get_by_label("Name").fill("web shop")
    page.get_by_label("Read items and stock").uncheck()
    page.get_by_role("button", name="Create key").click()
    assert page.locator("#e-scopes").is_visible()  # no permission chosen: the API's field error
    page.get_by_label("Read items and stock").check()
    page.get_by_label("Record movements, edit items").check()
    page.get_by_role("button", name="Create key").click()
    secret = page.get_by_label("Secret").input_value()
    assert secret.startswith("sy_live_")
    page.get_by_role("button", name="Copy secret").click()
    page.get_by_role("button", name="Copied").wait_for()
    assert page.evaluate("() => navigator.clipboard.readText()") == secret
    checker.page(page, "11-api-keys")
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {secret}"}) as integration:
        assert integration.get("/api/v1/me").json()["permissions"] == ["inventory.read", "inventory.write"]
        page.reload()  # the secret is never shown again
        assert page.get_by_label("Secret").count() == 0
        assert secret not in page.content()
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="Revoke web shop").click()
        page.wait_for_url(f"{base}/app/admin/api-keys")
        assert page.locator(".flash").inner_text() == "API key revoked."
        revoked = integration.get("/api/v1/me")
        assert revoked.status_code == 401
    page.goto(f"{base}/app/admin/audit")
    actions = page.locator("tbody td:nth-child(3)").all_inner_texts()
    assert actions[:2] == ["api_key.revoked", "api_key.created"]
    assert page.locator(".problem").count() == 0  # every API call of the page answered
    checker.page(page, "12-audit")
    page.goto(f"{base}/app/admin")
    page.get_by_role("link", name="Roles").click()
    assert page.locator("tbody tr").count() >= 4  # the built-in roles
    assert page.locator(".problem").count() == 0  # every API call of the page answered
    checker.page(page, "19-roles")


def test_a_stocktake_with_a_difference_records_the_count_movement(
    page: Any, live_server: LiveServer, owner: Tenant, checker: Checker
) -> None:
    base = live_server.url
    rope = owner.create_item(sku="ROPE-10", name="Rope 10 m", barcode="7311111111111")
    hook = owner.create_item(sku="HOOK-1", name="Hook")
    _, (bay,) = warehouse_with_locations(owner, "BAY-3")
    for item, units in ((rope, 8), (hook, 4)):
        received = owner.post(
            "/api/v1/movements",
            json={"type": "receive", "itemId": item["id"], "locationId": bay["id"], "units": units},
        )
        assert received.status_code == 201, received.text
    sign_in(page, base, owner.slug, owner.email, owner.password)
    page.get_by_role("link", name="Stocktakes").click()
    page.get_by_label("Location to count").select_option(bay["id"])
    page.get_by_role("button", name="Start stocktake").click()
    page.wait_for_url(re.compile(r"/app/stocktakes/stk_"))
    assert page.locator(".flash").inner_text() == "Stocktake started."
    page.set_viewport_size({"width": 390, "height": 844})  # counted on a phone
    for code, counted in (("7311111111111", "6"), ("HOOK-1", "4")):
        page.wait_for_function("() => document.activeElement.id === 'f-code'")
        page.keyboard.type(code)
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.id === 'f-countedUnits'")
        page.keyboard.type(counted)
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert page.locator(".flash").inner_text() == "Counted 4 of HOOK-1."
    rows = page.locator("section[aria-labelledby=diff-h] tbody tr")
    assert [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())] == [
        ["HOOK-1", "4", "4", "0"],
        ["ROPE-10", "8", "6", "-2"],
    ]
    page.set_viewport_size(DESKTOP)
    checker.page(page, "13-stocktake-count")
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.get_by_role("button", name="Complete").click()
    assert page.locator(".flash").inner_text() == "Stocktake completed: the differences are recorded."
    moved = page.locator("section[aria-labelledby=moved-h] tbody tr td").all_inner_texts()
    assert moved == ["ROPE-10", "-2", "6"]
    assert page.locator(".problem").count() == 0  # every API call of the page answered
    checker.page(page, "14-stocktake-done")
    assert owner.get(f"/api/v1/items/{rope['id']}/stock").json()["onHand"] == 6


def test_import_a_csv_with_one_bad_row_dry_run_first(
    page: Any,
    live_server: LiveServer,
    owner: Tenant,
    checker: Checker,
    database_url: str,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    set_plan(database_url, data_dir, owner.slug, "team")  # bulk import is a capability of the team plan
    base = live_server.url
    csv_file = tmp_path / "items.csv"
    csv_file.write_text(
        "sku,name,reorderPoint\nIMP-1,Imported one,5\nIMP 2,Bad sku,1\nIMP-3,Imported three,\n"
    )
    sign_in(page, base, owner.slug, owner.email, owner.password)
    page.get_by_role("link", name="Import").click()
    page.get_by_label("CSV file").set_input_files(str(csv_file))
    page.wait_for_function("() => document.getElementById('f-csv').value.startsWith('sku,name')")
    page.get_by_role("button", name="Check (dry run)").click()
    heading = page.locator("#check-h")
    assert heading.inner_text() == "Dry run: 2 of 3 rows can be imported, 1 cannot"
    cells = page.locator("#check tbody tr td").all_inner_texts()
    assert cells[0] == "3"  # the CSV line of the bad row (the header is line 1)
    assert "sku" in cells[1]
    assert owner.get("/api/v1/items?q=IMP").json()["data"] == []  # a dry run writes nothing
    checker.page(page, "15-import-dry-run")
    page.get_by_role("button", name="Import 2 rows").click()
    page.wait_for_url(re.compile(r"/app/jobs/job_"))
    page.wait_for_function("() => document.querySelector('h1 .badge').innerText === 'partially failed'")
    assert page.locator(".card [role=status]").inner_text() == "3 of 3 rows handled: 2 imported, 1 failed."
    checker.page(page, "16-import-job")
    assert sorted(i["sku"] for i in owner.get("/api/v1/items?q=IMP").json()["data"]) == ["IMP-1", "IMP-3"]


def test_reports_show_rows_and_download_csv(
    page: Any, live_server: LiveServer, owner: Tenant, checker: Checker
) -> None:
    base = live_server.url
    item = owner.create_item(sku="REP-1", name="Reported", reorderPoint=5)
    _, (shelf,) = warehouse_with_locations(owner, "R-1")
    owner.post(
        "/api/v1/movements",
        json={"type": "receive", "itemId": item["id"], "locationId": shelf["id"], "units": 3},
    )
    sign_in(page, base, owner.slug, owner.email, owner.password)
    page.get_by_role("link", name="Reports").click()
    assert "REP-1" in page.locator("tbody").inner_text()
    assert page.locator(".problem").count() == 0  # every API call of the page answered
    checker.page(page, "17-reports")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    text = Path(download.value.path()).read_text()
    assert text.splitlines()[0].startswith("sku,") or "sku" in text.splitlines()[0]
    assert "REP-1" in text
    page.get_by_role("link", name="Low stock").click()
    assert "REP-1" in page.locator("tbody").inner_text()


def test_a_webhook_url_to_a_private_address_is_refused_beside_its_field(
    page: Any, live_server: LiveServer, owner: Tenant, checker: Checker, database_url: str, data_dir: Path
) -> None:
    set_plan(database_url, data_dir, owner.slug, "team")  # webhooks are a capability of the team plan
    base = live_server.url
    sign_in(page, base, owner.slug, owner.email, owner.password)
    page.goto(f"{base}/app/admin")
    page.get_by_role("link", name="Webhooks").click()
    page.get_by_label("URL").fill("https://127.0.0.1/hook")
    page.get_by_label("item.created").check()
    page.get_by_role("button", name="Create endpoint").click()
    assert page.get_by_label("URL").get_attribute("aria-invalid") == "true"
    assert page.locator("#problem .small").inner_text().startswith("invalid_webhook_url · request id req_")
    assert page.get_by_label("item.created").is_checked()  # the choices survive the error
    checker.page(page, "18-webhooks")


def maintenance(database_url: str, data_dir: Path, *switch: str) -> None:
    """`stockyard maintenance on|off`, as an operator runs it (every /api route answers 503)."""
    done = subprocess.run(
        [sys.executable, "-m", "stockyard", "maintenance", *switch],
        env=server_env(database_url, data_dir, "operator-secret-key-that-is-long-enough-for-hs256"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_form_posted_during_maintenance_is_posted_again_by_itself_once_it_is_over(
    page: Any, live_server: LiveServer, owner: Tenant, database_url: str, data_dir: Path, checker: Checker
) -> None:
    base = live_server.url
    item = owner.create_item(sku="MAINT-1", name="Patient")
    _, (shelf,) = warehouse_with_locations(owner, "M-1")
    sign_in(page, base, owner.slug, owner.email, owner.password)
    page.goto(f"{base}/app/stock/receive")
    page.get_by_label("Location").select_option(shelf["id"])
    page.get_by_label("SKU or barcode").fill("MAINT-1")
    page.get_by_label("Units").fill("4")
    try:
        maintenance(database_url, data_dir, "on", "--retry-after", "2")
        time.sleep(1.2)  # every server process reads the switch at most once a second
        page.get_by_role("button", name="Receive").click()
        problem = page.locator("#problem")
        problem.wait_for()
        assert problem.locator(".small").inner_text().startswith("maintenance · request id req_")
        assert problem.get_attribute("data-retry-after") == "2"
        assert re.fullmatch(
            r"Not available right now: trying again in [12] seconds\.",
            problem.locator("p").nth(1).inner_text(),
        )
        checker.page(page, "20-maintenance-retry")
    finally:
        maintenance(database_url, data_dir, "off")
    # Posted again by itself, with the same Idempotency-Key, once the API answers again.
    page.wait_for_url(re.compile(r"/app/stock/receive\?location="), timeout=20_000)
    assert page.locator(".flash").inner_text() == "Received 4 of MAINT-1."
    assert owner.get(f"/api/v1/items/{item['id']}/stock").json()["onHand"] == 4


def test_keyboard_focus_is_visible_and_the_skip_link_leads_to_the_content(
    page: Any, live_server: LiveServer, owner: Tenant
) -> None:
    base = live_server.url
    sign_in(page, base, owner.slug, owner.email, owner.password)
    page.keyboard.press("Tab")
    skip = page.evaluate(
        "() => { const e = document.activeElement; const r = e.getBoundingClientRect();"
        " return {text: e.innerText, left: r.left, outline: getComputedStyle(e).outlineStyle}; }"
    )
    assert skip == {"text": "Skip to content", "left": skip["left"], "outline": "solid"}
    assert skip["left"] >= 0  # shown once focused
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'main'")
    seen = []
    for _ in range(6):  # New item, then the filters: each focused control has a visible outline
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                "() => { const e = document.activeElement; const s = getComputedStyle(e);"
                " return [e.id || e.innerText, s.outlineStyle, parseFloat(s.outlineWidth)]; }"
            )
        )
    assert [name for name, _, _ in seen] == ["New item", "f-q", "f-tag", "f-archived", "f-sort", "Search"]
    assert all(style == "solid" and width >= 2 for _, style, width in seen), seen
