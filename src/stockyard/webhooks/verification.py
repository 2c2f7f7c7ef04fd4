"""Checking a webhook on the receiving side: `verify(body, headers, secret)`.

Standard library only. A receiver that installs only the client distribution has the same check
there (`stockyard_client.verify_webhook`, tested against this one).
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

TOLERANCE_SECONDS = 5 * 60  # older (or further in the future) than this: refused, a replay


class WebhookVerificationError(Exception):
    """The request is not a webhook Stockyard signed with this secret, or it is too old."""


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    raise WebhookVerificationError(f"The {name} header is missing.")


def verify(
    body: bytes | str,
    headers: Mapping[str, str],
    secret: str,
    *,
    tolerance_seconds: int = TOLERANCE_SECONDS,
    now: float | None = None,
) -> Any:
    """The event the request carries, once its `webhook-signature` matches `secret` (compared in
    constant time) and its `webhook-timestamp` is within `tolerance_seconds` of `now` (the clock);
    `WebhookVerificationError` otherwise. `body` must be the raw bytes received, not re-encoded JSON."""
    raw = body.encode() if isinstance(body, str) else body
    message_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    try:
        sent_at = int(timestamp)
    except ValueError:
        raise WebhookVerificationError("The webhook-timestamp header is not a number of seconds.") from None
    if abs((time.time() if now is None else now) - sent_at) > tolerance_seconds:
        raise WebhookVerificationError("The webhook-timestamp is too far from now: refused as a replay.")
    try:
        key = base64.b64decode(secret.removeprefix("whsec_"), validate=True)
    except binascii.Error:
        raise WebhookVerificationError("The secret is not a whsec_ secret.") from None
    expected = hmac.new(key, f"{message_id}.{timestamp}.".encode() + raw, hashlib.sha256).digest()
    for signature in signatures.split(" "):
        version, _, encoded = signature.partition(",")
        try:
            given = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            continue
        if version == "v1" and hmac.compare_digest(given, expected):
            return json.loads(raw)
    raise WebhookVerificationError("No signature matches this secret.")
