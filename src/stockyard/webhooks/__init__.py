"""Webhooks: endpoints a workspace registers, the deliveries the event relay's fan-out queues for
them, and the workers that deliver them signed (Standard Webhooks). Knows nothing of HTTP routing.

`verify` is for receivers: it checks a delivery's signature and age (standard library only)."""

from stockyard.webhooks.verification import WebhookVerificationError, verify

__all__ = ["WebhookVerificationError", "verify"]
