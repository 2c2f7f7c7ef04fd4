"""Strict query strings: a parameter no route declares, or a single-valued one given twice, is a 400.

An ignored parameter is worse than an error: a script that "finds the item by SKU" with a filter
the route does not know would get every item and act on all of them. So every route's accepted
parameters are read from what it declares (its own and its dependencies'), once per route, and a
request naming anything else answers `invalid_parameter` with `param` and the accepted names.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from types import UnionType
from typing import Any

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel

from stockyard.errors import StockyardError, catalog

_MULTI_VALUED = (list, tuple, set, frozenset)


@dataclass(frozen=True, slots=True)
class QueryRules:
    """The query parameters one route accepts, in the order it declares them."""

    accepted: tuple[str, ...]
    multi_valued: frozenset[str]

    def check(self, request: Request) -> None:
        params = request.query_params
        for name in params:
            if name not in self.accepted:
                raise StockyardError(catalog.INVALID_PARAMETER, self._unknown(name), param=name)
        for name in self.accepted:
            if name not in self.multi_valued and len(params.getlist(name)) > 1:
                raise StockyardError(
                    catalog.INVALID_PARAMETER,
                    f"The query parameter '{name}' was given {len(params.getlist(name))} times; "
                    "it takes one value.",
                    param=name,
                )

    def _unknown(self, name: str) -> str:
        if not self.accepted:
            return f"Unknown query parameter '{name}'. This operation takes no query parameters."
        return f"Unknown query parameter '{name}'. Accepted: {', '.join(self.accepted)}."


def _is_multi_valued(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, UnionType):
        return any(_is_multi_valued(arg) for arg in typing.get_args(annotation) if arg is not type(None))
    return (origin or annotation) in _MULTI_VALUED


def rules_of(dependant: Dependant) -> QueryRules:
    """The query parameters a route's dependency tree declares (a query-parameter model counts as
    its fields)."""
    accepted: list[str] = []
    multi: set[str] = set()
    pending = [dependant]
    while pending:
        current = pending.pop(0)
        for field in current.query_params:
            annotation = field.field_info.annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                for name, info in annotation.model_fields.items():
                    alias = info.alias or name
                    accepted.append(alias)
                    if _is_multi_valued(info.annotation):
                        multi.add(alias)
                continue
            accepted.append(field.alias)
            if _is_multi_valued(annotation):
                multi.add(field.alias)
        pending.extend(current.dependencies)
    return QueryRules(tuple(dict.fromkeys(accepted)), frozenset(multi))


# Per route, read on its first request. Keyed by id() (routes are not hashable) with the route kept
# beside its rules, so that an id reused by a later application's route is not mistaken for it.
_RULES: dict[int, tuple[APIRoute, QueryRules]] = {}


async def strict_query(request: Request) -> None:
    """An application-wide dependency: runs first, before the route's own parameters are read."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    cached = _RULES.get(id(route))
    if cached is None or cached[0] is not route:
        cached = _RULES[id(route)] = (route, rules_of(route.dependant))
    rules = cached[1]
    if request.scope.get("query_string"):
        rules.check(request)
