"""`GET /metrics`: the Prometheus text format (`stockyard/metrics.py`), outside /api like the probes,
so never authenticated, rate limited or refused for maintenance by the API's middleware.

With `STOCKYARD_METRICS_TOKEN` set it asks for `Authorization: Bearer <token>` (compared in
constant time): no header is 401 `missing_credentials`, another credential 401 `token_invalid`.
"""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.responses import Response

from stockyard.api.middleware.authentication import bearer_credential
from stockyard.errors import StockyardError, catalog
from stockyard.metrics import CONTENT_TYPE, exposition
from stockyard.settings import Settings

router = APIRouter(include_in_schema=False)


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    settings: Settings = request.app.state.services.settings
    if settings.metrics_token:
        _check_token(Headers(scope=request.scope), settings.metrics_token)
    # With several workers a scrape reads every worker's files: off the event loop.
    return Response(await run_in_threadpool(exposition), media_type=CONTENT_TYPE)


def _check_token(headers: Headers, token: str) -> None:
    credential = bearer_credential(headers)
    if credential is None:
        raise StockyardError(catalog.MISSING_CREDENTIALS)
    if not hmac.compare_digest(credential.encode(), token.encode()):
        raise StockyardError(catalog.TOKEN_INVALID, "The metrics token is invalid.")
