"""Who is calling: a workspace member (signed in) or an API key (an integration)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stockyard.core.permissions import Permission
from stockyard.core.plans import Capability, policy
from stockyard.errors import StockyardError, catalog


class PrincipalKind(StrEnum):
    MEMBER = "member"
    API_KEY = "api_key"


@dataclass(frozen=True, slots=True)
class Principal:
    kind: PrincipalKind
    id: str  # membership id or API key id
    workspace_id: str
    workspace_slug: str
    plan: str
    permissions: frozenset[str]
    user_id: str | None = None
    family_id: str | None = None
    read_only: bool = False
    warehouse_ids: frozenset[str] | None = None  # None: every warehouse

    @property
    def is_api_key(self) -> bool:
        return self.kind is PrincipalKind.API_KEY

    def require(self, permission: Permission, *, write: bool) -> None:
        """The access checks in their fixed order: read-only, then scope or permission."""
        if write and self.read_only:
            raise StockyardError(catalog.READ_ONLY)
        if permission not in self.permissions:
            if self.is_api_key:
                raise StockyardError(
                    catalog.INSUFFICIENT_SCOPE,
                    f"The API key lacks the {permission.value} scope this endpoint requires.",
                )
            raise StockyardError(catalog.INSUFFICIENT_PERMISSIONS)

    def require_capability(self, capability: Capability) -> None:
        if capability not in policy(self.plan).capabilities:
            raise StockyardError(
                catalog.MISSING_CAPABILITY,
                f"The {self.plan} plan does not include the {capability.value} capability.",
            )
