"""The API's path prefixes, named once: routers mount under `API_V1`, and the middleware that
applies only to API calls (authentication, rate limits, idempotency, maintenance) tests
`API_ROOT`."""

from __future__ import annotations

API_ROOT = "/api/"
API_V1 = "/api/v1"
