"""Every conformance scenario, registered in `tests.conformance.harness.SCENARIOS` on import."""

from tests.conformance.scenarios import access, foundation, inventory, traffic, webhooks

__all__ = ["access", "foundation", "inventory", "traffic", "webhooks"]
