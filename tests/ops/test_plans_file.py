"""The operator's plans file (`STOCKYARD_PLANS_FILE`, docs/operations.md, Plans): validated at
startup, enforced by the API, printed by `stockyard plans`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from stockyard.core.plans import PLANS, Capability, Limit, Plan, policy, use_plans
from stockyard.core.plans_file import PlansFileError, configure_plans, parse_plans_file
from tests.ops.cli import environment, serve, stockyard
from tests.servers import Startup, stop_processes
from tests.support import assert_error, create_tenant

OVERRIDES = """\
[plans.free]
requests_per_minute = 50

[plans.free.limits]
items = 2

[plans.team]
capabilities = ["bulk_import", "valuation_report"]
"""


def _file(directory: Path, text: str, name: str = "plans.toml") -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def builtin_plans_after() -> Iterator[None]:
    """The process's plans go back to the built-in table after the test."""
    yield
    use_plans(None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "[plans.team.limits]\nitemz = 3\n",
            "plans.team.limits.itemz: unknown limit; accepted: items, locations, tags, members, "
            "api_keys, transfers_per_month, webhook_endpoints",
        ),
        ("[plans.gold]\n", "plans.gold: unknown plan; accepted: free, team, business"),
        (
            "[plans.free]\nrpm = 5\n",
            "plans.free.rpm: unknown key; accepted: limits, requests_per_minute, capabilities",
        ),
        ("[plan.free]\n", "plan: unknown key; accepted: plans"),
        (
            "[plans.free]\nrequests_per_minute = -1\n",
            "plans.free.requests_per_minute: must be a whole number, 0 or more (not -1)",
        ),
        (
            "[plans.free.limits]\nitems = 2.5\n",
            "plans.free.limits.items: must be a whole number, 0 or more (not 2.5)",
        ),
        (
            '[plans.free.limits]\nitems = "10"\n',
            "plans.free.limits.items: must be a whole number, 0 or more (not '10')",
        ),
        (
            '[plans.team]\ncapabilities = ["bulk_import", "teleport"]\n',
            "plans.team.capabilities.1: unknown capability 'teleport'; accepted: bulk_import, "
            "valuation_report, webhooks",
        ),
        (
            "[plans.free\n",
            "not valid TOML (Expected ']' at the end of a table declaration (at line 1, column 12))",
        ),
    ],
)
def test_a_bad_file_is_refused_naming_the_key(tmp_path: Path, text: str, problem: str) -> None:
    path = _file(tmp_path, text)
    with pytest.raises(PlansFileError) as raised:
        parse_plans_file(path)
    assert str(raised.value) == f"plans file {path}: {problem}"


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(PlansFileError) as raised:
        parse_plans_file(path)
    assert str(raised.value) == f"plans file {path}: cannot be read (No such file or directory)"


def test_the_file_overrides_only_what_it_names(tmp_path: Path, builtin_plans_after: None) -> None:
    table = configure_plans(_file(tmp_path, OVERRIDES))
    assert policy("free") is table[Plan.FREE]
    assert table[Plan.FREE].limits == {**PLANS[Plan.FREE].limits, Limit.ITEMS: 2}
    assert table[Plan.FREE].requests_per_minute == 50
    assert table[Plan.FREE].capabilities == frozenset()
    assert table[Plan.TEAM].limits == PLANS[Plan.TEAM].limits
    assert table[Plan.TEAM].requests_per_minute == PLANS[Plan.TEAM].requests_per_minute
    assert table[Plan.TEAM].capabilities == {Capability.BULK_IMPORT, Capability.VALUATION_REPORT}
    assert table[Plan.BUSINESS] is PLANS[Plan.BUSINESS]
    assert PLANS[Plan.FREE].limits[Limit.ITEMS] == 100  # the built-in table itself is untouched
    use_plans(None)
    assert policy("free") is PLANS[Plan.FREE]


