"""CORS for browser apps on the origins of `STOCKYARD_CORS_ORIGINS` (docs/deployment.md, Browser apps).

Starlette's `CORSMiddleware` (plain ASGI), placed outside every other layer but tracing: a preflight
`OPTIONS` is answered before authentication and rate limiting ever see it, and every response to an
allowed origin, a 401, 429 or the last-resort 500 included, carries the CORS headers, so a browser
app can read the error instead of seeing an opaque network failure.

Credentials in the CORS sense (cookies, HTTP authentication) are never allowed: the API takes an
`Authorization: Bearer` header, which the app sets itself and which `Access-Control-Allow-Headers`
covers. So `*` stays safe: it never comes with `Access-Control-Allow-Credentials`.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

ALLOWED_METHODS = ("GET", "POST", "PATCH", "PUT", "DELETE")
ALLOWED_HEADERS = (
    "Authorization",
    "Content-Type",
    "If-Match",
    "If-None-Match",
    "Idempotency-Key",
    "X-Request-Id",
)
# The response headers a browser app may read besides the CORS-safelisted ones
EXPOSED_HEADERS = (
    "X-Request-Id",
    "ETag",
    "Location",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "Retry-After",
)
# How long a browser may reuse a preflight's answer
PREFLIGHT_MAX_AGE_SECONDS = 600


def add_cors(app: FastAPI, origins: Sequence[str]) -> None:
    """Answer CORS for `origins` (added last, so outside the middleware added before it)."""
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(origins),
        allow_methods=list(ALLOWED_METHODS),
        allow_headers=list(ALLOWED_HEADERS),
        allow_credentials=False,
        expose_headers=list(EXPOSED_HEADERS),
        max_age=PREFLIGHT_MAX_AGE_SECONDS,
    )
