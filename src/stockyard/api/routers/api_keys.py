"""API keys: /api/v1/api-keys (`api_keys.manage`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Response

from stockyard.api.deps import authorize, over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    CHANGE_ONE_ERRORS,
    LIST_ERRORS,
    READ_ONE_ERRORS,
    WRITE_ERRORS,
    ApiKeyId,
    api_router,
    located,
    shown_once,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, create_route, list_route
from stockyard.api.schemas.api_keys import ApiKey, ApiKeyCreate, ApiKeyCreated, ApiKeyList
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.errors import catalog
from stockyard.identity.api_keys import API_KEY_SORTS, ApiKeyFilters, ApiKeyService

TAG = ApiTag(190, "api keys", "API keys for integrations; a key's secret is shown once, at creation.")
router = api_router(TAG)

ApiKeys = Annotated[ApiKeyService, Depends(over_database(ApiKeyService))]

Manager = Annotated[Context, Depends(authorize(Permission.API_KEYS_MANAGE))]


@create_route(
    router,
    "/api-keys",
    Operation(
        "createApiKey",
        "Create an API key; its secret is in this response only",
        (*WRITE_ERRORS, catalog.EXCEEDED_LIMIT, catalog.UNPROCESSABLE_ENTITY),
        description="The scopes must be a subset of the caller's own permissions (403 insufficient_permissions).",
    ),
)
async def create_api_key(
    body: ApiKeyCreate, ctx: Manager, keys: ApiKeys, response: Response
) -> ApiKeyCreated:
    created = await keys.create(
        ctx,
        name=body.name,
        scopes=[scope.value for scope in body.scopes],
        read_only=body.read_only,
        warehouse_ids=body.warehouse_ids,
    )
    located(response, f"{API_V1}/api-keys/{created.key.id}")
    return shown_once(response, ApiKey.of(created.key), ApiKeyCreated, secret=created.secret)


list_route(
    router,
    "/api-keys",
    Operation(
        "listApiKeys",
        "List the workspace's live API keys (never their secrets), oldest first unless sorted",
        LIST_ERRORS,
    ),
    Manager,
    ApiKeys,
    ApiKeyList,
    ApiKeyService.list,
    API_KEY_SORTS,
    ApiKeyFilters,
    read_only=Annotated[
        bool | None, Query(alias="readOnly", description="Only read-only (true) or read-write (false) keys.")
    ],
)


_api_key = ResourceRoutes(router, "/api-keys/{keyId}", ApiKeyId, ApiKeys, ApiKey)
_api_key.get(Operation("getApiKey", "Get an API key (never its secret)", READ_ONE_ERRORS), Manager)
_api_key.remove(
    Operation(
        "revokeApiKey", "Revoke an API key: it stops working at once (401 invalid_api_key)", CHANGE_ONE_ERRORS
    ),
    Manager,
    ApiKeyService.revoke,
)
