"""What a request adds to the Prometheus metrics (`stockyard/metrics.py`), called by the outermost
middleware once the request is answered, with the status the access log records.

The route label is the template of the route that answered (`scope["route"]`, set by the router).
A request answered before routing (401, 429, 413, 503 maintenance) is matched against the routes
here, so it is counted on its route all the same; a path no route knows is "unmatched". Labels
therefore never hold a raw path or an id, and their number is bounded by the routes, the methods,
the statuses and the catalog's codes.

Cost: one dict lookup for the label children (cached per label set), one counter increment and
one histogram observation.
"""

from __future__ import annotations

import re
from typing import Any
from weakref import WeakKeyDictionary

from fastapi.routing import iter_route_contexts
from starlette.routing import compile_path
from starlette.types import Scope

from stockyard.api.request_state import RequestState
from stockyard.metrics import REQUEST_DURATION, REQUESTS, UNMATCHED, method_label

CLIENT_CLOSED_REQUEST = 499

_Children = tuple[Any, Any]  # the counter's and the histogram's label children
_children: dict[tuple[str, str, int, str], _Children] = {}


def record_request(scope: Scope, state: RequestState, status: int, seconds: float) -> None:
    method = method_label(scope["method"])
    key = (route_of(scope), method, status, error_code(state, status))
    children = _children.get(key)
    if children is None:
        route, method, _, code = key
        children = _children[key] = (
            REQUESTS.labels(route, method, str(status), code),
            REQUEST_DURATION.labels(route, method),
        )
    children[0].inc()
    children[1].observe(seconds)


def error_code(state: RequestState, status: int) -> str:
    """The catalog code of an error response ('' on success and for 499), as the access log says it."""
    if status < 400 or status == CLIENT_CLOSED_REQUEST:
        return ""
    code = state.error_code
    if code is not None:
        return code
    return "internal_error" if status >= 500 else ""


def route_of(scope: Scope) -> str:
    """The template of the route that answered, else of the route the path matches, else "unmatched"."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str) and path:
        return path
    return _match(scope)


_Table = list[tuple[re.Pattern[str], frozenset[str] | None, str]]
_tables: WeakKeyDictionary[Any, _Table] = WeakKeyDictionary()


def _match(scope: Scope) -> str:
    """What the router would pick for a request answered before routing: the route matching path
    and method, else one matching the path (the 405), else "unmatched"."""
    app = scope.get("app")
    if app is None:
        return UNMATCHED
    table = _tables.get(app)
    if table is None:
        table = _tables[app] = _table(app)
    path: str = scope["path"]
    root = scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root) :]
    method = scope["method"]
    partial = UNMATCHED
    for regex, methods, template in table:
        if regex.match(path):
            if methods is None or method in methods:
                return template
            if partial == UNMATCHED:
                partial = template
    return partial


def _table(app: Any) -> _Table:
    """Every route of the app (included routers walked) in the router's order, compiled once."""
    return [
        (compile_path(context.path)[0], frozenset(context.methods) if context.methods else None, context.path)
        for context in iter_route_contexts(app.routes)
        if context.path
    ]
