"""Operator commands for bulk work: `stockyard import items FILE.csv` and `stockyard export REPORT`.

Both act on one workspace named by its slug and show a progress bar (rich) on the terminal. An
import is an ordinary job (stored, resumable, listed by GET /api/v1/jobs) run in this process; its
actor is the system, and the plan's item limit applies (the bulk_import capability is not asked of
an operator). An export runs the report as the workspace's owner would, within the plan.
"""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from sqlalchemy import select

from stockyard.cli_database import run_or_exit, with_database
from stockyard.cli_plans import configured_plans
from stockyard.core.context import Context
from stockyard.core.permissions import ALL_PERMISSIONS
from stockyard.core.principal import Principal, PrincipalKind
from stockyard.db.database import Connection, Database
from stockyard.db.tables import workspaces
from stockyard.errors import StockyardError, catalog
from stockyard.jobs.model import JobKind, JobMode, JobRecord, PayloadFormat
from stockyard.jobs.service import JobService, JobSubmission
from stockyard.reports import render
from stockyard.reports.model import GroupBy, ReportFormat, ReportParams, ReportStream
from stockyard.reports.service import ReportService, parse_name
from stockyard.server import build_job_runner
from stockyard.settings import get_settings

import_app = typer.Typer(help="Import data into a workspace.", no_args_is_help=True)
stderr = Console(stderr=True)


async def _workspace(database: Database, slug: str) -> tuple[str, str]:
    async def find(conn: Connection) -> tuple[str, str] | None:
        row = (
            await conn.execute(select(workspaces.c.id, workspaces.c.plan).where(workspaces.c.slug == slug))
        ).first()
        return None if row is None else (row.id, row.plan)

    found = await database.transact(find)
    if found is None:
        raise StockyardError(catalog.NOT_FOUND, f"There is no workspace '{slug}'.")
    return found


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
    )


@import_app.command("items")
def import_items(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A CSV file with a header line."),
    workspace: str = typer.Option(..., "--workspace", help="The workspace's slug."),
    mode: JobMode = typer.Option(JobMode.CREATE, help="create, or upsert by SKU."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check every row, write nothing."),
) -> None:
    """Import items from a CSV file (the columns of POST /api/v1/items) as a job."""
    settings = get_settings()
    configured_plans(settings)  # the import counts items against the workspace's plan
    submission = JobSubmission(JobKind.ITEMS_IMPORT, mode, dry_run, file.read_bytes(), PayloadFormat.CSV)

    async def run(database: Database) -> JobRecord:
        workspace_id, _ = await _workspace(database, workspace)
        service = JobService(database)
        job = await service.submit_as_operator(workspace_id, submission)
        with _progress() as progress:
            task = progress.add_task(f"Importing {file.name}", total=job.total)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            await build_job_runner(database).run(job.id, on_progress=advance)
        return await service.get_in_workspace(workspace_id, job.id)

    job = run_or_exit(with_database(settings, run))
    verb = "would be imported" if job.dry_run else "imported"
    typer.echo(f"Job {job.id}: {job.status.value}; {job.succeeded:,} rows {verb}, {job.failed:,} failed.")
    for row_error in job.errors[:20]:
        where = f"line {row_error.line}" if row_error.line is not None else f"row {row_error.index}"
        body = row_error.error
        extra = f" {body['details']}" if body.get("details") else ""
        typer.echo(f"  {where}: {body['code']}: {body['message']}{extra}")
    if job.failed > 20:
        typer.echo(f"  ... and {job.failed - 20:,} more (GET /api/v1/jobs/{job.id}).")
    if job.failed:
        raise typer.Exit(1)


def export(
    report: str = typer.Argument(
        ..., help="stock-on-hand, low-stock, movements, valuation, cogs or expiring."
    ),
    workspace: str = typer.Option(..., "--workspace", help="The workspace's slug."),
    report_format: ReportFormat = typer.Option(ReportFormat.CSV, "--format", help="csv, json or xlsx."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write; standard output if omitted."
    ),
    group_by: GroupBy | None = typer.Option(None, "--group-by", help="stock-on-hand: location or warehouse."),
    as_of: datetime | None = typer.Option(
        None, "--as-of", help="stock-on-hand: from the ledger at this UTC time."
    ),
    warehouse_id: str | None = typer.Option(None, "--warehouse", help="Only this warehouse (its id)."),
) -> None:
    """Export a report of a workspace to a file (CSV by default)."""
    if report_format is ReportFormat.XLSX and not render.xlsx_available():
        typer.echo("XLSX needs the optional extra: pip install 'stockyard[xlsx]'.", err=True)
        raise typer.Exit(1)
    settings = get_settings()
    params = ReportParams(
        group_by=group_by,
        as_of=None
        if as_of is None
        else as_of.replace(tzinfo=as_of.tzinfo or datetime.now().astimezone().tzinfo),
        warehouse_id=warehouse_id,
    )

    async def run(database: Database, target: BinaryIO) -> int:
        workspace_id, plan = await _workspace(database, workspace)
        principal = Principal(
            kind=PrincipalKind.MEMBER,
            id="operator",
            workspace_id=workspace_id,
            workspace_slug=workspace,
            plan=plan,
            permissions=frozenset(ALL_PERMISSIONS),
        )
        stream = await ReportService(database).open(Context(principal, "cli"), parse_name(report), params)
        return await _write(stream, report_format, target)

    # Standard output is written to but left open; a file is opened and closed here.
    destination: AbstractContextManager[BinaryIO] = (
        nullcontext(sys.stdout.buffer) if output is None else output.open("wb")
    )
    with destination as target:
        rows = run_or_exit(with_database(settings, lambda database: run(database, target)))
    if output is not None:
        typer.echo(f"Wrote {rows:,} rows to {output}.", err=True)


async def _write(stream: ReportStream, report_format: ReportFormat, target: BinaryIO) -> int:
    counted = 0
    pages = stream.pages

    with _progress() as progress:
        task = progress.add_task(f"Exporting {stream.name.value}", total=None)

        async def counting() -> Any:
            nonlocal counted
            async for page in pages():
                counted += len(page)
                progress.update(task, completed=counted)
                yield page

        stream.pages = counting
        async for chunk in render.render(stream, report_format):
            target.write(chunk)
        target.flush()
    return counted
