"""The API's path prefixes, named once: routers mount under `API_V1`, and the middleware that
applies only to API calls (authentication, rate limits, idempotency, maintenance) tests
`API_ROOT`.

Which /api paths need no credential is said on the routes themselves, with `@public`;
`public_paths(app.routes)` collects them once, when the application is built, for the
authentication middleware and the OpenAPI document (`is_authenticated_path`). Paths outside
`API_ROOT` (health probes, docs, the OpenAPI document) are never authenticated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from fastapi.routing import iter_route_contexts
from starlette.routing import BaseRoute

API_ROOT = "/api/"
API_V1 = "/api/v1"

_PUBLIC = "__stockyard_public__"
EndpointT = TypeVar("EndpointT", bound=Callable[..., Any])


def public(endpoint: EndpointT) -> EndpointT:
    """Marks a route as needing no credential (sign-up, sign-in...). The mark is on the path: every
    method of it goes unauthenticated (a method without a route gets its 405 all the same)."""
    setattr(endpoint, _PUBLIC, True)
    return endpoint


def public_paths(routes: Sequence[BaseRoute]) -> frozenset[str]:
    """The full paths of the routes marked `@public` (`app.routes`: included routers are walked)."""
    paths = frozenset(
        context.path
        for context in iter_route_contexts(routes)
        if context.path is not None and getattr(context.endpoint, _PUBLIC, False)
    )
    templated = sorted(path for path in paths if "{" in path)
    if templated:
        raise ValueError(f"a public route's path must have no parameters: {templated}")
    return paths


def is_authenticated_path(path: str, public_set: frozenset[str]) -> bool:
    """The rule of `AuthenticationMiddleware`: every /api path but the public ones (`public_paths`)."""
    return path.startswith(API_ROOT) and path.rstrip("/") not in public_set
