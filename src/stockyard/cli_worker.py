"""`stockyard worker`: the background work of the API process, run on its own (docs/webhooks.md,
Where it runs). It numbers committed events for the feed, fans them out to webhook endpoints and
delivers them, and runs the bulk jobs the API processes leave queued, until SIGTERM or SIGINT. Any number of workers share the queue on PostgreSQL; set
STOCKYARD_EMBEDDED_WORKER=false on the API processes when workers run beside them."""

from __future__ import annotations

import asyncio
import logging
import signal

import typer

from stockyard.background import Background
from stockyard.cli_plans import configured_plans
from stockyard.db.database import open_database
from stockyard.logs import configure as configure_logging
from stockyard.settings import Settings, get_settings

log = logging.getLogger("stockyard.worker")


async def run_worker(settings: Settings, stop: asyncio.Event) -> None:
    """Runs the relay, the delivery worker and the bulk jobs until `stop` is set, then stops them: a
    delivery in flight is cut short and, its lease expiring, attempted again by whichever worker
    comes next; a job keeps its committed batches and resumes at the next worker's start."""
    from stockyard.server import build_job_runner  # the API's row validators check imported rows

    database = open_database(settings.resolved_database_url(), pool_size=settings.db_pool_size)
    background = Background.of(database, settings)
    jobs = build_job_runner(database)
    background.start()
    jobs.start_resuming()  # jobs a stopped worker left running
    jobs.start_polling()
    log.info("worker started")
    try:
        await stop.wait()
    finally:
        await jobs.stop()
        await background.stop()
        await database.dispose()
        log.info("worker stopped")


def worker() -> None:
    """Number events for the feed, deliver webhooks and run bulk jobs until SIGTERM (docs/webhooks.md)."""
    settings = get_settings()
    configured_plans(settings)  # the fan-out reads the plans' webhooks capability
    configure_logging(settings.log_level)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await run_worker(settings, stop)

    asyncio.run(main())
    typer.echo("Worker stopped.", err=True)
