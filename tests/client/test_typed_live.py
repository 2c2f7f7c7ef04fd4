"""The generated resources against the live server: the identity and workspace resources, tags,
locations, CSV imports, per-call `RequestOptions`, caller-chosen idempotency keys, reports streamed
to a file, and the example of docs/clients.md run end to end."""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from stockyard_client import (
    AsyncClient,
    BadRequestError,
    Client,
    ForbiddenError,
    NotFoundError,
    RequestOptions,
    ServiceUnavailableError,
    UnauthorizedError,
    ValidationError,
)
from stockyard_client.models import Permission
from tests.client.live import GatewayProxy, LiveServer, Sleeps
from tests.support import Tenant, create_tenant

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


@pytest.fixture
def owner(live_server: LiveServer) -> Iterator[Tenant]:
    with httpx.Client(base_url=live_server.url) as http:
        yield create_tenant(http)


@pytest.fixture
def sy(live_server: LiveServer, owner: Tenant) -> Iterator[Client]:
    with Client(
        live_server.url, workspace=owner.slug, email=owner.email, password=owner.password, sleep=Sleeps()
    ) as client:
        yield client


def test_sign_up_then_sign_in_and_out(live_server: LiveServer) -> None:
    slug = f"typed-{uuid.uuid4().hex[:8]}"
    email = f"{slug}@example.com"
    with Client(live_server.url) as anonymous:
        assert anonymous.health() == {"status": "ok"}
        created = anonymous.sign_up(
            name="Typed", slug=slug, owner={"email": email, "name": "Ada", "password": PASSWORD}
        )
        assert (created["workspace"]["slug"], created["owner"]["email"]) == (slug, email)
        pair = anonymous.sign_in(slug, email, PASSWORD)
        assert anonymous.session.access_token == pair["accessToken"]
        me = anonymous.me()
        assert (me["principalType"], me["role"], me["workspace"]["slug"]) == ("member", "owner", slug)
        anonymous.sign_out()
        assert anonymous.session.access_token is None
        with pytest.raises(UnauthorizedError) as missing:
            anonymous.me()
        assert (missing.value.status_code, missing.value.code) == (401, "missing_credentials")


def test_workspace_roles_invites_members_api_keys_and_audit_events(
    live_server: LiveServer, sy: Client
) -> None:
    workspace = sy.workspace.get()
    renamed = sy.workspace.update(name="Renamed by the client")
    assert (renamed["id"], renamed["name"]) == (workspace["id"], "Renamed by the client")

    builtin = {role["name"] for role in sy.roles.list(builtin=True)}
    assert {"owner", "admin", "manager"} <= builtin
    permissions: list[Permission] = ["inventory.read", "reports.read"]
    role = sy.roles.create(name="auditor", description="Reads", permissions=permissions)
    assert (role["name"], sorted(role["permissions"])) == ("auditor", permissions)
    assert sy.roles.update(role["id"], description="Reads only")["description"] == "Reads only"
    assert sy.roles.get(role["id"])["id"] == role["id"]

    invited = f"invited-{uuid.uuid4().hex[:8]}@example.com"
    invite = sy.invites.create(email=invited, role="auditor")
    assert [i["id"] for i in sy.invites.list(status="pending")] == [invite["id"]]
    with Client(live_server.url) as newcomer:
        accepted = newcomer.invites.accept(token=invite["token"], name="Newcomer", password=PASSWORD)
    assert (accepted["user"]["email"], accepted["role"]) == (invited, "auditor")
    assert sy.invites.get(invite["id"])["status"] == "accepted"
    member = sy.members.get(accepted["memberId"])
    assert sy.members.update(member["id"], role="manager")["role"] == "manager"
    assert {m["id"] for m in sy.members.list()} >= {member["id"]}
    sy.members.remove(member["id"])
    with pytest.raises(NotFoundError):
        sy.members.get(member["id"])
    sy.roles.delete(role["id"])

    key = sy.api_keys.create(name="reader", scopes=["inventory.read"], read_only=True)
    assert key["secret"].startswith(key["prefix"])
    with Client(live_server.url, api_key=key["secret"]) as integration:
        assert integration.me()["principalType"] == "api_key"
        with pytest.raises(ForbiddenError):
            integration.items.create(sku="NOPE-1", name="Refused")
    assert [k["id"] for k in sy.api_keys.list(read_only=True)] == [key["id"]]
    assert sy.api_keys.get(key["id"])["name"] == "reader"
    sy.api_keys.revoke(key["id"])
    with pytest.raises(NotFoundError):
        sy.api_keys.get(key["id"])

    actions = {event["action"] for event in sy.audit_events.list(resource_type="api_key")}
    assert {"api_key.created", "api_key.revoked"} <= actions


