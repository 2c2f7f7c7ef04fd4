"""Permissions, and the built-in roles that bundle them. The one table access control reads."""

from __future__ import annotations

from enum import StrEnum


class Permission(StrEnum):
    INVENTORY_READ = "inventory.read"
    INVENTORY_WRITE = "inventory.write"
    WAREHOUSES_MANAGE = "warehouses.manage"
    REPORTS_READ = "reports.read"
    REPORTS_FINANCIAL = "reports.financial"
    MEMBERS_MANAGE = "members.manage"
    API_KEYS_MANAGE = "api_keys.manage"
    ROLES_MANAGE = "roles.manage"
    WORKSPACE_MANAGE = "workspace.manage"
    WEBHOOKS_MANAGE = "webhooks.manage"


ALL_PERMISSIONS: frozenset[Permission] = frozenset(Permission)

BUILTIN_ROLES: dict[str, tuple[str, frozenset[Permission]]] = {
    "owner": ("Full control of the workspace, its plan and its members.", ALL_PERMISSIONS),
    "admin": (
        "Everything but changing the workspace itself.",
        ALL_PERMISSIONS - {Permission.WORKSPACE_MANAGE},
    ),
    "manager": (
        "Runs the inventory: stock, warehouses, all reports.",
        frozenset(
            {
                Permission.INVENTORY_READ,
                Permission.INVENTORY_WRITE,
                Permission.WAREHOUSES_MANAGE,
                Permission.REPORTS_READ,
                Permission.REPORTS_FINANCIAL,
            }
        ),
    ),
    "clerk": (
        "Moves stock and reads operational reports.",
        frozenset({Permission.INVENTORY_READ, Permission.INVENTORY_WRITE, Permission.REPORTS_READ}),
    ),
    "viewer": ("Reads inventory.", frozenset({Permission.INVENTORY_READ})),
}
