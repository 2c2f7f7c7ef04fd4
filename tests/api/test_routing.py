"""The router order is free: no two routes fully match one request (app.py orders them by traffic)."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute

from stockyard.api.app import ROUTERS


def _sample(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x1", path)


def test_no_two_routes_fully_match_the_same_request() -> None:
    routes = [route for module in ROUTERS for route in module.router.routes if isinstance(route, APIRoute)]
    assert len(routes) > 50
    clashes = [
        (sorted(shared), first.path, second.path)
        for first in routes
        for second in routes
        if first is not second
        and first.methods
        and second.methods
        and (shared := first.methods & second.methods)
        and second.path_regex.match(_sample(first.path))
    ]
    assert clashes == []
