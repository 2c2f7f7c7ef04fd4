"""Plans: their limits and capabilities. `policy()` is the one lookup plan enforcement and the docs
read: the built-in table (`PLANS`) with an operator's plans file laid over it
(`STOCKYARD_PLANS_FILE`, core/plans_file.py; docs/operations.md, Plans)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Plan(StrEnum):
    FREE = "free"
    TEAM = "team"
    BUSINESS = "business"


class Limit(StrEnum):
    ITEMS = "items"
    LOCATIONS = "locations"
    TAGS = "tags"
    MEMBERS = "members"
    API_KEYS = "api_keys"
    TRANSFERS_PER_MONTH = "transfers_per_month"
    WEBHOOK_ENDPOINTS = "webhook_endpoints"


class Capability(StrEnum):
    BULK_IMPORT = "bulk_import"
    VALUATION_REPORT = "valuation_report"
    WEBHOOKS = "webhooks"


@dataclass(frozen=True, slots=True)
class PlanPolicy:
    plan: Plan
    limits: dict[Limit, int]
    capabilities: frozenset[Capability]
    requests_per_minute: int


LIMIT_LABELS: dict[Limit, str] = {
    Limit.ITEMS: "items",
    Limit.LOCATIONS: "locations",
    Limit.TAGS: "tags",
    Limit.MEMBERS: "members",
    Limit.API_KEYS: "API keys",
    Limit.TRANSFERS_PER_MONTH: "transfers per month",
    Limit.WEBHOOK_ENDPOINTS: "webhook endpoints",
}

PLANS: dict[Plan, PlanPolicy] = {
    Plan.FREE: PlanPolicy(
        Plan.FREE,
        {
            Limit.ITEMS: 100,
            Limit.LOCATIONS: 20,
            Limit.TAGS: 20,
            Limit.MEMBERS: 3,
            Limit.API_KEYS: 2,
            Limit.TRANSFERS_PER_MONTH: 200,
            Limit.WEBHOOK_ENDPOINTS: 0,  # and no webhooks capability
        },
        frozenset(),
        requests_per_minute=100,
    ),
    Plan.TEAM: PlanPolicy(
        Plan.TEAM,
        {
            Limit.ITEMS: 10_000,
            Limit.LOCATIONS: 500,
            Limit.TAGS: 200,
            Limit.MEMBERS: 25,
            Limit.API_KEYS: 10,
            Limit.TRANSFERS_PER_MONTH: 10_000,
            Limit.WEBHOOK_ENDPOINTS: 5,
        },
        frozenset({Capability.BULK_IMPORT, Capability.WEBHOOKS}),
        requests_per_minute=600,
    ),
    Plan.BUSINESS: PlanPolicy(
        Plan.BUSINESS,
        {
            Limit.ITEMS: 1_000_000,
            Limit.LOCATIONS: 20_000,
            Limit.TAGS: 5_000,
            Limit.MEMBERS: 500,
            Limit.API_KEYS: 100,
            Limit.TRANSFERS_PER_MONTH: 1_000_000,
            Limit.WEBHOOK_ENDPOINTS: 50,
        },
        frozenset({Capability.BULK_IMPORT, Capability.VALUATION_REPORT, Capability.WEBHOOKS}),
        requests_per_minute=3_000,
    ),
}


# The effective table of this process: set once at startup by `use_plans` (the app, the command
# line), the built-in table until then. Tests go back to the built-in one with `use_plans(None)`.
_effective: dict[Plan, PlanPolicy] | None = None


def use_plans(table: dict[Plan, PlanPolicy] | None) -> None:
    """Make `table` this process's plans (None: the built-in `PLANS`)."""
    global _effective
    _effective = table


def effective_plans() -> dict[Plan, PlanPolicy]:
    """Every plan's policy as this process enforces it."""
    return PLANS if _effective is None else _effective


def policy(plan: str) -> PlanPolicy:
    return effective_plans()[Plan(plan)]
