"""The benchmark harness behind `make bench` (see bench/README.md).

For each backend (SQLite, then PostgreSQL when reachable) it creates a fresh database, starts the
server with one uvicorn worker (pinned to CPU 0 when the machine has two or more), seeds a
workspace, and drives every scenario with wrk (pinned to CPU 1). Two baselines served by the same
process (bench/baselines.py) give the scale: a bare route and a raw-driver read of the same row.
On PostgreSQL it then serves the same database with the rate limiter on Redis, with one worker and
with four, and measures GET /items/{id} and POST /movements on each (unless --no-multi-worker).
It prints a table and writes bench/results.json.

    python -m bench.harness [--duration 10] [--connections 32] [--backend sqlite|postgresql]
                            [--profile SCENARIO] [--only SCENARIO] [--no-multi-worker]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
import redis

from bench import seed as seeding

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
LUA_SCRIPT = BENCH_DIR / "lua" / "scenario.lua"
RESULTS = BENCH_DIR / "results.json"
PROFILES = BENCH_DIR / "profiles"
SECRET_KEY = secrets.token_urlsafe(48)  # a fresh signing key per run
DEFAULT_PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
MULTI_WORKERS = (1, 4)  # the multi-worker part: one worker beside four, both on PostgreSQL + Redis
MULTI_WORKER_SCENARIOS = ("GET /items/{id} (API key)", "POST /movements (receive 1)")

# Issue 19's targets, per backend: ratios to the same round's baselines, requests/s, p99, RSS.
TARGETS: dict[str, dict[str, float]] = {
    "sqlite": {
        "get_vs_raw": 0.60,
        "get_vs_bare": 0.40,
        "get_p99_ms": 25.0,
        "list_vs_bare": 0.20,
        "movements_rps": 1000.0,
        "movements_vs_bare": 0.30,
        "errors_vs_bare": 0.60,
    },
    "postgresql": {"get_vs_raw": 0.50, "list_vs_bare": 0.10, "movements_rps": 500.0, "errors_vs_bare": 0.40},
}
TARGET_RSS_MB = 150.0

# The untracked scenarios the tracked ones are compared with (issue 16).
UNTRACKED_ISSUE = "POST /movements (issue 3, untracked)"
UNTRACKED_ISSUE_RECEIVE = "POST /movements (issue 4 / receive 3, untracked)"
UNTRACKED_TRANSFER = "POST /transfers (1 line)"


# --- machine -------------------------------------------------------------------------------------
def machine() -> dict[str, Any]:
    model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "wrk": (wrk_version.stdout or wrk_version.stderr).splitlines()[0] if wrk_version else "",
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def cpu_sets() -> tuple[list[str], list[str]]:
    """taskset prefixes for the server and for wrk: separate cores when there are two or more."""
    if (os.cpu_count() or 1) >= 2 and shutil.which("taskset") and os.environ.get("BENCH_PIN", "1") == "1":
        return ["taskset", "-c", "0"], ["taskset", "-c", "1"]
    return [], []


# The test suite has the same launcher helpers (tests/servers.py); the benchmark keeps its own so
# that a measuring tool never imports the test tree (tests/ is pytest's, not an installed package),
# and because its server differs: the baselines app, CPU pinning, several workers, cwd at the root.
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- memory --------------------------------------------------------------------------------------
def _status_kb(pid: int, field_name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def _cpu_ticks(pid: int) -> int:
    """User + system CPU time of a process, in clock ticks (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0
    return int(fields[11]) + int(fields[12])  # utime and stime: fields 14 and 15 of proc(5)


def child_pids(pid: int) -> list[int]:
    children: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            children.extend(int(c) for c in (task / "children").read_text().split())
    return children


# --- the server ----------------------------------------------------------------------------------
class Server:
    """`uvicorn bench.baselines:create_app --factory` as a subprocess, logs to a file."""

    def __init__(
        self,
        database_url: str,
        data_dir: Path,
        *,
        workers: int = 1,
        pinned: bool = True,
        extra_env: dict[str, str],
    ):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = data_dir / f"server-{self.port}.log"
        self.workers = workers
        self.pinned = pinned  # server on CPU 0 and wrk on CPU 1; else both float over every core
        self.env = {
            **os.environ,
            "STOCKYARD_DATABASE_URL": database_url,
            "STOCKYARD_DATA_DIR": str(data_dir),
            "STOCKYARD_SECRET_KEY": SECRET_KEY,
            "STOCKYARD_LOG_LEVEL": "INFO",
            "STOCKYARD_BENCH_BASELINES": "1",
            **extra_env,
        }
        if workers > 1:
            # As `stockyard serve --workers N` does: prometheus-client's multiprocess mode.
            metrics_dir = data_dir / f"metrics-{self.port}"
            metrics_dir.mkdir()
            self.env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, bare_body: str = "") -> None:
        server_cpu, _ = cpu_sets() if self.pinned else ([], [])
        command = [
            *server_cpu,
            sys.executable,
            "-m",
            "uvicorn",
            "bench.baselines:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--no-access-log",
            "--log-level",
            "warning",
        ]
        if self.workers > 1:
            command += ["--workers", str(self.workers)]
        env = dict(self.env)
        if bare_body:
            env["STOCKYARD_BENCH_BARE_ITEM"] = bare_body
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        # Each worker imports the app on its own: more workers take longer on a shared machine.
        seconds = 30 + 15 * (self.workers - 1)
        deadline = time.monotonic() + seconds
        try:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"server exited: see {self.log_path}")
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(self.base_url + "/healthz", timeout=1).status_code == 200:
                        if self.workers > 1:
                            self.wait_workers_idle(deadline)
                        return
                time.sleep(0.1)
            raise RuntimeError(f"server did not become healthy in {seconds} s")
        except BaseException:
            self.stop()
            raise

    def wait_workers_idle(self, deadline: float) -> None:
        """Until every worker has started and none is using the CPU (still importing the app, which
        a measurement would count against the workers that answer): all idle for half a second."""
        assert self.process is not None
        previous: dict[int, int] = {}
        while time.monotonic() < deadline:
            pids = child_pids(self.process.pid)
            ticks = {pid: _cpu_ticks(pid) for pid in pids}
            # at most 5 ticks (50 ms at the usual 100 Hz) in 0.5 s: idle but for the odd timer
            settled = previous.keys() == ticks.keys() and all(ticks[p] - previous[p] <= 5 for p in pids)
            if len(pids) >= self.workers and settled:
                return
            previous = ticks
            time.sleep(0.5)
        raise RuntimeError(f"the {self.workers} workers did not all start in time: see {self.log_path}")

    def worker_pids(self) -> list[int]:
        assert self.process is not None
        pid = self.process.pid
        if self.workers > 1:
            return child_pids(pid) or [pid]
        # taskset execs the python process, so the pid is the server itself.
        return [pid]

    def peak_rss_mb(self) -> float:
        """Highest VmHWM among the worker processes (peak resident memory per worker)."""
        return max((_status_kb(pid, "VmHWM") for pid in self.worker_pids()), default=0) / 1024

    def rss_mb(self) -> float:
        """Current resident memory (VmRSS) of the largest worker."""
        return max((_status_kb(pid, "VmRSS") for pid in self.worker_pids()), default=0) / 1024

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


