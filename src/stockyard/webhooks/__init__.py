"""Webhooks: endpoints a workspace registers, the deliveries the event relay's fan-out queues for
them, and the workers that deliver them signed (Standard Webhooks). Knows nothing of HTTP routing."""
