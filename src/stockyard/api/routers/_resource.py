"""The routes of one resource addressed by id, declared once for every router: its GET (with
If-None-Match and the 304 when it is versioned), the update and delete of a versioned resource under
If-Match (`core/versioning.VersionedService`), a DELETE without versions (revoke a key, delete a
tag), and the state actions (`POST …/{id}/release`).

A list is declared with `list_route`: its filters are the fields of the domain's filter dataclass,
each given the annotation that declares it as a query parameter. A router writes its create by hand
(its body is its own) under `create_route`, and declares the rest through `ResourceRoutes`. Each
endpoint made here has the parameters, in the order, that the hand-written route had, so the OpenAPI
document and the order dependencies run in are the same: the id from the path, the body, the caller
(its permission), the service, then the headers.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, Protocol, TypeVar

from fastapi import APIRouter, Response
from fastapi.types import DecoratedCallable

from stockyard.api.routers._common import (
    ExpectedVersion,
    IfNoneMatch,
    PageCursor,
    PageLimit,
    conditional_get,
    conditional_get_responses,
    no_content,
    sort_query,
    updated,
)
from stockyard.api.schemas.base import ListBody, ResponseModel, UpdateModel
from stockyard.api.schemas.errors import error_responses
from stockyard.core.context import Context
from stockyard.core.listing import Page, PageQuery, Sorting
from stockyard.core.versioning import VersionedService
from stockyard.errors.catalog import ErrorSpec

ServiceT = TypeVar("ServiceT")
RecordT = TypeVar("RecordT")

# A service method that takes the caller and the resource's id: `ApiKeyService.revoke`, `ReservationService.release`.
ById = Callable[[ServiceT, Context, str], Awaitable[RecordT]]

# A service's list: the caller, the filters (a dataclass of the domain), the page asked for.
Lister = Callable[[ServiceT, Context, Any, PageQuery], Awaitable[Page[Any]]]

_KEYWORD = inspect.Parameter.POSITIONAL_OR_KEYWORD


class Readable(Protocol):
    """A service whose GET by id is `get(ctx, id)`, as every resource's is."""

    async def get(self, ctx: Context, resource_id: str, /) -> Any: ...


@dataclass(frozen=True, slots=True)
class Operation:
    """What the document says of one route: its operationId, its summary, the errors it answers
    besides those every authenticated route can (`error_responses`), and an optional description."""

    operation_id: str
    summary: str
    errors: tuple[ErrorSpec, ...]
    description: str | None = None


class ResourceRoutes:
    """The routes under `path` (`/items/{itemId}`) of one resource: `resource_id` is the annotation of
    its id in the path (`ItemId`), `service` the annotation of its service's dependency (`Items`),
    `model` its body (`Item`): what its GET, its update and its actions answer with, said once here
    rather than at every route. `caller`, given to each route, is the annotation that authorizes it
    (`InventoryWriter`)."""

    def __init__(
        self, router: APIRouter, path: str, resource_id: Any, service: Any, model: type[ResponseModel]
    ) -> None:
        self._router = router
        self._path = path
        self._resource_id = resource_id
        self._service = service
        self._model = model

    def get(self, operation: Operation, caller: Any) -> None:
        """GET the resource: the model of what `service.get(ctx, id)` returns."""
        model = self._model

        async def endpoint(resource_id: str, ctx: Context, service: Readable) -> ResponseModel:
            return model.of(await service.get(ctx, resource_id))

        self._add("GET", operation, endpoint, self._parameters(caller), model)

    def conditional_get(self, operation: Operation, caller: Any) -> None:
        """GET a versioned resource (`service.get(ctx, id)`): its ETag, or a 304 when If-None-Match
        names its version."""
        model = self._model

        async def endpoint(
            resource_id: str, ctx: Context, service: Readable, response: Response, if_none_match: str | None
        ) -> ResponseModel | Response:
            return conditional_get(response, if_none_match, await service.get(ctx, resource_id), model.of)

        parameters = [
            *self._parameters(caller),
            _parameter("response", Response),
            _parameter("if_none_match", IfNoneMatch, default=None),
        ]
        responses = conditional_get_responses(*operation.errors)
        self._add(
            "GET",
            operation,
            endpoint,
            parameters,
            model | Response,
            responses=responses,
            response_model=model,
        )

    def update(self, operation: Operation, caller: Any, body: type[UpdateModel[Any]]) -> None:
        """PATCH a versioned resource under If-Match: its new version rendered as the model, with its ETag."""
        model = self._model

        async def endpoint(
            resource_id: str,
            changes: UpdateModel[Any],
            ctx: Context,
            service: VersionedService[Any, Any],
            response: Response,
            version: int | None,
        ) -> ResponseModel:
            record = await service.update(ctx, resource_id, changes.changes(), if_match=version)
            return updated(response, record, model.of)

        id_parameter, *others = self._parameters(caller)
        parameters = [
            id_parameter,
            _parameter("changes", body),
            *others,
            _parameter("response", Response),
            _parameter("version", ExpectedVersion),
        ]
        self._add(
            "PATCH",
            operation,
            endpoint,
            parameters,
            model,
            responses=error_responses(*operation.errors, body=True),
        )

    def delete(self, operation: Operation, caller: Any) -> None:
        """DELETE a versioned resource under If-Match: 204."""

        async def endpoint(
            resource_id: str, ctx: Context, service: VersionedService[Any, Any], version: int | None
        ) -> Response:
            await service.delete(ctx, resource_id, if_match=version)
            return no_content()

        parameters = [*self._parameters(caller), _parameter("version", ExpectedVersion)]
        self._add("DELETE", operation, endpoint, parameters, Response, status_code=204)

    def remove(self, operation: Operation, caller: Any, remove: ById[ServiceT, None]) -> None:
        """DELETE a resource without versions (revoke a key or an invite, delete a tag): 204."""

        async def endpoint(resource_id: str, ctx: Context, service: ServiceT) -> Response:
            await _call(remove, service, ctx, resource_id)
            return no_content()

        self._add("DELETE", operation, endpoint, self._parameters(caller), Response, status_code=204)

    def action(
        self,
        name: str,
        operation: Operation,
        caller: Any,
        act: ById[ServiceT, Any],
        *,
        model: type[ResponseModel] | None = None,
    ) -> None:
        """POST `<path>/<name>`: a change of state without a body (release a hold, complete a stocktake),
        answered with what `act` returns as the resource's model, or as `model` when the action
        answers with another body (a consumed hold, a completed stocktake)."""
        answer = self._model if model is None else model

        async def endpoint(resource_id: str, ctx: Context, service: ServiceT) -> ResponseModel:
            return answer.of(await _call(act, service, ctx, resource_id))

        self._add("POST", operation, endpoint, self._parameters(caller), answer, under=f"/{name}")

    def _parameters(self, caller: Any) -> list[inspect.Parameter]:
        """The id from the path, the caller, the service: the parameters every route here starts with."""
        return [
            _parameter("resource_id", self._resource_id),
            _parameter("ctx", caller),
            _parameter("service", self._service),
        ]

    def _add(
        self,
        method: str,
        operation: Operation,
        endpoint: Callable[..., Awaitable[Any]],
        parameters: list[inspect.Parameter],
        returns: Any,
        *,
        under: str = "",
        **route: Any,
    ) -> None:
        _add_route(
            self._router, f"{self._path}{under}", method, operation, endpoint, parameters, returns, **route
        )