# --- scenarios -----------------------------------------------------------------------------------
@dataclass
class Scenario:
    name: str
    path: str
    expected_status: int
    method: str = "GET"
    auth: str = ""
    body_a: str = ""
    body_b: str = ""
    kind: str = "api"  # api | bare | raw | floor
    skipped: str = ""
    prepare: Callable[[], None] | None = None  # run before each measurement (e.g. spend a budget)
    # Bodies sent in order, one cycle per wrk thread (bench/lua/scenario.lua, BENCH_BODIES_FILE).
    bodies: list[list[str]] = field(default_factory=list)
    reset: Callable[[], None] | None = None  # run after the preflight and before every wrk run
    versus: str = ""  # the untracked scenario this tracked one is compared with (same round)


@dataclass
class Result:
    name: str
    expected_status: int
    skipped: str = ""
    requests_per_s: float = 0.0
    p50_ms: float = 0.0
    p90_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    requests: int = 0
    non_2xx_3xx: int = 0
    socket_errors: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    unexpected_statuses: int = 0
    invalid: str = ""  # set when more than 1% of the responses had another status
    rounds_requests_per_s: list[float] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)  # the first error log lines, on 5xx
    peak_rss_mb: float = 0.0
    vs_bare: float | None = None
    vs_raw: float | None = None
    vs_floor: float | None = None
    versus: str = ""
    vs_untracked: float | None = None


def wrk_threads() -> int:
    return max(1, min(2, (os.cpu_count() or 1) - 1))


def build_scenarios(base_url: str, seeded: seeding.Seeded) -> list[Scenario]:
    item = f"/api/v1/items/{seeded.item_id}"
    key = f"Bearer {seeded.api_key}"
    scenarios = [
        Scenario("baseline: bare route (no db)", "/_bench/bare", 200, kind="bare"),
        Scenario("baseline: raw driver read", f"/_bench/raw/{seeded.item_id}", 200, kind="raw"),
        Scenario(
            "baseline: floor (auth, limiter, DI; no db)",
            f"/api/v1/_bench/floor/{seeded.item_id}",
            200,
            auth=key,
            kind="floor",
        ),
        Scenario("GET /items/{id} (API key)", item, 200, auth=key),
        Scenario("GET /items?limit=50 (API key)", "/api/v1/items?limit=50", 200, auth=key),
    ]
    movement = Scenario("POST /movements (receive 1)", "/api/v1/movements", 201, method="POST", auth=key)
    if seeded.location_a:
        movement.body_a = json.dumps(
            {"type": "receive", "itemId": seeded.item_id, "locationId": seeded.location_a, "units": 1}
        )
    else:
        movement.skipped = "skipped: route not available"
    transfer = Scenario("POST /transfers (1 line)", "/api/v1/transfers", 201, method="POST", auth=key)
    if seeded.location_a and seeded.location_b and seeded.transfers_available:

        def transfer_body(source: str, target: str) -> str:
            return json.dumps(
                {
                    "fromLocationId": source,
                    "toLocationId": target,
                    "lines": [{"itemId": seeded.item_id, "units": 1}],
                }
            )

        transfer.body_a = transfer_body(seeded.location_a, seeded.location_b)
        transfer.body_b = transfer_body(seeded.location_b, seeded.location_a)
    else:
        transfer.skipped = "skipped: route not available"
    scenarios += [
        movement,
        transfer,
        Scenario("401 missing credentials", item, 401),
        Scenario("401 invalid API key", item, 401, auth="Bearer sy_live_" + "x" * 43),
        Scenario("404 unknown item (API key)", "/api/v1/items/itm_00000000000000000000000000", 404, auth=key),
    ]
    limited = Scenario("429 rate limited (API key)", item, 429)
    if seeded.limited_api_key:
        limited.auth = f"Bearer {seeded.limited_api_key}"

        def spend_budget() -> None:
            seeding.exhaust_rate_limit(base_url, seeded)
            limited.auth = f"Bearer {seeded.limited_api_key}"
            if not seeded.limited_api_key:
                limited.skipped = seeded.limited_reason

        limited.prepare = spend_budget
    else:
        limited.skipped = seeded.limited_reason or "skipped: rate limiting not available"
    scenarios.append(limited)
    return scenarios + tracked_scenarios(base_url, seeded)


