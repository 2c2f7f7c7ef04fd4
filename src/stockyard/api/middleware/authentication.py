"""Identifies the caller of every /api route (except the public ones) before anything else runs.

The Principal lands in the request state (`api/request_state.py`); routes read it through a
dependency. The `Stockyard-Workspace` header, when sent, must name the credential's own workspace.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from stockyard.api.errors import send_error
from stockyard.api.paths import is_authenticated_path
from stockyard.api.request_state import state_of
from stockyard.errors import StockyardError, catalog
from stockyard.identity.authentication import AuthenticationService


def bearer_credential(headers: Headers) -> str | None:
    """The credential of an `Authorization: Bearer ...` header; '' when the header is malformed."""
    value = headers.get("authorization")
    if value is None:
        return None
    scheme, _, credential = value.partition(" ")
    if scheme.lower() != "bearer" or not credential.strip():
        return ""
    return credential.strip()


class AuthenticationMiddleware:
    """Reads the authentication service from the application's state (built at startup).

    `public_paths` are the paths of the routes marked `@public` (`api/paths.py`), let through
    without a credential.

    With `defer_failures`, a failure is left in the request state's `authentication_error` for the
    next layer (the rate limiter) to answer once it has counted the request against the client IP.
    A credential that could not be checked (the database is unavailable: a 5xx) is not a failed
    credential: it is answered at once, counted against no budget and without RateLimit headers.
    """

    def __init__(self, app: ASGIApp, *, public_paths: frozenset[str], defer_failures: bool = False) -> None:
        self.app = app
        self.public_paths = public_paths
        self.defer_failures = defer_failures

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_authenticated_path(scope["path"], self.public_paths):
            await self.app(scope, receive, send)
            return
        try:
            headers = Headers(scope=scope)
            credential = bearer_credential(headers)
            if credential is None:
                raise StockyardError(catalog.MISSING_CREDENTIALS)
            if credential == "":
                raise StockyardError(
                    catalog.TOKEN_INVALID, "The Authorization header must be 'Bearer <token or API key>'."
                )
            service: AuthenticationService = scope["app"].state.services.authentication
            principal = await service.authenticate(credential)
            requested = headers.get("stockyard-workspace")
            if requested is not None and requested.strip() not in (
                principal.workspace_slug,
                principal.workspace_id,
            ):
                raise StockyardError(catalog.TENANT_MISMATCH)
        except StockyardError as error:
            if self.defer_failures and error.spec.status < 500:
                state_of(scope).authentication_error = error
                await self.app(scope, receive, send)
            else:
                await send_error(scope, send, error)
            return
        state_of(scope).principal = principal
        await self.app(scope, receive, send)
