"""FastAPI dependencies: the services, the caller, and the permission a route declares.

A route takes every service it calls as a parameter typed with one of the `Annotated` aliases at the
end of this module (`warehouses: Warehouses`); it never builds a service nor reads `Services`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Request

from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.core.principal import Principal
from stockyard.db.database import Database
from stockyard.errors import StockyardError, catalog
from stockyard.identity.api_keys import ApiKeyService
from stockyard.identity.audit_events import AuditLogService
from stockyard.identity.authentication import AuthenticationService
from stockyard.identity.invites import InviteService
from stockyard.identity.members import MemberService
from stockyard.identity.roles import RoleService
from stockyard.identity.workspace_settings import WorkspaceSettingsService
from stockyard.identity.workspaces import WorkspaceService
from stockyard.inventory.items import ItemService
from stockyard.inventory.locations import LocationService
from stockyard.inventory.movements import MovementService
from stockyard.inventory.reservations import ReservationService
from stockyard.inventory.stock import StockService
from stockyard.inventory.stocktakes import StocktakeService
from stockyard.inventory.tags import TagService
from stockyard.inventory.transfers import TransferService
from stockyard.inventory.warehouses import WarehouseService
from stockyard.jobs.runner import JobRunner
from stockyard.jobs.service import JobService
from stockyard.reports.service import ReportService
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
# thread pool, and that hop (a hand-off to a worker thread and back, and the GIL with it) cost
# more than the dependency's own work: it was the hottest frame of GET /items/{id} in the
# benchmark (bench/README.md). They never block, so they run on the event loop.
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


PrincipalDep = Annotated[Principal, Depends(get_principal)]


# --- services --------------------------------------------------------------------------------------
# The services that keep settings or keys are built once, with the app (`Services`); the others hold
# nothing but the database, so building one per request is a single small object.
ServiceT = TypeVar("ServiceT")


def _over_database(service: Callable[[Database], ServiceT]) -> Callable[[Request], Awaitable[ServiceT]]:
    async def dependency(request: Request) -> ServiceT:
        return service((await get_services(request)).database)

    return dependency


async def get_database(request: Request) -> Database:
    return (await get_services(request)).database


async def get_authentication(request: Request) -> AuthenticationService:
    return (await get_services(request)).authentication


async def get_workspaces(request: Request) -> WorkspaceService:
    return (await get_services(request)).workspaces


async def get_items(request: Request) -> ItemService:
    return (await get_services(request)).items


async def get_invites(request: Request) -> InviteService:
    return (await get_services(request)).invites


async def get_job_runner(request: Request) -> JobRunner:
    runner: JobRunner = request.app.state.job_runner
    return runner


DatabaseDep = Annotated[Database, Depends(get_database)]
"""For the routes that call no service: readiness and who-am-I."""
Authentication = Annotated[AuthenticationService, Depends(get_authentication)]
Workspaces = Annotated[WorkspaceService, Depends(get_workspaces)]
Items = Annotated[ItemService, Depends(get_items)]
Invites = Annotated[InviteService, Depends(get_invites)]
Runner = Annotated[JobRunner, Depends(get_job_runner)]
ApiKeys = Annotated[ApiKeyService, Depends(_over_database(ApiKeyService))]
AuditLog = Annotated[AuditLogService, Depends(_over_database(AuditLogService))]
Members = Annotated[MemberService, Depends(_over_database(MemberService))]
Roles = Annotated[RoleService, Depends(_over_database(RoleService))]
WorkspaceSettings = Annotated[WorkspaceSettingsService, Depends(_over_database(WorkspaceSettingsService))]
Warehouses = Annotated[WarehouseService, Depends(_over_database(WarehouseService))]
Locations = Annotated[LocationService, Depends(_over_database(LocationService))]
Movements = Annotated[MovementService, Depends(_over_database(MovementService))]
Reservations = Annotated[ReservationService, Depends(_over_database(ReservationService))]
Stock = Annotated[StockService, Depends(_over_database(StockService))]
Stocktakes = Annotated[StocktakeService, Depends(_over_database(StocktakeService))]
Tags = Annotated[TagService, Depends(_over_database(TagService))]
Transfers = Annotated[TransferService, Depends(_over_database(TransferService))]
Jobs = Annotated[JobService, Depends(_over_database(JobService))]
Reports = Annotated[ReportService, Depends(_over_database(ReportService))]