def test_tags_and_locations_across_warehouses(sy: Client) -> None:
    run = uuid.uuid4().hex[:6].upper()
    tag = sy.tags.create(name=f"fragile-{run}")
    assert sy.tags.rename(tag["id"], name=f"glass-{run}")["name"] == f"glass-{run}"
    assert [t["id"] for t in sy.tags.list(q=f"glass-{run}")] == [tag["id"]]
    item = sy.items.create(sku=f"TAG-{run}", name="Tagged", tags=[f"glass-{run}"])
    assert [i["id"] for i in sy.items.list(tag=f"glass-{run}")] == [item["id"]]

    north = sy.warehouses.create(short_id=f"N-{run}", name="North")
    south = sy.warehouses.create(short_id=f"S-{run}", name="South")
    a = sy.locations.create(north["id"], code="A")
    b = sy.locations.create(south["id"], code="B")
    assert [loc["id"] for loc in sy.locations.list(north["id"])] == [a["id"]]
    assert {loc["id"] for loc in sy.locations.list_all()} == {a["id"], b["id"]}
    assert [loc["id"] for loc in sy.locations.list_all(warehouse_id=south["id"])] == [b["id"]]
    assert sy.locations.update(b["id"], name="Bay B")["name"] == "Bay B"
    sy.tags.delete(tag["id"])
    with pytest.raises(NotFoundError):
        sy.tags.get(tag["id"])


def test_a_validation_error_names_its_fields(sy: Client) -> None:
    with pytest.raises(ValidationError) as invalid:
        sy.items.create(sku="", name="No SKU", reorder_point=-1)
    error = invalid.value
    assert (error.status_code, error.error, error.code) == (400, "validation_error", "validation_error")
    assert error.details is not None
    assert set(error.details) == {"sku", "reorderPoint"}
    text = str(error)
    for field, messages in error.details.items():
        assert f"{field}: {' '.join(messages)}" in text


def test_an_unknown_keyword_is_refused_before_sending(sy: Client) -> None:
    with pytest.raises(TypeError) as refused:
        sy.items.create(sku="X-1", name="X", colour="red")  # type: ignore[call-arg]
    assert str(refused.value).startswith("ItemCreate has no field 'colour'")


def test_request_options_max_retries_and_headers(gateway: GatewayProxy, owner: Tenant) -> None:
    sleeps = Sleeps()
    with Client(gateway.url, access_token=owner.access_token, sleep=sleeps) as client:
        gateway.lose("GET", "/api/v1/items", 1)
        with pytest.raises(ServiceUnavailableError) as unavailable:
            list(client.items.list(options=RequestOptions(max_retries=0)))
        assert unavailable.value.code == "service_unavailable"
        assert sleeps.delays == []
        assert [s.path for s in gateway.seen] == ["/api/v1/items"]

        gateway.lose("GET", "/api/v1/items", 1)
        assert list(client.items.list(options=RequestOptions(timeout=10))) == []
        assert len(sleeps.delays) == 1  # the default policy retried the lost response

        with pytest.raises(ForbiddenError) as mismatch:
            client.items.list_page(options=RequestOptions(headers={"Stockyard-Workspace": "someone-else"}))
        assert mismatch.value.code == "tenant_mismatch"


def test_a_caller_chosen_idempotency_key_is_sent_and_replayed(gateway: GatewayProxy, owner: Tenant) -> None:
    key = f"key-{uuid.uuid4()}"
    with Client(gateway.url, access_token=owner.access_token, sleep=Sleeps()) as client:
        first = client.items.create(sku=f"IDEM-{uuid.uuid4().hex[:6]}", name="Once", idempotency_key=key)
        again = client.items.create(sku=first["sku"], name="Once", idempotency_key=key)
    assert again == first
    posts = [s for s in gateway.seen if s.method == "POST"]
    assert [(s.idempotency_key, s.replayed) for s in posts] == [(key, False), (key, True)]


