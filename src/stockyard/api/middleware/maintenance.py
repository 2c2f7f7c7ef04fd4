"""503 `maintenance` for every /api route while an operator has switched maintenance mode on.

Health probes (/healthz, /readyz) stay outside /api and keep answering. Runs before
authentication, so nothing else touches the database while the service is in maintenance.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from stockyard.api.errors import send_error
from stockyard.api.paths import API_ROOT
from stockyard.errors import StockyardError, catalog
from stockyard.traffic.maintenance import MaintenanceSwitch


class MaintenanceMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._switch: MaintenanceSwitch | None = None

    def _switch_for(self, scope: Scope) -> MaintenanceSwitch:
        if self._switch is None:
            self._switch = MaintenanceSwitch(scope["app"].state.services.database)
        return self._switch

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(API_ROOT):
            state = await self._switch_for(scope).state()
            if state.enabled:
                await send_error(
                    scope,
                    send,
                    StockyardError(catalog.MAINTENANCE, headers={"Retry-After": str(state.retry_after)}),
                )
                return
        await self.app(scope, receive, send)
