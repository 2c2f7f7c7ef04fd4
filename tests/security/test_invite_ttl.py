"""STOCKYARD_INVITE_TTL_SECONDS decides how long an invite lives (issue 11, item 12), and no
lifetime setting can overflow a timestamp. Over HTTP
against a live server started with the setting, on the session's backend."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from stockyard.settings import Settings
from tests.client.live import LiveServer
from tests.support import create_tenant


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_an_invite_lives_as_long_as_the_setting_says(start_server: Callable[..., LiveServer]) -> None:
    server = start_server(INVITE_TTL_SECONDS="90")
    with httpx.Client(base_url=server.url, timeout=30) as http:
        owner = create_tenant(http)
        sent = owner.post("/api/v1/invites", json={"email": "short-lived@example.com", "role": "viewer"})
        assert sent.status_code == 201, sent.text
        body = sent.json()
        assert _at(body["expiresAt"]) - _at(body["createdAt"]) == timedelta(seconds=90)
        listed = owner.get(f"/api/v1/invites/{body['id']}").json()
        assert listed["expiresAt"] == body["expiresAt"]


@pytest.mark.parametrize(
    "name", ["invite_ttl_seconds", "refresh_token_ttl_seconds", "access_token_ttl_seconds"]
)
@pytest.mark.parametrize("value", [0, -1, 10**12])
def test_lifetimes_out_of_range_are_refused_at_start(name: str, value: int) -> None:
    with pytest.raises(ValidationError) as refused:
        fields: dict[str, Any] = {name: value}
        Settings(**fields)
    assert refused.value.errors()[0]["loc"] == (name,)
