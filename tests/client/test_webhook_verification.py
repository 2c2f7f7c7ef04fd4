"""`stockyard_client.verify_webhook` (the receiver's check with the client alone installed) accepts
exactly what the server signs, and refuses what the server's own `stockyard.webhooks.verify` refuses."""

from __future__ import annotations

import json
from typing import Any

import pytest
from stockyard_client import WebhookVerificationError, verify_webhook

from stockyard.webhooks import WebhookVerificationError as ServerVerificationError
from stockyard.webhooks import verify
from stockyard.webhooks.signing import new_secret, signature_header

NOW = 1_800_000_000
BODY = json.dumps({"id": "evt_1", "type": "item.created", "data": {"itemId": "itm_1"}}).encode()
CURRENT, PREVIOUS, OTHER = new_secret(), new_secret(), new_secret()


def _headers(secrets: list[str], *, timestamp: int = NOW, body: bytes = BODY) -> dict[str, str]:
    return {
        "Webhook-Id": "msg_1",
        "Webhook-Timestamp": str(timestamp),
        "Webhook-Signature": signature_header(secrets, "msg_1", timestamp, body),
    }


CASES: list[tuple[str, bytes | str, dict[str, str], str, str | None]] = [
    ("signed with the secret", BODY, _headers([CURRENT]), CURRENT, None),
    ("the old secret during a rotation", BODY, _headers([CURRENT, PREVIOUS]), PREVIOUS, None),
    ("the body as text", BODY.decode(), _headers([CURRENT]), CURRENT, None),
    (
        "a changed body",
        BODY.replace(b"itm_1", b"itm_2"),
        _headers([CURRENT]),
        CURRENT,
        "No signature matches",
    ),
    ("another secret", BODY, _headers([CURRENT]), OTHER, "No signature matches"),
    ("five minutes and a second old", BODY, _headers([CURRENT], timestamp=NOW - 301), CURRENT, "too far"),
    ("from the future", BODY, _headers([CURRENT], timestamp=NOW + 301), CURRENT, "too far"),
    ("no signature", BODY, {"webhook-id": "msg_1", "webhook-timestamp": str(NOW)}, CURRENT, "missing"),
    (
        "a timestamp that is not a number",
        BODY,
        {**_headers([CURRENT]), "Webhook-Timestamp": "soon"},
        CURRENT,
        "not a number",
    ),
    ("a secret that is not base64", BODY, _headers([CURRENT]), "whsec_%%%", "not a whsec_ secret"),
]


@pytest.mark.parametrize(
    ("body", "headers", "secret", "refused"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_the_client_check_agrees_with_the_server(
    body: bytes | str, headers: dict[str, str], secret: str, refused: str | None
) -> None:
    server: Any
    try:
        server = verify(body, headers, secret, now=NOW)
    except ServerVerificationError as error:
        server = error
    if refused is None:
        assert verify_webhook(body, headers, secret, now=NOW) == server == json.loads(BODY)
    else:
        assert isinstance(server, ServerVerificationError)
        with pytest.raises(WebhookVerificationError) as raised:
            verify_webhook(body, headers, secret, now=NOW)
        assert refused in str(raised.value)
        assert str(raised.value) == str(server)