def tracked_scenarios(base_url: str, seeded: seeding.Seeded) -> list[Scenario]:
    """Lots and serials (issue 16), each beside the same request on an untracked item: FEFO issues
    among the lot item's 20 lots; FEFO issues that split across two lots, alternating with receipts
    into the lot that expires first; one serial issued and received again; one serial transferred
    from A to B and back."""
    key = f"Bearer {seeded.api_key}"
    names = (
        UNTRACKED_ISSUE,
        "POST /movements (FEFO issue 3 of 20 lots)",
        UNTRACKED_ISSUE_RECEIVE,
        "POST /movements (FEFO split issue 4 / lot receive 3)",
        "POST /movements (serial issue / receive 1)",
    )
    scenarios = [Scenario(name, "/api/v1/movements", 201, method="POST", auth=key) for name in names]
    transfer = Scenario(
        "POST /transfers (1 serial)",
        "/api/v1/transfers",
        201,
        method="POST",
        auth=key,
        versus=UNTRACKED_TRANSFER,
    )
    scenarios.append(transfer)
    if not seeded.location_a:
        for scenario in scenarios:
            scenario.skipped = "skipped: route not available"
        return scenarios
    untracked_issue, lot_issue, untracked_mix, lot_mix, serial_moves = scenarios[:-1]

    def movement(item_id: str, kind: str, units: int, **tracked: Any) -> str:
        body = {"type": kind, "itemId": item_id, "locationId": seeded.location_a, "units": units, **tracked}
        return json.dumps(body)

    untracked_issue.body_a = movement(seeded.item_id, "issue", 3)
    untracked_mix.body_a = movement(seeded.item_id, "issue", 4)
    untracked_mix.body_b = movement(seeded.item_id, "receive", 3)
    if seeded.tracked_reason:
        for scenario in (lot_issue, lot_mix, serial_moves, transfer):
            scenario.skipped = seeded.tracked_reason
        return scenarios
    lot_issue.body_a = movement(seeded.lot_item_id, "issue", 3)
    lot_issue.versus = UNTRACKED_ISSUE
    # The first lot to expire holds a few units at most: the issue takes them and the rest from the
    # next lot, then the receipt puts 3 back into the first.
    lot_mix.body_a = movement(seeded.lot_item_id, "issue", 4)
    lot_mix.body_b = movement(seeded.lot_item_id, "receive", 3, lotNumber=seeded.lot_numbers[0])
    lot_mix.versus = UNTRACKED_ISSUE_RECEIVE
    threads = wrk_threads()

    def restore() -> None:
        seeding.restore_serials(base_url, seeded)

    def cycles(pool: list[str], there: Callable[[str], str], back: Callable[[str], str]) -> list[list[str]]:
        """Per wrk thread, its share of the pool: every serial moved away, then every one back."""
        shares = [pool[number::threads] for number in range(threads)]
        return [[there(serial) for serial in share] + [back(serial) for serial in share] for share in shares]

    serial_moves.bodies = cycles(
        seeded.moved_serials,
        lambda serial: movement(seeded.serial_item_id, "issue", 1, serials=[serial]),
        lambda serial: movement(seeded.serial_item_id, "receive", 1, serials=[serial]),
    )
    serial_moves.reset = restore
    serial_moves.versus = UNTRACKED_ISSUE_RECEIVE
    if not seeded.transfers_available:
        transfer.skipped = "skipped: route not available"
        return scenarios

    def serial_transfer(source: str, target: str) -> Callable[[str], str]:
        def body(serial: str) -> str:
            line = {"itemId": seeded.serial_item_id, "units": 1, "serials": [serial]}
            return json.dumps({"fromLocationId": source, "toLocationId": target, "lines": [line]})

        return body

    transfer.bodies = cycles(
        seeded.transferred_serials,
        serial_transfer(seeded.location_a, seeded.location_b),
        serial_transfer(seeded.location_b, seeded.location_a),
    )
    transfer.reset = restore
    return scenarios


