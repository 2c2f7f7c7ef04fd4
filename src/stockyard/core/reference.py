"""Markdown tables of the built-in roles and the plans, generated from the one table of each
(`permissions.BUILTIN_ROLES`, `plans.effective_plans()`). docs/access-control.md embeds them; a test keeps
the document in step with the code."""

from __future__ import annotations

from stockyard.core.permissions import BUILTIN_ROLES, Permission
from stockyard.core.plans import LIMIT_LABELS, Capability, Limit, effective_plans


def roles_table() -> str:
    names = list(BUILTIN_ROLES)
    lines = [
        "| Permission | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for permission in Permission:
        marks = ["yes" if permission in BUILTIN_ROLES[name][1] else "—" for name in names]
        lines.append(f"| `{permission.value}` | " + " | ".join(marks) + " |")
    return "\n".join(lines) + "\n"


def plans_table() -> str:
    """The plans this process enforces (the built-in ones unless a plans file overrides them)."""
    table = effective_plans()
    plans = list(table)
    lines = [
        "| Limit or capability | " + " | ".join(plan.value for plan in plans) + " |",
        "|---|" + "---|" * len(plans),
    ]
    for limit in Limit:
        values = [f"{table[plan].limits[limit]:,}" for plan in plans]
        lines.append(f"| {LIMIT_LABELS[limit]} (`{limit.value}`) | " + " | ".join(values) + " |")
    for capability in Capability:
        marks = ["yes" if capability in table[plan].capabilities else "—" for plan in plans]
        lines.append(f"| capability `{capability.value}` | " + " | ".join(marks) + " |")
    rates = [f"{table[plan].requests_per_minute:,}" for plan in plans]
    lines.append("| requests per minute | " + " | ".join(rates) + " |")
    return "\n".join(lines) + "\n"
