"""Webhook endpoints and their deliveries: /api/v1/webhook-endpoints (`webhooks.manage`, plan
capability `webhooks`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Response

from stockyard.api.deps import Services, authorize, from_services
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    CHANGE_ONE_ERRORS,
    LIST_ERRORS,
    READ_ONE_ERRORS,
    VERSIONED_CHANGE_ERRORS,
    WRITE_ERRORS,
    PageCursor,
    PageLimit,
    api_router,
    id_path,
    located,
    shown_once,
    sort_query,
    with_etag,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, create_route, list_route
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.webhooks import (
    WebhookDelivery,
    WebhookDeliveryList,
    WebhookEndpoint,
    WebhookEndpointCreate,
    WebhookEndpointList,
    WebhookEndpointUpdate,
    WebhookEndpointWithSecret,
    WebhookTestSent,
)
from stockyard.core.context import Context
from stockyard.core.listing import PageQuery
from stockyard.core.permissions import Permission
from stockyard.errors import catalog
from stockyard.webhooks.endpoints import (
    DELIVERY_SORTS,
    ENDPOINT_SORTS,
    DeliveryFilters,
    DeliveryStatus,
    EndpointFilters,
    EndpointWithSecret,
    WebhookEndpointService,
)
from stockyard.webhooks.urls import UrlPolicy

TAG = ApiTag(
    130,
    "webhooks",
    "Webhook endpoints: events POSTed as they happen, signed per Standard Webhooks, retried; their deliveries.",
)
router = api_router(TAG)


def _service(services: Services) -> WebhookEndpointService:
    return WebhookEndpointService(services.database, UrlPolicy.of(services.settings))


Endpoints = Annotated[WebhookEndpointService, Depends(from_services(_service))]
Manager = Annotated[Context, Depends(authorize(Permission.WEBHOOKS_MANAGE))]
EndpointId = Annotated[str, id_path("endpointId", "whe", "The webhook endpoint's id.")]
DeliveryId = Annotated[str, id_path("deliveryId", "whd", "The delivery's id.")]

# What sets deliveries going needs the plan's webhooks capability; reading and deleting do not, so that
# a workspace moved to a plan without it still sees and removes what it registered.
_CAPABILITY = (catalog.MISSING_CAPABILITY,)


def _with_secret(response: Response, made: EndpointWithSecret) -> WebhookEndpointWithSecret:
    shown = WebhookEndpoint.of(with_etag(response, made.endpoint))
    return shown_once(response, shown, WebhookEndpointWithSecret, secret=made.secret)


@create_route(
    router,
    "/webhook-endpoints",
    Operation(
        "createWebhookEndpoint",
        "Register a webhook endpoint; its signing secret is in this response only",
        (*WRITE_ERRORS, *_CAPABILITY, catalog.EXCEEDED_LIMIT, catalog.INVALID_WEBHOOK_URL),
    ),
)
async def create_webhook_endpoint(
    body: WebhookEndpointCreate, ctx: Manager, endpoints: Endpoints, response: Response
) -> WebhookEndpointWithSecret:
    made = await endpoints.create(
        ctx,
        url=body.url,
        event_types=[event_type.value for event_type in body.event_types],
        description=body.description,
    )
    located(response, f"{API_V1}/webhook-endpoints/{made.endpoint.id}")
    return _with_secret(response, made)


list_route(
    router,
    "/webhook-endpoints",
    Operation(
        "listWebhookEndpoints",
        "List the workspace's webhook endpoints (never their secrets), oldest first unless sorted",
        LIST_ERRORS,
    ),
    Manager,
    Endpoints,
    WebhookEndpointList,
    WebhookEndpointService.list,
    ENDPOINT_SORTS,
    EndpointFilters,
    enabled=Annotated[bool | None, Query(description="Only enabled (true) or disabled (false) endpoints.")],
)


_endpoint = ResourceRoutes(router, "/webhook-endpoints/{endpointId}", EndpointId, Endpoints, WebhookEndpoint)
_endpoint.conditional_get(
    Operation("getWebhookEndpoint", "Get a webhook endpoint (never its secret)", READ_ONE_ERRORS), Manager
)
_endpoint.update(
    Operation(
        "updateWebhookEndpoint",
        "Change a webhook endpoint's URL, event types or description, or enable or disable it",
        (*VERSIONED_CHANGE_ERRORS, *_CAPABILITY, catalog.INVALID_WEBHOOK_URL),
        description="Enabling an endpoint again (after Stockyard disabled it) delivers what waited for it.",
    ),
    Manager,
    WebhookEndpointUpdate,
)
_endpoint.delete(
    Operation(
        "deleteWebhookEndpoint", "Delete a webhook endpoint and its deliveries", VERSIONED_CHANGE_ERRORS
    ),
    Manager,
)


@router.post(
    "/webhook-endpoints/{endpointId}/rotate-secret",
    operation_id="rotateWebhookEndpointSecret",
    summary="Give a webhook endpoint a new signing secret; the old one keeps signing beside it for 24 hours",
    responses=error_responses(*CHANGE_ONE_ERRORS, *_CAPABILITY),
)
async def rotate_webhook_endpoint_secret(
    endpoint_id: EndpointId, ctx: Manager, endpoints: Endpoints, response: Response
) -> WebhookEndpointWithSecret:
    return _with_secret(response, await endpoints.rotate_secret(ctx, endpoint_id))


@router.post(
    "/webhook-endpoints/{endpointId}/test",
    status_code=202,
    operation_id="testWebhookEndpoint",
    summary="Send a webhook.test event to the endpoint (through the feed, like any event)",
    responses=error_responses(*CHANGE_ONE_ERRORS, *_CAPABILITY, catalog.INVALID_STATE),
)
async def test_webhook_endpoint(
    endpoint_id: EndpointId, ctx: Manager, endpoints: Endpoints
) -> WebhookTestSent:
    return WebhookTestSent(event_id=await endpoints.send_test(ctx, endpoint_id))


@router.get(
    "/webhook-endpoints/{endpointId}/deliveries",
    operation_id="listWebhookDeliveries",
    summary="List an endpoint's deliveries, newest first unless sorted: status, attempts, last answer",
    responses=error_responses(*LIST_ERRORS, catalog.NOT_FOUND),
)
async def list_webhook_deliveries(
    endpoint_id: EndpointId,
    ctx: Manager,
    endpoints: Endpoints,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    sort: Annotated[str | None, sort_query(DELIVERY_SORTS)] = None,
    status: Annotated[DeliveryStatus | None, Query(description="Only deliveries in this status.")] = None,
) -> WebhookDeliveryList:
    page = await endpoints.deliveries(
        ctx, endpoint_id, DeliveryFilters(status=status), PageQuery(limit, cursor, sort)
    )
    return WebhookDeliveryList.of(page)


@router.post(
    "/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry",
    operation_id="retryWebhookDelivery",
    summary="Attempt a delivery again now (a failed or succeeded one gets one more attempt)",
    responses=error_responses(*CHANGE_ONE_ERRORS, *_CAPABILITY, catalog.INVALID_STATE),
)
async def retry_webhook_delivery(
    endpoint_id: EndpointId, delivery_id: DeliveryId, ctx: Manager, endpoints: Endpoints
) -> WebhookDelivery:
    return WebhookDelivery.of(await endpoints.retry_delivery(ctx, endpoint_id, delivery_id))
