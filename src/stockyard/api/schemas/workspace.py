"""The caller's workspace: settings, plan, limits and capabilities."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, model_validator
from pydantic.alias_generators import to_camel

from stockyard.api.schemas.base import ByValue, CreatedAt, ResponseModel, UpdatedAt, UpdateModel, id_of
from stockyard.core.plans import Plan, policy
from stockyard.identity.workspace_settings import WorkspaceChanges, WorkspaceSettings


class WorkspaceUpdate(UpdateModel[WorkspaceChanges]):
    non_nullable = frozenset({"name", "plan"})

    name: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    plan: Annotated[Plan, ByValue] | None = None


class WorkspaceDetail(ResponseModel):
    id: str = id_of("wsp", "workspace")
    name: str = Field(description="The workspace's display name.")
    slug: str = Field(description="Its short name in URLs and at sign-in, unique across the service.")
    plan: str = Field(description="`free`, `team` or `business`.")
    limits: dict[str, int] = Field(
        description="The plan's maxima by name (`items`, `locations`, `tags`, `members`, `apiKeys`, `transfersPerMonth`)."
    )
    capabilities: list[str] = Field(
        description="What the plan allows beyond the basics (`bulk_import`, `valuation_report`)."
    )
    created_at: CreatedAt
    updated_at: UpdatedAt

    @model_validator(mode="before")
    @classmethod
    def _from_record(cls, data: Any) -> Any:
        if not isinstance(data, WorkspaceSettings):
            return data
        plan = policy(data.plan)
        return {
            "id": data.id,
            "name": data.name,
            "slug": data.slug,
            "plan": data.plan,
            "limits": {to_camel(limit.value): value for limit, value in plan.limits.items()},
            "capabilities": sorted(capability.value for capability in plan.capabilities),
            "created_at": data.created_at,
            "updated_at": data.updated_at,
        }
