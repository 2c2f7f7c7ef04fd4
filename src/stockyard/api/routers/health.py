"""Liveness and readiness probes (outside /api: never authenticated or rate limited)."""

from __future__ import annotations

from fastapi import APIRouter

from stockyard.api.deps import DatabaseDep
from stockyard.api.openapi import ApiTag
from stockyard.api.schemas.errors import error_responses
from stockyard.errors import catalog

TAG = ApiTag(210, "health", "Liveness and readiness probes, outside /api: no credential, never rate limited.")
router = APIRouter(tags=[TAG.name])


@router.get(
    "/healthz",
    operation_id="health",
    summary="The process is up",
    responses=error_responses(authenticated=False, probe=True),
)
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    operation_id="readiness",
    summary="The database is reachable",
    responses=error_responses(catalog.DATABASE_UNAVAILABLE, authenticated=False, probe=True),
)
async def readyz(database: DatabaseDep) -> dict[str, str]:
    await database.ping()
    return {"status": "ready"}
