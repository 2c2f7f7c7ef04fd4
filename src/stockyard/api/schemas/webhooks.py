"""Webhook endpoint and delivery bodies. The signing secret appears only when it is made: in the
creation and rotation responses."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import (
    ByValue,
    CreatedAt,
    ListBody,
    RequestModel,
    ResponseModel,
    UpdatedAt,
    UpdateModel,
    id_of,
)
from stockyard.events.model import EventType
from stockyard.webhooks.endpoints import DeliveryStatus, EndpointChanges

WebhookUrl = Annotated[
    str,
    Field(
        min_length=1,
        max_length=2048,
        description="Where deliveries are POSTed: an https:// URL whose host resolves to public addresses.",
    ),
]
EventTypes = Annotated[
    list[Annotated[EventType, ByValue]],
    Field(min_length=1, max_length=len(EventType), description="The event types delivered to it."),
]
Description = Annotated[str, Field(max_length=500)]


class WebhookEndpointCreate(RequestModel):
    url: WebhookUrl
    event_types: EventTypes
    description: Description | None = None


class WebhookEndpointUpdate(UpdateModel[EndpointChanges]):
    non_nullable = frozenset({"url", "event_types", "enabled"})

    url: WebhookUrl | None = None
    event_types: EventTypes | None = None
    enabled: bool | None = None
    description: Description | None = None


class WebhookEndpoint(ResponseModel):
    id: str = id_of("whe", "webhook endpoint")
    url: str = Field(description="Where deliveries are POSTed.")
    description: str | None = Field(description="What the endpoint is for; null when not set.")
    event_types: list[str] = Field(description="The event types delivered to it, sorted.")
    enabled: bool = Field(
        description="Whether events are delivered to it. Stockyard disables an endpoint whose "
        "deliveries have all failed for 3 days (see disabledReason)."
    )
    disabled_at: datetime | None = Field(description="When it was disabled; null while enabled.")
    disabled_reason: str | None = Field(description="Why it was disabled; null while enabled.")
    failing_since: datetime | None = Field(
        description="The first failed attempt since its last success; null when its last attempt succeeded."
    )
    created_at: CreatedAt
    updated_at: UpdatedAt


class WebhookEndpointWithSecret(WebhookEndpoint):
    secret: str = Field(
        description="The signing secret (`whsec_…`). It is shown only in this response; store it safely."
    )


class WebhookEndpointList(ListBody):
    data: list[WebhookEndpoint]


class WebhookTestSent(ResponseModel):
    event_id: str = Field(
        description="The `webhook.test` event queued for the endpoint: the `webhook-id` of its delivery."
    )


class WebhookDelivery(ResponseModel):
    id: str = id_of("whd", "webhook delivery")
    endpoint_id: str = Field(description="The endpoint it goes to.")
    event_id: str = Field(description="The event it carries (`webhook-id`); GET /api/v1/events/{eventId}.")
    status: DeliveryStatus = Field(
        description="`pending` (waiting for its next attempt), `delivering` (an attempt in flight), "
        "`succeeded`, or `failed` (every retry spent)."
    )
    attempts: int = Field(description="How many attempts were made.")
    next_attempt_at: datetime | None = Field(description="When it is next attempted; null once finished.")
    last_status_code: int | None = Field(description="The HTTP status of the last answer; null if none came.")
    last_latency_ms: int | None = Field(description="How long the last attempt took, in milliseconds.")
    last_error: str | None = Field(description="Why the last attempt failed; null after a success.")
    last_response_body: str | None = Field(description="The first 4 KiB of the last answer's body.")
    created_at: CreatedAt
    updated_at: UpdatedAt


class WebhookDeliveryList(ListBody):
    data: list[WebhookDelivery]
