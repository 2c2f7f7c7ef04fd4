"""503 `maintenance` for every /api route while an operator has switched maintenance mode on.

Health probes (/healthz, /readyz) stay outside /api and keep answering. Runs before
authentication, so nothing else touches the database while the service is in maintenance.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from stockyard.api.errors import send_error
from stockyard.api.middleware.base import PerApplication
from stockyard.api.paths import API_ROOT
from stockyard.errors import StockyardError, catalog
from stockyard.traffic.maintenance import MaintenanceSwitch


class MaintenanceMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._switch = PerApplication(MaintenanceSwitch)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(API_ROOT):
            state = await self._switch.of(scope).state()
            if state.enabled:
                await send_error(
                    scope,
                    send,
                    StockyardError(catalog.MAINTENANCE, headers={"Retry-After": str(state.retry_after)}),
                )
                return
        await self.app(scope, receive, send)
