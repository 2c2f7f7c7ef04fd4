"""Markdown tables of the built-in roles and the plans, generated from the one table of each
(`permissions.BUILTIN_ROLES`, `plans.PLANS`). docs/access-control.md embeds them; a test keeps
the document in step with the code."""

from __future__ import annotations

from stockyard.core.permissions import BUILTIN_ROLES, Permission
from stockyard.core.plans import LIMIT_LABELS, PLANS, Capability, Limit


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
    plans = list(PLANS)
    lines = [
        "| Limit or capability | " + " | ".join(plan.value for plan in plans) + " |",
        "|---|" + "---|" * len(plans),
    ]
    for limit in Limit:
        values = [f"{PLANS[plan].limits[limit]:,}" for plan in plans]
        lines.append(f"| {LIMIT_LABELS[limit]} (`{limit.value}`) | " + " | ".join(values) + " |")
    for capability in Capability:
        marks = ["yes" if capability in PLANS[plan].capabilities else "—" for plan in plans]
        lines.append(f"| capability `{capability.value}` | " + " | ".join(marks) + " |")
    rates = [f"{PLANS[plan].requests_per_minute:,}" for plan in plans]
    lines.append("| requests per minute | " + " | ".join(rates) + " |")
    return "\n".join(lines) + "\n"
