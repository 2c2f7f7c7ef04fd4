"""The ASGI application: routers, error handlers and the plain-ASGI middleware stack."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import timedelta

from fastapi import APIRouter, Depends, FastAPI

from stockyard import __version__, tracing
from stockyard.api import errors, openapi
from stockyard.api.deps import Services
from stockyard.api.job_wiring import build_job_runner
from stockyard.api.middleware.authentication import AuthenticationMiddleware
from stockyard.api.middleware.body_guard import BodyGuardMiddleware
from stockyard.api.middleware.cors import add_cors
from stockyard.api.middleware.idempotency import IdempotencyMiddleware
from stockyard.api.middleware.maintenance import MaintenanceMiddleware
from stockyard.api.middleware.query_guard import QueryGuardMiddleware
from stockyard.api.middleware.rate_limit import RateLimitMiddleware
from stockyard.api.middleware.request_context import RequestContextMiddleware
from stockyard.api.paths import API_V1, public_paths
from stockyard.api.query_strict import strict_query
from stockyard.api.routers import (
    api_keys,
    audit,
    auth,
    docs,
    events,
    health,
    invites,
    items,
    items_bulk,
    jobs,
    lots,
    members,
    metrics,
    movements,
    movements_bulk,
    reports,
    reservations,
    roles,
    stock,
    stocktakes,
    tags,
    transfers,
    warehouses,
    webhooks,
    workspace,
    workspaces,
)
from stockyard.background import Background
from stockyard.console import ConsoleMount
from stockyard.core.plans_file import configure_plans
from stockyard.db.database import Database, open_database
from stockyard.identity.authentication import AuthenticationService
from stockyard.identity.invites import InviteService
from stockyard.identity.tokens import TokenCodec
from stockyard.identity.workspaces import WorkspaceService
from stockyard.inventory.items import ItemService
from stockyard.logs import access_log_listener
from stockyard.settings import Settings, get_settings
from stockyard.traffic.rate_limits import RateLimiter

DESCRIPTION = """Stockyard is a multi-tenant inventory-management API.

Every error has one shape (see the `Error` schema and docs/errors.md): `statusCode`, `error`
(category), `code` (specific reason), `message`, `details` (validation only), optional `param`,
and `requestId` (also in the `X-Request-Id` header). Send `Accept: application/problem+json` for
RFC 9457 problem details.
"""


# In registration order. No two routes fully match the same request, so the order decides only
# how fast a request finds its route: the router tries them one by one, and every route tried
# costs a pattern match (bench/README.md), so the stock writes and reads that integrations call
# all day come first. A router module that owns an operation group declares it (`TAG`: name,
# description, place in the document's reading order).
ROUTERS = (
    health, movements, items, stock, transfers, reservations, lots,
    auth, warehouses, stocktakes, tags, jobs, events, reports, items_bulk, movements_bulk,
    workspaces, roles, members, invites, api_keys, webhooks, workspace, audit, docs, metrics,
)  # fmt: skip


def build_services(settings: Settings, database: Database) -> Services:
    codec = TokenCodec(settings.resolved_secret_key(), settings.access_token_ttl_seconds)
    return Services(
        settings=settings,
        database=database,
        authentication=AuthenticationService(database, codec, settings.refresh_token_ttl_seconds),
        workspaces=WorkspaceService(database),
        items=ItemService(database),
        invites=InviteService(database, timedelta(seconds=settings.invite_ttl_seconds)),
    )


def create_app(
    settings: Settings | None = None,
    database: Database | None = None,
    *,
    first_routers: Sequence[APIRouter] = (),
) -> FastAPI:
    """The application. `first_routers` are matched before the API's own (the benchmark's baselines)."""
    settings = settings or get_settings()
    configure_plans(settings.resolved_plans_file())  # before the rate limiter reads the budgets

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = database or open_database(
            settings.resolved_database_url(),
            pool_size=settings.db_pool_size,
            retry_after_seconds=settings.db_retry_after_seconds,
        )
        tracing.instrument_database(db)  # a span per statement; nothing while tracing is off
        app.state.services = build_services(settings, db)
        # With the background work in `stockyard worker`s, so are the bulk jobs: they wait queued.
        app.state.job_runner = build_job_runner(db, runs_jobs=settings.embedded_worker)
        app.state.job_runner.start_resuming()  # jobs a stopped server left queued or running
        background = Background.of(db, settings)
        app.state.event_relay, app.state.delivery_worker = background.relay, background.deliveries
        if settings.embedded_worker:
            background.start()
        try:
            with access_log_listener():  # the access log's writer thread (stockyard/logs.py)
                yield
        finally:
            await background.stop()
            await app.state.job_runner.stop()
            if database is None:
                await db.dispose()

    traced = tracing.start(settings)  # STOCKYARD_OTEL_ENABLED; else nothing of the SDK is imported
    app = FastAPI(
        title="Stockyard",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served offline by routers/docs.py
        redoc_url=None,
        # No route ends in "/". Starlette would answer "/api/v1/items/" with a 307 to an absolute
        # URL built from the client's Host header (an open redirect); it is a 404 like any
        # unknown path instead.
        redirect_slashes=False,
        # FastAPI's own request spans would start once a global tracer provider is set: with
        # ours on, the request span is TracingMiddleware's (named by route also before routing,
        # never the query string)
        telemetry={"tracing": False} if traced else None,
        dependencies=[Depends(strict_query)],  # an unknown or repeated query parameter is a 400
    )
    errors.install(app)
    for router in (*first_routers, *(module.router for module in ROUTERS)):
        app.include_router(router)
    public = public_paths(app.routes)  # the routes marked @public: no credential
    openapi.install(app, public, [module.TAG for module in ROUTERS if hasattr(module, "TAG")])

    # Plain ASGI middleware. Added innermost first, so a request meets them in the order:
    # CORS (when configured) → request context → maintenance → authentication → rate limit
    # → query guard → (the console, for / and /app) → body guard → idempotency → routing.
    app.add_middleware(IdempotencyMiddleware)
    app.add_middleware(
        BodyGuardMiddleware,
        max_bytes=settings.max_body_bytes,
        max_bulk_bytes=settings.max_bulk_body_bytes,
        max_depth=settings.max_json_depth,
        csv_paths=frozenset({f"{API_V1}/items/bulk"}),
    )
    # The web console (docs/console.md) answers / and /app itself, outside the API's body and idempotency
    # rules (its forms are not JSON); everything it reads or writes it asks of the API over HTTP.
    app.add_middleware(ConsoleMount)
    app.add_middleware(QueryGuardMiddleware)
    if settings.rate_limit_enabled:
        limiter = RateLimiter(settings.rate_limit_url, key_prefix=settings.rate_limit_key_prefix)
        app.add_middleware(
            RateLimitMiddleware, limiter=limiter, login_per_minute=settings.login_rate_limit_per_minute
        )
    app.add_middleware(
        AuthenticationMiddleware, public_paths=public, defer_failures=settings.rate_limit_enabled
    )
    app.add_middleware(MaintenanceMiddleware)
    app.add_middleware(RequestContextMiddleware)
    if origins := settings.cors_origin_list():
        add_cors(app, origins)  # preflights answered before authentication; every response marked
    if traced:
        from stockyard.api.middleware.tracing import TracingMiddleware

        app.add_middleware(TracingMiddleware)  # outermost: the access log line carries the trace id
    return app
