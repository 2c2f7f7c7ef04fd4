"""Checking a webhook delivery on the receiving side, with the client alone installed.

Deliveries carry Standard Webhooks headers: `webhook-id`, `webhook-timestamp` (seconds) and
`webhook-signature`, a space-separated list of `v1,<base64 HMAC-SHA256>` of `"{id}.{timestamp}.{body}"`,
one per signing secret (two during a rotation). The key is the base64 after `whsec_` in the
endpoint's secret.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any

TOLERANCE_SECONDS = 300  # a timestamp further than this from the clock is refused as a replay


class WebhookVerificationError(Exception):
    """The request is not a delivery signed with this secret, or it is too old (or too new)."""


def _required(headers: Mapping[str, str], name: str) -> str:
    found = {key.lower(): value for key, value in headers.items()}.get(name)
    if found is None:
        raise WebhookVerificationError(f"The {name} header is missing.")
    return found


def _decoded(text: str) -> bytes | None:
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error:
        return None


def verify_webhook(
    body: bytes | str,
    headers: Mapping[str, str],
    secret: str,
    *,
    tolerance_seconds: float = TOLERANCE_SECONDS,
    now: float | None = None,
) -> Any:
    """The event of a delivery (the parsed JSON body), once one of its signatures matches `secret`
    (compared in constant time) and its timestamp is within `tolerance_seconds` of `now` (default:
    the clock). Raises `WebhookVerificationError` otherwise. Pass the raw body as received: JSON
    parsed and encoded again no longer matches its signature. Deliveries come at least once, so
    deduplicate on the event's `id`."""
    raw = body.encode("utf-8") if isinstance(body, str) else body
    message_id = _required(headers, "webhook-id")
    timestamp = _required(headers, "webhook-timestamp")
    signatures = _required(headers, "webhook-signature")
    if not timestamp.isdigit():
        raise WebhookVerificationError("The webhook-timestamp header is not a number of seconds.")
    clock = time.time() if now is None else now
    if abs(clock - int(timestamp)) > tolerance_seconds:
        raise WebhookVerificationError("The webhook-timestamp is too far from now: refused as a replay.")
    key = _decoded(secret.removeprefix("whsec_"))
    if key is None:
        raise WebhookVerificationError("The secret is not a whsec_ secret.")
    expected = hmac.new(key, f"{message_id}.{timestamp}.".encode() + raw, hashlib.sha256).digest()
    for candidate in signatures.split():
        version, _, encoded = candidate.partition(",")
        given = _decoded(encoded)
        if version == "v1" and given is not None and hmac.compare_digest(given, expected):
            return json.loads(raw)
    raise WebhookVerificationError("No signature matches this secret.")