def test_reports_stream_to_a_path_or_a_file_and_a_failure_writes_nothing(sy: Client, tmp_path: Path) -> None:
    warehouse = sy.warehouses.create(short_id=f"R-{uuid.uuid4().hex[:5].upper()}", name="Reports")
    shelf = sy.locations.create(warehouse["id"], code="R1")
    item = sy.items.create(sku=f"REP-{uuid.uuid4().hex[:6]}", name="Reported")
    sy.movements.receive(item_id=item["id"], location_id=shelf["id"], units=7)
    path = tmp_path / "soh.csv"
    written = sy.reports.save("stock-on-hand", path, warehouse_id=warehouse["id"])
    content = path.read_bytes()
    assert written == len(content) > 0
    assert item["sku"].encode() in content
    assert content == sy.reports.download("stock-on-hand", warehouse_id=warehouse["id"])
    buffer = io.BytesIO()
    assert sy.reports.save("stock-on-hand", buffer, warehouse_id=warehouse["id"]) == written
    assert buffer.getvalue() == content
    missing = tmp_path / "never.csv"
    with pytest.raises(BadRequestError) as invalid:
        sy.reports.save("stock-on-hand", missing, as_of="not a time")
    assert (invalid.value.code, invalid.value.param) == ("invalid_parameter", "asOf")
    assert not missing.exists()


def test_items_import_from_csv(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url) as http:
        owner = create_tenant(http)
        assert owner.patch("/api/v1/workspace", json={"plan": "team"}).status_code == 200
    run = uuid.uuid4().hex[:6].upper()
    with Client(live_server.url, access_token=owner.access_token, sleep=Sleeps()) as sy:
        job = sy.items.bulk_csv(f"sku,name\nCSV-{run}-1,One\nCSV-{run}-2,Two\n")
        finished = sy.wait_for_job(job["id"], poll_interval=0.05, max_wait=60)
        assert finished["status"] == "succeeded"
        assert {i["sku"] for i in sy.items.list(q=f"CSV-{run}")} == {f"CSV-{run}-1", f"CSV-{run}-2"}


def test_the_async_client_has_the_same_resources(live_server: LiveServer, owner: Tenant) -> None:
    async def run() -> None:
        async with AsyncClient(
            live_server.url, workspace=owner.slug, email=owner.email, password=owner.password
        ) as client:
            tag = await client.tags.create(name=f"async-{uuid.uuid4().hex[:6]}")
            assert [t["id"] async for t in client.tags.list()] == [tag["id"]]
            page = await client.tags.list_page(limit=1)
            assert ([t["id"] for t in page["data"]], page["hasMore"]) == ([tag["id"]], False)
            warehouse = await client.warehouses.create(
                short_id=f"AS-{uuid.uuid4().hex[:4].upper()}", name="Async"
            )
            bin_ = await client.locations.create(warehouse["id"], code="B1")
            item = await client.items.create(sku=f"ASY-{uuid.uuid4().hex[:6]}", name="Async")
            moved = await client.movements.receive(item_id=item["id"], location_id=bin_["id"], units=2)
            assert moved["balanceAfter"] == 2
            assert (await client.stock.for_item(item["id"]))["itemId"] == item["id"]
            report = await client.reports.download("stock-on-hand", warehouse_id=warehouse["id"])
            assert item["sku"].encode() in report
            assert (await client.me())["workspace"]["slug"] == owner.slug

    asyncio.run(run())


def test_the_example_of_the_guide_runs_against_the_server(live_server: LiveServer, tmp_path: Path) -> None:
    report = tmp_path / "report.csv"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "clients" / "python" / "examples" / "inventory.py"),
            "--url",
            live_server.url,
            "--report",
            str(report),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Created workspace tour-")
    assert "Could not issue 50: insufficient_stock: " in result.stdout
    assert "Duplicate SKU refused: duplicate_sku" in lines
    assert "3 items over pages of 2 (the first has 2, more: True)" in lines
    assert "Invalid item: 400 validation_error: " in result.stdout
    assert lines[-1] == f"Saved the stock-on-hand report to {report} ({report.stat().st_size} bytes)"
    assert report.read_text(encoding="utf-8").startswith(("itemId", "sku", "item", "warehouse"))


def test_a_streamed_report_is_retried_after_a_lost_answer(
    gateway: GatewayProxy, owner: Tenant, tmp_path: Path
) -> None:
    sleeps = Sleeps()
    with Client(gateway.url, access_token=owner.access_token, sleep=sleeps) as client:
        gateway.lose("GET", "/api/v1/reports/stock-on-hand", 1)
        path = tmp_path / "soh.csv"
        written = client.reports.save("stock-on-hand", path)
    assert written == path.stat().st_size > 0
    assert len(sleeps.delays) == 1
    assert [(s.path, s.status) for s in gateway.seen] == [
        ("/api/v1/reports/stock-on-hand", 503),
        ("/api/v1/reports/stock-on-hand", 200),
    ]
