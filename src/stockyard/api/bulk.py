"""Reading a bulk request's body into a job submission (JSON array or CSV)."""

from __future__ import annotations

from fastapi import Request

from stockyard.errors import validation_failed
from stockyard.jobs.model import JobKind, JobMode, PayloadFormat
from stockyard.jobs.service import JobSubmission


async def read_submission(request: Request, kind: JobKind, mode: JobMode, dry_run: bool) -> JobSubmission:
    body = await request.body()
    if not body.strip():
        raise validation_failed({"body": ["The request body is required."]})
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    payload_format = PayloadFormat.CSV if media_type == "text/csv" else PayloadFormat.JSON
    return JobSubmission(kind=kind, mode=mode, dry_run=dry_run, payload=body, payload_format=payload_format)
