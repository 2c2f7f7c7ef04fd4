"""Opaque secrets (refresh tokens, invite tokens, API keys): generated here, stored only as hashes."""

from __future__ import annotations

import hashlib
import secrets

API_KEY_PREFIX = "sy_live_"


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """SHA-256 is right for high-entropy secrets: no salt or stretching needed, lookups stay O(1)."""
    return hashlib.sha256(secret.encode()).hexdigest()