def preflight(server: Server, scenario: Scenario) -> str:
    """'' when one request gets the expected status, else why the scenario cannot run."""
    headers = {"Authorization": scenario.auth} if scenario.auth else {}
    body = scenario.bodies[0][0] if scenario.bodies else scenario.body_a
    if body:
        headers["Content-Type"] = "application/json"
    response = httpx.request(
        scenario.method,
        server.base_url + scenario.path,
        headers=headers,
        content=body or None,
        timeout=10,
    )
    if response.status_code != scenario.expected_status:
        return f"failed preflight: got {response.status_code} {response.text[:200]}"
    return ""


def _log_statuses(log_path: Path, offset: int, path_prefix: str) -> Counter[str]:
    """Statuses of the access-log lines written since `offset` (one JSON object per line)."""
    statuses: Counter[str] = Counter()
    with log_path.open("rb") as log:
        log.seek(offset)
        for line in log:
            if b'"stockyard.access"' not in line:
                continue
            with contextlib.suppress(ValueError):
                entry = json.loads(line)
                if str(entry.get("path", "")).startswith(path_prefix):
                    status = str(entry.get("status"))
                    if status == "499":
                        # The client closed the connection before the answer: wrk stopping at
                        # the end of the run while the request was in flight.
                        status = "aborted"
                    statuses[status] += 1
    return statuses


def _logged_errors(log_path: Path, offset: int, limit: int = 3) -> list[str]:
    """The first error-level log lines since `offset` (tracebacks included), for a 5xx."""
    found: list[str] = []
    with log_path.open("rb") as log:
        log.seek(offset)
        for line in log:
            if b'"level":"error"' in line or b'"level": "error"' in line:
                found.append(line.decode(errors="replace")[:4000])
                if len(found) >= limit:
                    break
    return found


def run_wrk(server: Server, scenario: Scenario, duration: int, connections: int) -> dict[str, Any]:
    _, wrk_cpu = cpu_sets() if server.pinned else ([], [])
    env = {
        **os.environ,
        "BENCH_METHOD": scenario.method,
        "BENCH_AUTH": scenario.auth,
        "BENCH_BODY_A": scenario.body_a,
        "BENCH_BODY_B": scenario.body_b,
    }
    if scenario.bodies:
        bodies_file = server.log_path.parent / "bodies.txt"
        bodies_file.write_text("\n\n".join("\n".join(cycle) for cycle in scenario.bodies) + "\n")
        env["BENCH_BODIES_FILE"] = str(bodies_file)
    threads = wrk_threads()
    command = [
        *wrk_cpu,
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "5s",
        "-s",
        str(LUA_SCRIPT),
        server.base_url + scenario.path,
    ]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    for line in completed.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            return dict(json.loads(line.removeprefix("BENCH_JSON ")))
    raise RuntimeError(f"wrk produced no result: {completed.stdout}\n{completed.stderr}")


def measure(
    server: Server,
    scenario: Scenario,
    *,
    duration: int,
    connections: int,
    warmup: int,
    profile: bool,
    label: str,
) -> Result:
    result = Result(scenario.name, scenario.expected_status, versus=scenario.versus)
    if scenario.skipped:
        result.skipped = scenario.skipped
        return result
    if scenario.prepare is not None:
        scenario.prepare()
    reason = preflight(server, scenario)
    if reason:
        result.skipped = reason
        return result
    if warmup:
        if scenario.reset is not None:
            scenario.reset()
        run_wrk(server, scenario, warmup, connections)
    if scenario.reset is not None:
        scenario.reset()
    offset = server.log_path.stat().st_size
    profiler = start_profiler(server, duration, label) if profile else None
    raw = run_wrk(server, scenario, duration, connections)
    if profiler is not None:
        profiler.wait()
    seconds = raw["duration_us"] / 1e6
    result.requests = raw["requests"]
    result.requests_per_s = round(raw["requests"] / seconds, 1) if seconds else 0.0
    result.p50_ms = raw["p50_us"] / 1000
    result.p90_ms = raw["p90_us"] / 1000
    result.p99_ms = raw["p99_us"] / 1000
    result.max_ms = raw["max_us"] / 1000
    result.non_2xx_3xx = raw["non_2xx_3xx"]
    result.socket_errors = raw["connect_errors"] + raw["read_errors"] + raw["write_errors"] + raw["timeouts"]
    prefix = scenario.path.split("?", 1)[0]
    statuses = _log_statuses(server.log_path, offset, prefix)
    result.statuses = dict(statuses)
    result.unexpected_statuses = sum(
        n for s, n in statuses.items() if s not in (str(scenario.expected_status), "aborted")
    )
    if any(status.startswith("5") for status in statuses) or (
        result.non_2xx_3xx and scenario.expected_status < 300
    ):
        result.server_errors = _logged_errors(server.log_path, offset)
    if result.unexpected_statuses > 0.01 * max(1, sum(statuses.values())):
        result.invalid = f"{result.unexpected_statuses} responses were not {scenario.expected_status}"
    result.peak_rss_mb = round(server.peak_rss_mb(), 1)
    return result