def test_the_server_enforces_the_file(database_url: str, tmp_path: Path) -> None:
    env = environment(database_url, tmp_path)
    env["STOCKYARD_PLANS_FILE"] = str(_file(tmp_path, OVERRIDES))
    env["STOCKYARD_RATE_LIMIT_ENABLED"] = "true"
    url, process, startup = serve(env, tmp_path / "server.log")
    try:
        assert startup is Startup.HEALTHY, (tmp_path / "server.log").read_text()
        with httpx.Client(base_url=url, timeout=10) as client:
            tenant = create_tenant(client)
            workspace = tenant.get("/api/v1/workspace")
            assert workspace.json()["limits"]["items"] == 2
            assert workspace.headers["ratelimit-limit"] == "50"
            tenant.create_item()
            tenant.create_item()
            third = tenant.post("/api/v1/items", json={"sku": "THIRD", "name": "Third"})
            assert_error(third, "exceeded_limit", message="Plan limit reached: 2 items on the free plan.")
    finally:
        stop_processes(process, grace=10, kill_wait=10)


def test_the_server_refuses_to_start_with_a_bad_file(database_url: str, tmp_path: Path) -> None:
    env = environment(database_url, tmp_path)
    path = _file(tmp_path, "[plans.team.limits]\nitemz = 3\n")
    env["STOCKYARD_PLANS_FILE"] = str(path)
    started = stockyard(env, "serve", "--port", "0")
    assert started.returncode == 2
    assert started.stdout == ""
    assert started.stderr.splitlines() == [
        f"plans file {path}: plans.team.limits.itemz: unknown limit; accepted: items, locations, "
        "tags, members, api_keys, transfers_per_month, webhook_endpoints"
    ]


def test_stockyard_plans_prints_the_effective_table(database_url: str, tmp_path: Path) -> None:
    env = environment(database_url, tmp_path)
    builtin = stockyard({k: v for k, v in env.items() if k != "STOCKYARD_PLANS_FILE"}, "plans")
    assert builtin.returncode == 0, builtin.stderr
    assert builtin.stdout.splitlines()[0] == "Plans: the built-in plans (STOCKYARD_PLANS_FILE is not set)."
    assert "| items (`items`) | 100 | 10,000 | 1,000,000 |" in builtin.stdout.splitlines()

    path = _file(tmp_path, OVERRIDES)
    env["STOCKYARD_PLANS_FILE"] = str(path)
    text = stockyard(env, "plans")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == f"Plans: the built-in plans overridden by {path} (STOCKYARD_PLANS_FILE)."
    assert "| items (`items`) | 2 | 10,000 | 1,000,000 |" in lines
    assert "| capability `valuation_report` | — | yes | yes |" in lines
    assert "| requests per minute | 50 | 600 | 3,000 |" in lines

    as_json = stockyard(env, "plans", "--json")
    assert as_json.returncode == 0, as_json.stderr
    document = json.loads(as_json.stdout)
    assert document["source"] == str(path)
    assert document["plans"]["free"] == {
        "limits": {
            "items": 2,
            "locations": 20,
            "tags": 20,
            "members": 3,
            "api_keys": 2,
            "transfers_per_month": 200,
            "webhook_endpoints": 0,
        },
        "requests_per_minute": 50,
        "capabilities": [],
    }
    assert document["plans"]["team"]["capabilities"] == ["bulk_import", "valuation_report"]
    assert set(document["plans"]) == {"free", "team", "business"}


def test_stockyard_plans_refuses_a_bad_file(database_url: str, tmp_path: Path) -> None:
    env = environment(database_url, tmp_path)
    path = _file(tmp_path, "[plans.gold]\n")
    env["STOCKYARD_PLANS_FILE"] = str(path)
    printed = stockyard(env, "plans")
    assert printed.returncode == 2
    assert printed.stderr.splitlines() == [
        f"plans file {path}: plans.gold: unknown plan; accepted: free, team, business"
    ]
