"""The caller's workspace: settings, plan, limits and capabilities."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import ByValue, RequestModel, ResponseModel
from stockyard.core.plans import Plan, policy
from stockyard.identity.workspace_settings import WorkspaceSettings


class WorkspaceUpdate(RequestModel):
    non_nullable = frozenset({"name", "plan"})

    name: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    plan: Annotated[Plan, ByValue] | None = None


class WorkspaceDetail(ResponseModel):
    id: str
    name: str
    slug: str
    plan: str
    limits: dict[str, int]
    capabilities: list[str]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, record: WorkspaceSettings) -> WorkspaceDetail:
        plan = policy(record.plan)
        return cls(
            id=record.id,
            name=record.name,
            slug=record.slug,
            plan=record.plan,
            limits={limit.value: value for limit, value in plan.limits.items()},
            capabilities=sorted(capability.value for capability in plan.capabilities),
            created_at=record.created_at,
            updated_at=record.updated_at,
        )
