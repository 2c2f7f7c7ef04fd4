"""The app in process for the in-process benchmarks (`cpu_per_request`, `round_trips`): built as
`stockyard serve` builds it, with the free plan's request budget lifted to 10⁹ a minute so that
nothing is refused, and a workspace seeded through the API."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from fastapi import FastAPI

SECRET = "bench-secret-key-that-is-long-enough-for-hs256"  # noqa: S105 (a benchmark's throwaway app)
PASSWORD = "correct-horse-battery-staple"  # noqa: S105


def bench_app(database_url: str, data_dir: Path, rate_limit_url: str = "memory://") -> FastAPI:
    """The production app over `database_url`, rate limiting on (in memory or at `rate_limit_url`)."""
    from stockyard.api.app import create_app
    from stockyard.settings import Settings

    plans = data_dir / "plans.toml"
    plans.write_text("[plans.free]\nrequests_per_minute = 1000000000\n", encoding="utf-8")
    settings = Settings(
        database_url=database_url,
        data_dir=data_dir,
        secret_key=SECRET,
        rate_limit_enabled=True,
        rate_limit_url=rate_limit_url,
        rate_limit_key_prefix=f"bench-{uuid.uuid4().hex}",
        plans_file=str(plans),
    )
    return create_app(settings)


@dataclass(frozen=True)
class Workspace:
    """A seeded workspace: the owner's and an API key's headers, a location and an item in it."""

    owner: dict[str, str]
    key: dict[str, str]
    location_id: str
    item_id: str


async def seed_workspace(client: httpx.AsyncClient) -> Workspace:
    """A new workspace, its owner signed in, an API key, a warehouse with a location, an item."""

    async def post(url: str, headers: dict[str, str] | None = None, **body: object) -> dict[str, object]:
        response = await client.post(url, headers=headers, json=body)
        assert response.status_code in (200, 201), response.text
        return dict(response.json())

    slug = f"bench-{uuid.uuid4().hex[:10]}"
    email = f"owner-{slug}@example.com"
    await post(
        "/api/v1/workspaces",
        name=slug,
        slug=slug,
        owner={"email": email, "name": "Owner", "password": PASSWORD},
    )
    signed_in = await post("/api/v1/auth/token", workspace=slug, email=email, password=PASSWORD)
    owner = {"Authorization": f"Bearer {signed_in['accessToken']}"}
    scopes = ["inventory.read", "inventory.write", "warehouses.manage"]
    secret = (await post("/api/v1/api-keys", owner, name="bench", scopes=scopes))["secret"]
    key = {"Authorization": f"Bearer {secret}"}
    warehouse = await post("/api/v1/warehouses", key, shortId="BW1", name="Bench")
    location = await post(f"/api/v1/warehouses/{warehouse['id']}/locations", key, code="A-01")
    item = await post("/api/v1/items", key, sku="BENCH-1", name="Bench item")
    return Workspace(owner=owner, key=key, location_id=str(location["id"]), item_id=str(item["id"]))
