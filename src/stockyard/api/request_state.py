"""What the middleware learns about a request, for the layers after it: one typed object per request.

`RequestContextMiddleware` (the outermost layer) creates it; `state_of(scope)` reads it wherever a
scope is at hand (middleware, error rendering, dependencies through `request.scope`).

It lives under its own scope key, not in `scope["state"]`: that dict is the server's copy of the
lifespan state for this request (Starlette's `request.state`), which is not ours to fill.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.types import Scope

from stockyard.core.principal import Principal
from stockyard.errors import StockyardError

SCOPE_KEY = "stockyard.request_state"


@dataclass(slots=True)
class RequestState:
    request_id: str = ""
    """The client's `X-Request-Id` or a generated one (`RequestContextMiddleware`)."""
    principal: Principal | None = None
    """The caller, once `AuthenticationMiddleware` has checked its credential (None on public routes)."""
    authentication_error: StockyardError | None = None
    """A failed credential `AuthenticationMiddleware` (with `defer_failures`) leaves for the rate
    limiter to answer once it has counted the request."""
    error_code: str | None = None
    """The catalog code of the error response, when there is one (`api/errors.py` sets both), for
    the access log and the rate limiter."""
    error_message: str | None = None


def state_of(scope: Scope) -> RequestState:
    """The request's state; created here when no outer layer has (a middleware run on its own)."""
    state: RequestState | None = scope.get(SCOPE_KEY)
    if state is None:
        state = scope[SCOPE_KEY] = RequestState()
    return state
