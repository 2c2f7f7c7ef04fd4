"""Prometheus metrics (prometheus-client): what every layer records, and the text `GET /metrics` serves.

Every label is bounded: a route is its template (`/api/v1/items/{itemId}`, "unmatched" for a
path no route knows), a method one of the HTTP methods (else "OTHER"), a code one of the catalog's.
Never a raw path, an id or a client's own string.

**Several processes.** `stockyard serve --workers N` (N > 1) runs prometheus-client's multiprocess
mode: `prepare_multiprocess()` points `PROMETHEUS_MULTIPROC_DIR` at a fresh directory before uvicorn
spawns the workers, each worker writes its values to memory-mapped files there, and a scrape,
whichever worker answers it, merges them all (`MultiProcessCollector`). Counters and histograms of
a worker that died stay counted; the live gauges (connections in use, queue depth) of a process
that is gone are dropped at the next scrape (`mark_process_dead`), as uvicorn has no hook for a
worker's death. Process metrics (CPU, memory, file descriptors) are then read from /proc for each
live worker, labelled `pid`. One process (the default, or `uvicorn` run directly) keeps the
values in memory and serves the library's own process collector.

The mode is chosen when prometheus_client is first imported: the variable must be set before.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.metrics_core import Metric
from prometheus_client.process_collector import ProcessCollector
from prometheus_client.registry import Collector

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# The classic text format generate_latest() writes, which every Prometheus version reads (the
# library's CONTENT_TYPE_LATEST says 1.0.0 since 0.22, for the same bytes)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
UNMATCHED = "unmatched"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
_WAIT_BUCKETS = (0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0)
_JOB_BUCKETS = (0.1, 0.5, 1.0, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)

# --- HTTP (api/middleware/request_context.py) --------------------------------------------------
REQUESTS = Counter(
    "stockyard_requests",
    "HTTP requests answered, by route template, method, status and error code ('' on success).",
    ("route", "method", "status", "code"),
)
REQUEST_DURATION = Histogram(
    "stockyard_request_duration_seconds",
    "Time from the request's arrival to its last byte, by route template and method.",
    ("route", "method"),
    buckets=_LATENCY_BUCKETS,
)
# --- rate limits (api/middleware/rate_limit.py) ------------------------------------------------
RATE_LIMITED = Counter(
    "stockyard_rate_limited",
    "Requests refused with 429, by the budget that refused them: api_key, member, ip (a client's "
    "per-minute budget), login (sign-ins per IP and email), login_account (failed sign-ins per account).",
    ("budget",),
)
# --- database (db/database.py) -----------------------------------------------------------------
DB_CONNECTIONS_IN_USE = Gauge(
    "stockyard_db_connections_in_use",
    "Database connections checked out (PostgreSQL: of the pool; SQLite: 1 while the single "
    "connection's lock is held), summed over live processes.",
    multiprocess_mode="livesum",
)
DB_CONNECTION_WAIT = Histogram(
    "stockyard_db_connection_wait_seconds",
    "Time to get a connection (PostgreSQL: a pooled one, or a new one; SQLite: the single "
    "connection's lock).",
    buckets=_WAIT_BUCKETS,
)
# --- bulk jobs (jobs/runner.py) ----------------------------------------------------------------
JOB_QUEUE_DEPTH = Gauge(
    "stockyard_job_queue_depth",
    "Bulk jobs accepted and not yet finished (queued or running) in the runners of the live processes.",
    multiprocess_mode="livesum",
)
JOB_DURATION = Histogram(
    "stockyard_job_duration_seconds",
    "Time a bulk job's run took, from its claim to its final status, by kind.",
    ("kind",),
    buckets=_JOB_BUCKETS,
)
JOBS_FINISHED = Counter(
    "stockyard_jobs_finished",
    "Bulk jobs finished, by kind and final status (succeeded, partially_failed, failed).",
    ("kind", "status"),
)
JOB_FAILURES = Counter(
    "stockyard_job_failures",
    "Bulk job runs stopped by an error rather than finished: 'error' (unexpected: the job is "
    "marked failed) or the catalog code of the error (database_unavailable: it resumes at the next start).",
    ("reason",),
)


def method_label(method: str) -> str:
    return method if method in METHODS else "OTHER"


def multiprocess_dir() -> str | None:
    return os.environ.get(MULTIPROC_ENV) or None


def prepare_multiprocess(workers: int) -> Path | None:
    """For `stockyard serve`, before uvicorn starts: the directory of multiprocess mode, to delete
    when the server stops, when this call created it (None otherwise).

    An operator's own `PROMETHEUS_MULTIPROC_DIR` is used as it is, emptied of the last run's files
    (the library requires it): every file but this process's own, which it wrote when this module
    was imported (with one worker it is the server). Without one, N > 1 workers get a fresh
    temporary directory; one worker keeps its values in memory."""
    given = multiprocess_dir()
    if given is not None:
        path = Path(given)
        path.mkdir(parents=True, exist_ok=True)
        own = f"_{os.getpid()}.db"
        for stale in path.glob("*.db"):
            if not stale.name.endswith(own):
                stale.unlink()
        return None
    if workers <= 1:
        return None
    created = Path(tempfile.mkdtemp(prefix="stockyard-metrics-"))
    os.environ[MULTIPROC_ENV] = str(created)  # inherited by the worker processes uvicorn spawns
    return created


def remove_multiprocess_dir(path: Path | None) -> None:
    if path is not None:
        shutil.rmtree(path, ignore_errors=True)
        os.environ.pop(MULTIPROC_ENV, None)


def exposition() -> bytes:
    """The text format of every metric (all processes merged in multiprocess mode)."""
    directory = multiprocess_dir()
    if directory is None:
        return generate_latest(REGISTRY)
    _forget_dead_processes(directory)
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=directory)  # type: ignore[no-untyped-call]
    registry.register(_WorkerProcesses(directory))
    return generate_latest(registry)


_PID = re.compile(r"_(\d+)\.db$")


def _pids(directory: str) -> set[int]:
    return {int(match.group(1)) for name in os.listdir(directory) if (match := _PID.search(name))}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _forget_dead_processes(directory: str) -> None:
    """Drops the live gauges of processes that are gone (a crashed or restarted worker)."""
    for pid in _pids(directory):
        if not _alive(pid) and glob.glob(os.path.join(directory, f"gauge_live*_{pid}.db")):
            multiprocess.mark_process_dead(pid, directory)  # type: ignore[no-untyped-call]


def _fixed(pid: int) -> Callable[[], int]:
    return lambda: pid


class _WorkerProcesses(Collector):
    """The process collector's metrics for every live worker of the directory, labelled `pid`."""

    def __init__(self, directory: str) -> None:
        self.directory = directory

    def collect(self) -> Iterable[Metric]:
        families: dict[str, Metric] = {}
        for pid in sorted(self._live()):
            for family in ProcessCollector(pid=_fixed(pid), registry=None).collect():
                merged = families.setdefault(
                    family.name, Metric(family.name, family.documentation, family.type)
                )
                for sample in family.samples:
                    merged.add_sample(sample.name, {**sample.labels, "pid": str(pid)}, sample.value)
        return families.values()

    def _live(self) -> set[int]:
        return {pid for pid in _pids(self.directory) if _alive(pid)}