# --- profiling -----------------------------------------------------------------------------------
def start_profiler(server: Server, duration: int, label: str) -> subprocess.Popen[bytes] | None:
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(py_spy).exists():
        print("  (py-spy not installed: pip install py-spy)")
        return None
    PROFILES.mkdir(exist_ok=True)
    output = PROFILES / f"{label}.txt"
    return subprocess.Popen(
        [
            py_spy,
            "record",
            "--pid",
            str(server.worker_pids()[0]),
            "--duration",
            str(duration),
            "--rate",
            "250",
            "--format",
            "raw",
            "--output",
            str(output),
            "--nonblocking",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def summarize_profile(path: Path, top: int = 25) -> list[tuple[str, float, float]]:
    """(frame, self %, inclusive %) of the hottest frames in a py-spy raw (collapsed) profile."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = stack.split(";")
        total += count
        own[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    if not total:
        return []
    return [(frame, 100 * n / total, 100 * inclusive[frame] / total) for frame, n in own.most_common(top)]


# --- databases -----------------------------------------------------------------------------------
async def _pg_admin(admin_url: str, statement: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(admin_url, timeout=3)
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


def create_pg_database(admin_url: str) -> tuple[str, str] | str:
    """(database url, name) of a fresh database, or the reason PostgreSQL cannot be used."""
    name = f"sy_bench_{uuid.uuid4().hex[:10]}"
    try:
        asyncio.run(_pg_admin(admin_url, f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        return f"PostgreSQL unreachable at {admin_url.rsplit('@', 1)[-1]} ({exc.__class__.__name__})"
    base, _, _ = admin_url.rpartition("/")
    return f"{base}/{name}", name


def drop_pg_database(admin_url: str, name: str) -> None:
    with contextlib.suppress(Exception):
        asyncio.run(_pg_admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


# --- a run ---------------------------------------------------------------------------------------
def bench_backend(
    backend: str, database_url: str, data_dir: Path, args: argparse.Namespace
) -> dict[str, Any]:
    from stockyard.db.migrate import upgrade

    upgrade(database_url)
    server = Server(database_url, data_dir, extra_env=seeding.server_env(data_dir))
    server.start()
    try:
        seeded = seeding.seed(server.base_url, database_url)
        bare_body = seeding.item_body(server.base_url, seeded)
    finally:
        server.stop()
    # Restart so the bare route serves the seeded item's JSON and memory starts from a fresh process.
    server.start(bare_body=bare_body)
    rounds: list[list[Result]] = []
    scenarios = select_scenarios(build_scenarios(server.base_url, seeded), args.only)
    try:
        for number in range(1, args.rounds + 1):
            print(f"  round {number}/{args.rounds}", flush=True)
            results: list[Result] = []
            for scenario in scenarios:
                label = f"{backend}-{''.join(c if c.isalnum() else '_' for c in scenario.name)}"
                profile = number == 1 and bool(args.profile) and args.profile.lower() in scenario.name.lower()
                print(f"    {scenario.name} ...", flush=True)
                results.append(
                    measure(
                        server,
                        scenario,
                        duration=args.duration,
                        connections=args.connections,
                        warmup=args.warmup if number == 1 else 0,
                        profile=profile,
                        label=label,
                    )
                )
                if profile and (PROFILES / f"{label}.txt").exists():
                    print_profile(PROFILES / f"{label}.txt")
            add_ratios(results)
            rounds.append(results)
        peak = server.peak_rss_mb()
        rss_after = server.rss_mb()
    finally:
        server.stop()
    results = [median_result([r[index] for r in rounds]) for index in range(len(scenarios))]
    report: dict[str, Any] = {
        "database": backend,
        "workers": 1,
        "connections": args.connections,
        "duration_s": args.duration,
        "rounds": args.rounds,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "peak_rss_mb": round(peak, 1),
        "rss_after_run_mb": round(rss_after, 1),
        "scenarios": [asdict(r) for r in results],
    }
    if args.multi_worker and backend == "postgresql":
        report["multi_worker"] = multi_worker(database_url, data_dir, seeded, args)
    report["targets"] = check_targets(backend, results, peak, rss_after)
    return report


def select_scenarios(scenarios: list[Scenario], only: str) -> list[Scenario]:
    """The baselines, the scenarios whose name contains `only` (all without it) and the untracked
    scenarios those are compared with."""
    chosen = {s.name for s in scenarios if s.kind != "api" or not only or only.lower() in s.name.lower()}
    chosen |= {s.versus for s in scenarios if s.name in chosen and s.versus}
    return [s for s in scenarios if s.name in chosen]


def add_ratios(results: list[Result]) -> None:
    """Each scenario's requests/s over the same round's baselines (measured minutes apart at most)."""
    bare = next((r for r in results if r.name.startswith("baseline: bare") and r.requests_per_s), None)
    raw = next((r for r in results if r.name.startswith("baseline: raw") and r.requests_per_s), None)
    floor = next((r for r in results if r.name.startswith("baseline: floor") and r.requests_per_s), None)
    by_name = {r.name: r for r in results if r.requests_per_s and not r.skipped and not r.invalid}
    for result in results:
        if result.skipped or result.invalid:
            continue
        if result.name.startswith("baseline") and result is not floor:
            continue
        if bare:
            result.vs_bare = round(result.requests_per_s / bare.requests_per_s, 3)
        if raw:
            result.vs_raw = round(result.requests_per_s / raw.requests_per_s, 3)
        if floor and result is not floor:
            result.vs_floor = round(result.requests_per_s / floor.requests_per_s, 3)
        untracked = by_name.get(result.versus)
        if untracked:
            result.vs_untracked = round(result.requests_per_s / untracked.requests_per_s, 3)


def median_result(rounds: list[Result]) -> Result:
    """The round with the median requests/s; ratios are the medians of the per-round ratios."""
    measured = [r for r in rounds if not r.skipped]
    if not measured:
        return rounds[0]
    ordered = sorted(measured, key=lambda r: r.requests_per_s)
    chosen = replace(ordered[len(ordered) // 2])
    for name in ("vs_bare", "vs_raw", "vs_floor", "vs_untracked"):
        values = sorted(v for v in (getattr(r, name) for r in measured) if v is not None)
        setattr(chosen, name, values[len(values) // 2] if values else None)
    chosen.invalid = next((r.invalid for r in measured if r.invalid), "")
    chosen.peak_rss_mb = max(r.peak_rss_mb for r in measured)
    chosen.rounds_requests_per_s = [r.requests_per_s for r in measured]
    chosen.server_errors = next((r.server_errors for r in measured if r.server_errors), [])
    chosen.statuses = dict(sum((Counter(r.statuses) for r in measured), Counter()))
    return chosen


def redis_prefix_or_reason(redis_url: str) -> str:
    """A key prefix for this run's rate-limit counters (the server prefixes every key with it), or
    why Redis cannot be used (it starts with "skipped")."""
    try:
        with redis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2) as client:
            client.ping()
    except redis.RedisError as exc:
        return f"skipped: Redis unreachable at {redis_address(redis_url)} ({exc.__class__.__name__})"
    return f"sy_bench_{uuid.uuid4().hex[:10]}"


def redis_address(redis_url: str) -> str:
    return redis_url.rsplit("@", 1)[-1].removeprefix("redis://")


def drop_redis_keys(redis_url: str, prefix: str) -> int:
    """Delete the keys this run wrote (its prefix only: the Redis may be shared); how many."""
    with (
        contextlib.suppress(redis.RedisError),
        redis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=5) as client,
    ):
        keys = list(client.scan_iter(match=f"{prefix}:*", count=500))
        for start in range(0, len(keys), 500):
            client.delete(*keys[start : start + 500])
        return len(keys)
    return 0


def multi_worker(
    database_url: str, data_dir: Path, seeded: seeding.Seeded, args: argparse.Namespace
) -> dict[str, Any]:
    """One worker beside four on PostgreSQL, the rate limiter on Redis as several workers need it
    (in memory each worker would count its own budget): GET /items/{id} and POST /movements
    (receive 1), the same requests as the one-worker table. Neither the server nor wrk is pinned:
    four workers on one core would measure nothing, so every configuration floats over all the
    cores, shared with wrk, PostgreSQL and Redis. Rounds alternate one and four workers; each
    figure is the median round, the ratios the medians of the per-round ratios."""
    prefix = redis_prefix_or_reason(args.redis_url)
    part: dict[str, Any] = {
        "database": "postgresql",
        "rate_limit_store": f"redis://{redis_address(args.redis_url)}",
        "workers": list(MULTI_WORKERS),
        "pinned": False,
        "connections": args.connections,
        "duration_s": args.duration,
        "rounds": args.rounds,
    }
    if prefix.startswith("skipped"):
        print(f"  multi-worker part {prefix}", flush=True)
        return {**part, "skipped": prefix}
    by_name = {s.name: s for s in build_scenarios("", seeded)}
    scenarios = [by_name[name] for name in MULTI_WORKER_SCENARIOS]
    env = {
        **seeding.server_env(data_dir),
        "STOCKYARD_RATE_LIMIT_URL": args.redis_url,
        "STOCKYARD_RATE_LIMIT_KEY_PREFIX": prefix,
    }
    measured: dict[int, list[list[Result]]] = {workers: [] for workers in MULTI_WORKERS}
    try:
        for number in range(1, args.rounds + 1):
            for workers in MULTI_WORKERS:
                print(f"  PostgreSQL + Redis, {workers} worker(s), round {number}/{args.rounds}", flush=True)
                server = Server(database_url, data_dir, workers=workers, pinned=False, extra_env=env)
                try:
                    server.start()
                except RuntimeError as exc:  # one round lost, not the run
                    print(f"    {exc}", flush=True)
                    failed = [Result(s.name, s.expected_status, skipped=f"skipped: {exc}") for s in scenarios]
                    measured[workers].append(failed)
                    continue
                try:
                    measured[workers].append(
                        [
                            measure(
                                server,
                                scenario,
                                duration=args.duration,
                                connections=args.connections,
                                warmup=args.warmup,
                                profile=False,
                                label="",
                            )
                            for scenario in scenarios
                        ]
                    )
                finally:
                    server.stop()
    finally:
        keys = drop_redis_keys(args.redis_url, prefix)
    part["redis_keys_written"] = keys  # the limiter's counters: 0 would mean Redis was not used
    one, four = MULTI_WORKERS
    rows = []
    for index, scenario in enumerate(scenarios):
        single = median_result([results[index] for results in measured[one]])
        several = median_result([results[index] for results in measured[four]])
        ratios = sorted(
            b.requests_per_s / a.requests_per_s
            for a, b in zip(
                (r[index] for r in measured[one]), (r[index] for r in measured[four]), strict=True
            )
            if a.requests_per_s and b.requests_per_s and not (a.invalid or b.invalid)
        )
        rows.append(
            {
                "name": scenario.name,
                "by_workers": {str(one): asdict(single), str(four): asdict(several)},
                "ratio_requests_per_s": round(ratios[len(ratios) // 2], 3) if ratios else None,
                "ratio_p99": round(several.p99_ms / single.p99_ms, 3) if single.p99_ms else None,
            }
        )
    part["scenarios"] = rows
    return part


def check_targets(
    backend: str, results: list[Result], peak_rss: float, rss_after: float
) -> list[dict[str, Any]]:
    by_name: dict[str, Result] = {}
    for entry in results:  # the first of each name: "POST /movements" is the receipt of 1 unit
        if not entry.invalid:
            by_name.setdefault(entry.name.split(" (")[0], entry)
    checks: list[dict[str, Any]] = []

    def check(target: str, measured: float | None, ok: bool | None) -> None:
        checks.append({"target": target, "measured": measured, "met": ok})

    targets = TARGETS.get(backend, {})

    def ratio_at_least(label: str, result: Result | None, ratio: str, key: str) -> None:
        if key not in targets or result is None:
            return
        measured: float | None = None if result.skipped else getattr(result, ratio)
        baseline = ratio.removeprefix("vs_")
        check(
            f"{label} >= {targets[key]:.2f} of the {baseline} baseline",
            measured,
            None if measured is None else measured >= targets[key],
        )

    get = by_name.get("GET /items/{id}")
    ratio_at_least("GET /items/{id}", get, "vs_raw", "get_vs_raw")
    ratio_at_least("GET /items/{id}", get, "vs_bare", "get_vs_bare")
    if get and not get.skipped and "get_p99_ms" in targets:
        limit = targets["get_p99_ms"]
        check(f"GET /items/{{id}} p99 <= {limit:.0f} ms", get.p99_ms, get.p99_ms <= limit)
    ratio_at_least("GET /items?limit=50", by_name.get("GET /items?limit=50"), "vs_bare", "list_vs_bare")
    movements = by_name.get("POST /movements")
    if movements and "movements_rps" in targets:
        rate = targets["movements_rps"]
        met = None if movements.skipped else movements.requests_per_s >= rate
        check(f"POST /movements >= {rate:.0f}/s", movements.requests_per_s or None, met)
    ratio_at_least("POST /movements", movements, "vs_bare", "movements_vs_bare")
    for name in ("401 invalid API key", "404 unknown item", "429 rate limited"):
        ratio_at_least(name, by_name.get(name), "vs_bare", "errors_vs_bare")
    check(
        f"peak RSS (VmHWM) per worker <= {TARGET_RSS_MB:.0f} MB",
        round(peak_rss, 1),
        peak_rss <= TARGET_RSS_MB,
    )
    check(
        f"RSS (VmRSS) per worker after the run <= {TARGET_RSS_MB:.0f} MB",
        round(rss_after, 1),
        rss_after <= TARGET_RSS_MB,
    )
    return checks


# --- output --------------------------------------------------------------------------------------
def print_table(report: dict[str, Any]) -> None:
    print(
        f"\n== {report['database']}: 1 worker, {report['connections']} connections, "
        f"median of {report['rounds']} rounds of {report['duration_s']} s per scenario, "
        f"peak RSS {report['peak_rss_mb']} MB, RSS after {report['rss_after_run_mb']} MB, "
        f"load average after {report['load_average_after']}"
    )
    header = (
        f"{'scenario':<54}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'RSS MB':>8}"
        f"{'/bare':>8}{'/raw':>8}{'/floor':>8}  statuses"
    )
    print(header)
    print("-" * len(header))
    for row in report["scenarios"]:
        if row["skipped"]:
            print(f"{row['name']:<54}{row['skipped']}")
            continue
        ratio = lambda v: "" if v is None else f"{v:.2f}"  # noqa: E731
        statuses = ",".join(f"{k}x{v}" for k, v in sorted(row["statuses"].items()))
        print(
            f"{row['name']:<54}{row['requests_per_s']:>10.0f}{row['p50_ms']:>9.2f}{row['p99_ms']:>9.2f}"
            f"{row['peak_rss_mb']:>8.1f}{ratio(row['vs_bare']):>8}{ratio(row['vs_raw']):>8}"
            f"{ratio(row.get('vs_floor')):>8}  {statuses}"
        )
        if row["invalid"]:
            print(f"{'':<54}INVALID: {row['invalid']}")
        for line in row["server_errors"][:1]:
            print(f"{'':<54}server error: {line[:600]}")
    compared = [row for row in report["scenarios"] if row["versus"] and not row["skipped"]]
    if compared:
        print("tracked / untracked (median of the per-round ratios):")
    for row in compared:
        shown = "" if row["vs_untracked"] is None else f"{row['vs_untracked']:.2f}"
        print(f"  {row['name']:<52} / {row['versus']:<48} {shown}")
    print("targets:")
    for target in report["targets"]:
        verdict = {True: "met", False: "MISSED", None: "not measured"}[target["met"]]
        print(f"  [{verdict:>12}] {target['target']}: {target['measured']}")
    if "multi_worker" in report:
        print_multi_worker(report["multi_worker"])


def print_multi_worker(part: dict[str, Any]) -> None:
    one, four = (str(workers) for workers in part["workers"])
    print(
        f"\n== 1 worker vs 4 workers (PostgreSQL + Redis): rate limits in {part['rate_limit_store']}, "
        f"{part['connections']} connections, median of {part['rounds']} rounds of {part['duration_s']} s, "
        "server and wrk unpinned (sharing every core)"
    )
    if part.get("skipped"):
        print(f"  {part['skipped']}")
        return
    header = (
        f"{'scenario':<30}{'1w req/s':>10}{'1w p99 ms':>11}{'4w req/s':>10}{'4w p99 ms':>11}"
        f"{'req/s 4/1':>11}{'p99 4/1':>9}"
    )
    print(header)
    print("-" * len(header))
    ratio = lambda v: "" if v is None else f"{v:.2f}"  # noqa: E731
    for row in part["scenarios"]:
        single, several = row["by_workers"][one], row["by_workers"][four]
        name = row["name"].split(" (")[0]
        if single["skipped"] or several["skipped"]:
            print(f"{name:<30}{single['skipped'] or several['skipped']}")
            continue
        print(
            f"{name:<30}{single['requests_per_s']:>10.0f}{single['p99_ms']:>11.2f}"
            f"{several['requests_per_s']:>10.0f}{several['p99_ms']:>11.2f}"
            f"{ratio(row['ratio_requests_per_s']):>11}{ratio(row['ratio_p99']):>9}"
        )
        for result in (single, several):
            if result["invalid"]:
                print(f"{'':<30}INVALID ({result['name']}): {result['invalid']}")
            for line in result["server_errors"][:1]:
                print(f"{'':<30}server error: {line[:600]}")
    print(f"Redis keys the limiter wrote (deleted after the run): {part['redis_keys_written']}")


def print_profile(path: Path) -> None:
    print(f"  hottest frames ({path}):  self%  incl%")
    for frame, own, inclusive in summarize_profile(path):
        print(f"    {own:5.1f} {inclusive:6.1f}  {frame[:150]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "5")))
    parser.add_argument(
        "--rounds",
        type=int,
        default=int(os.environ.get("BENCH_ROUNDS", "3")),
        help="run every scenario this many times, interleaved; report the median",
    )
    parser.add_argument("--warmup", type=int, default=int(os.environ.get("BENCH_WARMUP", "2")))
    parser.add_argument("--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", "32")))
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), action="append")
    parser.add_argument(
        "--profile",
        default=os.environ.get("BENCH_PROFILE", ""),
        help="profile the scenarios whose name contains this text with py-spy",
    )
    parser.add_argument("--only", default="", help="run only the scenarios whose name contains this text")
    parser.add_argument(
        "--multi-worker",
        "--workers-curve",  # its former name
        dest="multi_worker",
        action=argparse.BooleanOptionalAction,
        # BENCH_WORKERS_CURVE is the former name of BENCH_MULTI_WORKER.
        default=os.environ.get("BENCH_MULTI_WORKER", os.environ.get("BENCH_WORKERS_CURVE", "1")) == "1",
        help="PostgreSQL + Redis: GET /items/{id} and POST /movements with 1 and with 4 workers",
    )
    parser.add_argument("--pg-admin-url", default=os.environ.get("BENCH_PG_ADMIN_URL", DEFAULT_PG_ADMIN_URL))
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        help="the rate limiter's store in the multi-worker part (its keys get a fresh prefix, deleted after)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is not installed (bench/run.sh installs it)", file=sys.stderr)
        return 2
    backends = args.backend or ["sqlite", "postgresql"]
    results: dict[str, Any] = {"machine": machine(), "backends": {}}
    print(f"machine: {results['machine']['nproc']} CPU(s), {results['machine']['cpu_model']}")
    for backend in backends:
        print(f"\n{backend}:")
        with tempfile.TemporaryDirectory(prefix=f"sy-bench-{backend}-") as tmp:
            data_dir = Path(tmp)
            if backend == "sqlite":
                report = bench_backend(backend, f"sqlite:///{data_dir / 'bench.db'}", data_dir, args)
            else:
                created = create_pg_database(args.pg_admin_url)
                if isinstance(created, str):
                    print(f"  skipped: {created}")
                    results["backends"][backend] = {"skipped": created}
                    continue
                url, name = created
                try:
                    report = bench_backend(backend, url, data_dir, args)
                finally:
                    drop_pg_database(args.pg_admin_url, name)
        results["backends"][backend] = report
        print_table(report)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
