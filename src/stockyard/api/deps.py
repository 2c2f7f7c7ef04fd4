"""FastAPI dependencies: the services, the caller, and the permission a route declares.

A route takes every service it calls as a parameter typed with an `Annotated` alias (`warehouses:
Warehouses`); it never builds a service nor reads `Services`. A service that one router uses is declared
in that router (`over_database(WarehouseService)`); this module keeps what several routers share.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Request

from stockyard.api.request_state import state_of
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.core.principal import Principal
from stockyard.db.database import Database
from stockyard.errors import StockyardError, catalog
from stockyard.identity.authentication import AuthenticationService
from stockyard.identity.invites import InviteService
from stockyard.identity.workspaces import WorkspaceService
from stockyard.inventory.items import ItemService
from stockyard.jobs.runner import JobRunner
from stockyard.jobs.service import JobService
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
    principal = state_of(request.scope).principal
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
        return Context(principal, state_of(request.scope).request_id)

    dependency.permission = permission  # type: ignore[attr-defined]
    return dependency


PrincipalDep = Annotated[Principal, Depends(get_principal)]


# --- services --------------------------------------------------------------------------------------
# The services that keep settings or keys are built once, with the app (`Services`); the others hold
# nothing but the database, so building one per request is a single small object.
ServiceT = TypeVar("ServiceT")


def from_services(pick: Callable[[Services], ServiceT]) -> Callable[[Request], Awaitable[ServiceT]]:
    """The dependency that gives a route what `pick` takes from the app's services
    (`from_services(lambda services: services.items)`)."""

    async def dependency(request: Request) -> ServiceT:
        return pick(await get_services(request))

    return dependency


def over_database(service: Callable[[Database], ServiceT]) -> Callable[[Request], Awaitable[ServiceT]]:
    """The dependency that builds `service` over the app's database, for each request."""
    return from_services(lambda services: service(services.database))


async def get_database(request: Request) -> Database:
    return (await get_services(request)).database


async def get_job_runner(request: Request) -> JobRunner:
    runner: JobRunner = request.app.state.job_runner
    return runner


DatabaseDep = Annotated[Database, Depends(get_database)]
"""For the routes that call no service: readiness and who-am-I."""
Runner = Annotated[JobRunner, Depends(get_job_runner)]
Jobs = Annotated[JobService, Depends(over_database(JobService))]
