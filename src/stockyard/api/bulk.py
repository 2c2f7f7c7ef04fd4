"""Reading a bulk request's body into a job submission (JSON array or CSV)."""

from __future__ import annotations

from typing import Any

from fastapi import Request, Response

from stockyard.api.paths import API_V1
from stockyard.core.context import Context
from stockyard.core.plans import Capability
from stockyard.errors import validation_failed
from stockyard.jobs.model import MAX_ROWS, JobKind, JobMode, JobRecord, PayloadFormat
from stockyard.jobs.runner import JobRunner
from stockyard.jobs.service import JobService, JobSubmission


def rows_body(schema: str, *, csv: bool) -> dict[str, Any]:
    """A bulk route's `openapi_extra`: its body is a JSON array of `schema` objects (the body of the
    single-resource POST), or with `csv` also a text/csv file."""
    rows = {
        "type": "array",
        "items": {"$ref": f"#/components/schemas/{schema}"},
        # An empty array is refused (400), more than MAX_ROWS rows too (413): jobs/payload.py.
        "minItems": 1,
        "maxItems": MAX_ROWS,
    }
    content: dict[str, Any] = {"application/json": {"schema": rows}}
    if csv:
        content["text/csv"] = {"schema": {"type": "string"}}
    return {"requestBody": {"required": True, "content": content}}


async def start_job(
    request: Request,
    response: Response,
    ctx: Context,
    jobs: JobService,
    runner: JobRunner,
    *,
    kind: JobKind,
    mode: JobMode,
    dry_run: bool,
) -> JobRecord:
    """What a bulk route does: store the job the request submits, start it, and point `Location` at it."""
    job = await jobs.submit(ctx, await read_submission(request, ctx, kind, mode, dry_run))
    runner.start(job.id)
    response.headers["Location"] = f"{API_V1}/jobs/{job.id}"
    return job


async def read_submission(
    request: Request, ctx: Context, kind: JobKind, mode: JobMode, dry_run: bool
) -> JobSubmission:
    """The job a bulk route submits. The plan's `bulk_import` capability comes first (403
    missing_capability), before the body is read: a plan without it learns that, not a payload error."""
    ctx.principal.require_capability(Capability.BULK_IMPORT)
    body = await request.body()
    if not body.strip():
        raise validation_failed({"body": ["The request body is required."]})
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    payload_format = PayloadFormat.CSV if media_type == "text/csv" else PayloadFormat.JSON
    return JobSubmission(kind=kind, mode=mode, dry_run=dry_run, payload=body, payload_format=payload_format)
