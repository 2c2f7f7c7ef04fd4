"""The workspace resource (name, plan, limits), the `stockyard plan` command, capabilities."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from stockyard.cli import app as cli
from stockyard.core.permissions import ALL_PERMISSIONS
from stockyard.core.plans import PLANS, Capability, Limit, Plan
from stockyard.core.principal import Principal, PrincipalKind
from stockyard.errors import StockyardError
from stockyard.settings import get_settings
from tests.identity.access import add_member, create_key
from tests.support import Tenant, assert_error

WORKSPACE_KEYS = {"id", "name", "slug", "plan", "limits", "capabilities", "createdAt", "updatedAt"}


def test_get_the_workspace_with_its_plan(tenant: Tenant) -> None:
    response = tenant.get("/api/v1/workspace")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == WORKSPACE_KEYS
    assert body["id"] == tenant.workspace_id and body["slug"] == tenant.slug and body["plan"] == "free"
    # Limit names are camelCase on the wire like every other key of the document.
    free = PLANS[Plan.FREE].limits
    assert body["limits"] == {
        "items": free[Limit.ITEMS],
        "locations": free[Limit.LOCATIONS],
        "tags": free[Limit.TAGS],
        "members": free[Limit.MEMBERS],
        "apiKeys": free[Limit.API_KEYS],
        "transfersPerMonth": free[Limit.TRANSFERS_PER_MONTH],
        "webhookEndpoints": free[Limit.WEBHOOK_ENDPOINTS],
    }
    assert body["capabilities"] == []
    assert response.headers["etag"] == '"v1"'
    assert tenant.get("/api/v1/workspace", headers={"If-None-Match": '"v1"'}).status_code == 304


def test_rename_and_change_plan(tenant: Tenant) -> None:
    response = tenant.patch("/api/v1/workspace", json={"name": "Acme Stores", "plan": "business"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["name"] == "Acme Stores" and body["plan"] == "business"
    assert body["capabilities"] == sorted(c.value for c in PLANS[Plan.BUSINESS].capabilities)
    assert response.headers["etag"] == '"v2"'
    assert tenant.get("/api/v1/me").json()["workspace"]["plan"] == "business"
    assert_error(
        tenant.patch("/api/v1/workspace", json={"name": "Late"}, headers={"If-Match": '"v1"'}),
        "precondition_failed",
    )
    event = tenant.get("/api/v1/audit-events", params={"action": "workspace.updated"}).json()["data"][0]
    assert event["data"] == {"fields": ["name", "plan"], "fromPlan": "free", "toPlan": "business"}


def test_workspace_bodies_are_validated(tenant: Tenant) -> None:
    body = assert_error(
        tenant.patch("/api/v1/workspace", json={"plan": "platinum", "slug": "x"}), "validation_error"
    )
    assert set(body["details"]) == {"plan", "slug"}
    body = assert_error(
        tenant.patch("/api/v1/workspace", json={"name": None}), "validation_error", param="name"
    )
    assert set(body["details"]) == {"name"}


def test_only_workspace_managers_change_the_workspace(tenant: Tenant) -> None:
    admin = add_member(tenant, "admin")
    assert_error(
        admin.get("/api/v1/workspace"), "insufficient_permissions", message="Insufficient permissions."
    )
    assert_error(admin.patch("/api/v1/workspace", json={"plan": "business"}), "insufficient_permissions")
    assert tenant.get("/api/v1/workspace").json()["plan"] == "free"


def test_downgrading_keeps_data_but_blocks_growth(tenant: Tenant) -> None:
    assert tenant.patch("/api/v1/workspace", json={"plan": "team"}).status_code == 200
    for _ in range(3):
        create_key(tenant, scopes=["inventory.read"])
    assert tenant.patch("/api/v1/workspace", json={"plan": "free"}).status_code == 200
    assert len(tenant.get("/api/v1/api-keys").json()["data"]) == 3
    assert_error(
        tenant.post("/api/v1/api-keys", json={"name": "four", "scopes": ["inventory.read"]}),
        "exceeded_limit",
        message="Plan limit reached: 2 API keys on the free plan.",
    )


@pytest.fixture
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("STOCKYARD_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_cli_changes_the_plan(tenant: Tenant, cli_env: None) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["plan", tenant.slug, "team"])
    assert result.exit_code == 0, result.output
    assert f"Workspace '{tenant.slug}' moved from the free plan to the team plan." in result.output
    assert tenant.get("/api/v1/workspace").json()["plan"] == "team"
    event = tenant.get("/api/v1/audit-events", params={"action": "workspace.plan_changed"}).json()["data"][0]
    assert event["actor"] == {"type": "system", "id": None}
    assert event["data"] == {"fromPlan": "free", "toPlan": "team", "via": "cli"}

    again = runner.invoke(cli, ["plan", tenant.slug, "team"])
    assert again.exit_code == 0 and "already on the team plan" in again.output


def test_cli_refuses_unknown_workspaces_and_plans(tenant: Tenant, cli_env: None) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["plan", "no-such-workspace", "team"])
    assert missing.exit_code == 1
    assert "No workspace has the slug 'no-such-workspace'." in missing.output
    bad = runner.invoke(cli, ["plan", tenant.slug, "platinum"])
    assert bad.exit_code == 2
    assert "Unknown plan 'platinum'" in bad.output
    assert tenant.get("/api/v1/workspace").json()["plan"] == "free"


@pytest.mark.parametrize("plan", list(Plan))
def test_require_capability_follows_the_plan_table(plan: Plan) -> None:
    # Over HTTP this is exercised by the bulk-import and valuation-report routes (their issues).
    principal = Principal(
        kind=PrincipalKind.MEMBER,
        id="mem_x",
        workspace_id="wsp_x",
        workspace_slug="x",
        plan=plan.value,
        permissions=frozenset(ALL_PERMISSIONS),
    )
    for capability in Capability:
        if capability in PLANS[plan].capabilities:
            principal.require_capability(capability)
            continue
        with pytest.raises(StockyardError) as raised:
            principal.require_capability(capability)
        assert raised.value.spec.code == "missing_capability"
        assert (
            raised.value.message
            == f"The {plan.value} plan does not include the {capability.value} capability."
        )