def _add_route(
    router: APIRouter,
    path: str,
    method: str,
    operation: Operation,
    endpoint: Callable[..., Awaitable[Any]],
    parameters: list[inspect.Parameter],
    returns: Any,
    *,
    responses: dict[int | str, Any] | None = None,
    **route: Any,
) -> None:
    # FastAPI reads an endpoint's parameters from its signature: this one names the annotations
    # (path, dependencies, headers, query parameters) that the resource's router declares.
    endpoint.__signature__ = inspect.Signature(parameters, return_annotation=returns)  # type: ignore[attr-defined]
    endpoint.__name__ = endpoint.__qualname__ = operation.operation_id
    router.add_api_route(
        path,
        endpoint,
        methods=[method],
        operation_id=operation.operation_id,
        summary=operation.summary,
        description=operation.description,
        responses=error_responses(*operation.errors) if responses is None else responses,
        **route,
    )


def create_route(
    router: APIRouter, path: str, operation: Operation
) -> Callable[[DecoratedCallable], DecoratedCallable]:
    """The decorator of a create, POST `path`: answered 201, its errors those of `operation` and of a
    request body (`error_responses(..., body=True)`). The endpoint itself is written by hand: its
    body, the service call and the Location it answers with are its own."""
    return router.post(
        path,
        status_code=201,
        operation_id=operation.operation_id,
        summary=operation.summary,
        description=operation.description,
        responses=error_responses(*operation.errors, body=True),
    )


def list_route(
    router: APIRouter,
    path: str,
    operation: Operation,
    caller: Any,
    service: Any,
    model: type[ListBody],
    fetch: Lister[Any],
    sorting: Sorting,
    filters: Callable[..., Any],
    /,
    *,
    parent: tuple[str, Any] | None = None,
    **queries: Any,
) -> None:
    """GET `path`: one page of a list, as `model`. Its parameters, in this order: the parent's id
    from the path (`parent`: the filter it fills and its annotation), the caller, the service, then
    `limit`, `cursor` and `sort` (one of `sorting`'s), then one query parameter per keyword of
    `queries` (the filter's name and its annotation; each is optional). The filters are built as
    `filters(**values)` and the page read by `service.<fetch>(ctx, filters, page)`."""

    async def endpoint(
        ctx: Context, service: Any, limit: int, cursor: str | None, sort: str | None, **values: Any
    ) -> ListBody:
        listed: Callable[[Context, Any, PageQuery], Awaitable[Page[Any]]] = getattr(service, fetch.__name__)
        return model.of(await listed(ctx, filters(**values), PageQuery(limit, cursor, sort)))

    parameters = [
        *([] if parent is None else [_parameter(parent[0], parent[1])]),
        _parameter("ctx", caller),
        _parameter("service", service),
        _parameter("limit", PageLimit, default=50),
        _parameter("cursor", PageCursor, default=None),
        _parameter("sort", Annotated[str | None, sort_query(sorting)], default=None),
        *(_parameter(name, annotation, default=None) for name, annotation in queries.items()),
    ]
    _add_route(router, path, "GET", operation, endpoint, parameters, model)


def _parameter(name: str, annotation: Any, *, default: Any = inspect.Parameter.empty) -> inspect.Parameter:
    return inspect.Parameter(name, _KEYWORD, annotation=annotation, default=default)


def _call(
    method: ById[ServiceT, RecordT], service: ServiceT, ctx: Context, resource_id: str
) -> Awaitable[RecordT]:
    """`service.<method>(ctx, resource_id)`, the method looked up on the service when the request
    comes, as a hand-written route would: a subclass's override or a patched class is the one called."""
    bound: Callable[[Context, str], Awaitable[RecordT]] = getattr(service, method.__name__)
    return bound(ctx, resource_id)
