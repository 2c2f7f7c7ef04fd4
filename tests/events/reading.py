"""Reading the feed in tests: drain the relay (so every committed event is numbered), then list."""

from __future__ import annotations

from typing import Any

from stockyard.events.catalog import CATALOG
from stockyard.events.model import EventType
from tests.support import Tenant


def drain(tenant: Tenant) -> None:
    relay = tenant.client.app.state.event_relay
    tenant.client.portal.call(relay.drain)


def feed(tenant: Tenant, *types: str) -> list[dict[str, Any]]:
    """Every event of these types in the tenant's feed, oldest first (after draining the relay)."""
    drain(tenant)
    found: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 200, **({"types": ",".join(types)} if types else {})}
    while True:
        response = tenant.get("/api/v1/events", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        found += page["data"]
        if not page["hasMore"]:
            return found
        params["after"] = page["nextCursor"]


def data(type: EventType, marker: object) -> dict[str, Any]:
    """The catalogue's example data of `type`, its first field set to `marker` (to tell events apart)."""
    example = dict(CATALOG[type][2])
    example[next(iter(example))] = str(marker)
    return example


def marker(event: dict[str, Any]) -> str:
    return str(next(iter(event["data"].values())))
