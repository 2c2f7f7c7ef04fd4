"""Scenarios of the webhook endpoints."""

from __future__ import annotations

from tests.conformance.harness import Expect, Harness, scenario


@scenario("invalid_webhook_url")
def invalid_webhook_url(h: Harness) -> Expect:
    tenant = h.tenant(plan="team")
    response = tenant.post(
        "/api/v1/webhook-endpoints",
        json={"url": "https://169.254.169.254/latest/meta-data", "eventTypes": ["item.created"]},
    )
    return Expect(
        response,
        "The host of the webhook URL, 169.254.169.254, resolves to 169.254.169.254, a cloud metadata "
        "address; webhooks are delivered only to public addresses.",
        param="url",
    )
