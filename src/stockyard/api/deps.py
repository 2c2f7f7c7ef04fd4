"""FastAPI dependencies: the services, the caller, and the permission a route declares."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from stockyard.db.database import Database
from stockyard.errors import StockyardError, catalog
from stockyard.identity.authentication import AuthenticationService
from stockyard.identity.context import Context
from stockyard.identity.invites import InviteService
from stockyard.identity.permissions import Permission
from stockyard.identity.principal import Principal
from stockyard.identity.workspaces import WorkspaceService
from stockyard.inventory.items import ItemService
from stockyard.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True, slots=True)
class Services:
    settings: Settings
    database: Database
    authentication: AuthenticationService
    workspaces: WorkspaceService
    items: ItemService
    invites: InviteService


# The dependencies are `async def` on purpose: FastAPI runs a plain `def` dependency in the
# thread pool, and that hop (~100 µs plus GIL hand-offs) was the hottest frame of GET /items/{id}
# in the benchmark (bench/README.md). They never block, so they run on the event loop.
async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def principal_of(request: Request) -> Principal:
    principal: Principal | None = request.scope.get("state", {}).get("principal")
    if principal is None:
        raise StockyardError(catalog.MISSING_CREDENTIALS)
    return principal


async def get_principal(request: Request) -> Principal:
    """The caller, for routes that need no permission; a read-only key still cannot write."""
    principal = principal_of(request)
    if principal.read_only and request.method not in SAFE_METHODS:
        raise StockyardError(catalog.READ_ONLY)
    return principal


def authorize(permission: Permission) -> Callable[[Request], Awaitable[Context]]:
    """A dependency that checks, in order: read-only on writes, then the route's permission."""

    async def dependency(request: Request) -> Context:
        principal = principal_of(request)
        principal.require(permission, write=request.method not in SAFE_METHODS)
        return Context(principal, request.scope["state"]["request_id"])

    dependency.permission = permission  # type: ignore[attr-defined]
    return dependency


ServicesDep = Annotated[Services, Depends(get_services)]
PrincipalDep = Annotated[Principal, Depends(get_principal)]
