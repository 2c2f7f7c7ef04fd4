"""Identifies the caller of every /api route (except the public ones) before anything else runs.

The Principal lands in `scope["state"]["principal"]`; routes read it through a dependency. The
`Stockyard-Workspace` header, when sent, must name the credential's own workspace.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from stockyard.api.errors import send_error
from stockyard.api.paths import API_ROOT
from stockyard.errors import StockyardError, catalog
from stockyard.identity.authentication import AuthenticationService

PUBLIC_PATHS: frozenset[str] = frozenset(
    {"/api/v1/workspaces", "/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/invites/accept"}
)


def bearer_credential(scope: Scope) -> str | None:
    """The credential of an `Authorization: Bearer ...` header; '' when the header is malformed."""
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, credential = str(value.decode("latin-1")).partition(" ")
            if scheme.lower() != "bearer" or not credential.strip():
                return ""
            return credential.strip()
    return None


def _requested_workspace(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"stockyard-workspace":
            return str(value.decode("latin-1")).strip()
    return None


class AuthenticationMiddleware:
    """Reads the authentication service from the application's state (built at startup).

    With `defer_failures`, a failure is left in `scope["state"]["authentication_error"]` for the
    next layer (the rate limiter) to answer once it has counted the request against the client IP.
    A credential that could not be checked (the database is unavailable: a 5xx) is not a failed
    credential: it is answered at once, counted against no budget and without RateLimit headers.
    """

    def __init__(self, app: ASGIApp, *, defer_failures: bool = False) -> None:
        self.app = app
        self.defer_failures = defer_failures

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or not scope["path"].startswith(API_ROOT)
            or scope["path"].rstrip("/") in PUBLIC_PATHS
        ):
            await self.app(scope, receive, send)
            return
        try:
            credential = bearer_credential(scope)
            if credential is None:
                raise StockyardError(catalog.MISSING_CREDENTIALS)
            if credential == "":
                raise StockyardError(
                    catalog.TOKEN_INVALID, "The Authorization header must be 'Bearer <token or API key>'."
                )
            service: AuthenticationService = scope["app"].state.services.authentication
            principal = await service.authenticate(credential)
            requested = _requested_workspace(scope)
            if requested is not None and requested not in (principal.workspace_slug, principal.workspace_id):
                raise StockyardError(catalog.TENANT_MISMATCH)
        except StockyardError as error:
            if self.defer_failures and error.spec.status < 500:
                scope.setdefault("state", {})["authentication_error"] = error
                await self.app(scope, receive, send)
            else:
                await send_error(scope, send, error)
            return
        scope.setdefault("state", {})["principal"] = principal
        await self.app(scope, receive, send)
