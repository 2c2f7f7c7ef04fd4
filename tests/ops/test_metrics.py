"""`GET /metrics` over HTTP against real servers: one uvicorn process, and the real CLI with
`stockyard serve --workers 2` (prometheus-client's multiprocess mode, every scrape merges both
workers).

Known traffic is sent after a first scrape, each request on its own connection (so that both
workers serve some), then /metrics is scraped several times: the increase of
`stockyard_requests_total` per (route, method, status, code) must be exactly the traffic, in every
scrape whichever worker answers it, and no label may hold a raw path or an id.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample

from stockyard.metrics import prepare_multiprocess, remove_multiprocess_dir
from tests.client.live import start_live_server
from tests.servers import (
    HOST,
    Startup,
    base_url,
    free_port,
    server_env,
    spawn,
    stop_processes,
    wait_until_healthy,
)
from tests.support import Tenant, assert_error, create_tenant

TOKEN = "metrics-token-of-the-tests"
SECRET_KEY = "ops-metrics-secret-key-long-enough-for-hs256"
AUTHORIZED = {"Authorization": f"Bearer {TOKEN}"}
ITEM_ROUTE = "/api/v1/items/{itemId}"
Key = tuple[str, str, str, str]  # route, method, status, code


@dataclass
class Served:
    url: str
    workers: int
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]


def _serve_cli(database_url: str, data_dir: Path, workers: int) -> Served:
    """The real `stockyard serve --workers N`, with a metrics token, once every worker has started."""
    port = free_port()
    env = server_env(
        database_url,
        data_dir,
        SECRET_KEY,
        {
            "STOCKYARD_RATE_LIMIT_ENABLED": "false",
            "STOCKYARD_LOG_LEVEL": "INFO",
            "STOCKYARD_METRICS_TOKEN": TOKEN,
        },
    )
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)  # `serve` makes its own
    log_path = data_dir / "serve.log"
    command = [sys.executable, "-m", "stockyard", "serve", "--host", HOST, "--port", str(port)]
    process = spawn([*command, "--workers", str(workers)], env, log_path)
    served = Served(base_url(port), workers, process, log_path)
    startup = wait_until_healthy(served.url, process, 60)
    assert startup is Startup.HEALTHY, (startup, served.log())
    deadline = time.monotonic() + 60
    while log_path.read_text(errors="replace").count("Application startup complete.") < workers:
        assert time.monotonic() < deadline and process.poll() is None, served.log()
        time.sleep(0.1)
    return served


@pytest.fixture(scope="module", params=[1, 2], ids=["1-worker", "2-workers"])
def served(
    request: pytest.FixtureRequest, database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    workers = int(request.param)
    data_dir = tmp_path_factory.mktemp(f"metrics-{workers}")
    if workers == 1:
        # uvicorn on its own (the app factory), metrics in memory; rate limits on, with a tiny
        # sign-in budget, to see a refusal counted
        live = start_live_server(
            database_url,
            data_dir,
            {"STOCKYARD_RATE_LIMIT_ENABLED": "true", "STOCKYARD_LOGIN_RATE_LIMIT_PER_MINUTE": "2"},
        )
        server = Served(live.url, 1, live.process, live.log_path)
    else:
        server = _serve_cli(database_url, data_dir, workers)
    try:
        yield server
    finally:
        stop_processes(server.process, grace=30, kill_wait=10)


def _scrape(url: str, headers: dict[str, str]) -> dict[str, list[Sample]]:
    """Every sample of the exposition by sample name, on a connection of its own."""
    response = httpx.get(f"{url}/metrics", headers={**headers, "Connection": "close"}, timeout=30)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4"), response.headers
    samples: dict[str, list[Sample]] = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples.setdefault(sample.name, []).append(sample)
    return samples


def _requests(samples: dict[str, list[Sample]]) -> Counter[Key]:
    counts: Counter[Key] = Counter()
    for sample in samples.get("stockyard_requests_total", []):
        labels = sample.labels
        key = (labels["route"], labels["method"], labels["status"], labels["code"])
        counts[key] = int(sample.value)
    return counts


def _delta(after: Counter[Key], before: Counter[Key]) -> dict[Key, int]:
    """What the traffic added, scrapes of /metrics aside (a scrape is counted once it is answered)."""
    return {
        key: count - before[key]
        for key, count in after.items()
        if count != before[key] and key[0] != "/metrics"
    }


def _fresh(tenant: Tenant) -> dict[str, str]:
    return {**tenant.headers, "Connection": "close"}


def test_counts_per_route_and_code(served: Served) -> None:
    http = httpx.Client(base_url=served.url, timeout=30)
    tenant = create_tenant(http)
    created = tenant.post("/api/v1/items", json={"sku": "MET-1", "name": "Metered"})
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    missing_id = f"itm_{'0' * 26}"
    before = _requests(_scrape(served.url, AUTHORIZED))

    for _ in range(3):
        response = http.get(f"/api/v1/items/{item_id}", headers=_fresh(tenant))
        assert response.status_code == 200, response.text
    for _ in range(2):
        missing = http.get(f"/api/v1/items/{missing_id}", headers=_fresh(tenant))
        assert_error(missing, "not_found")
    invalid = http.post("/api/v1/items", json={"sku": "MET-2"}, headers=_fresh(tenant))
    assert_error(invalid, "validation_error", param="name")
    # answered by the authentication middleware before routing: counted on its route all the same
    assert_error(http.get("/api/v1/items", headers={"Connection": "close"}), "missing_credentials")
    for _ in range(2):
        unknown = http.get(f"/no/such/{item_id}", headers={"Connection": "close"})
        assert_error(unknown, "not_found")
    expected: dict[Key, int] = {
        (ITEM_ROUTE, "GET", "200", ""): 3,
        (ITEM_ROUTE, "GET", "404", "not_found"): 2,
        ("/api/v1/items", "POST", "400", "validation_error"): 1,
        ("/api/v1/items", "GET", "401", "missing_credentials"): 1,
        ("unmatched", "GET", "404", "not_found"): 2,
    }
    if served.workers == 1:  # rate limits on, two sign-ins a minute: create_tenant signed in once
        sign_in = {"workspace": tenant.slug, "email": tenant.email, "password": tenant.password}
        refused_before = _value(_scrape(served.url, AUTHORIZED), "stockyard_rate_limited_total")
        assert http.post("/api/v1/auth/token", json=sign_in).status_code == 200
        refused = http.post("/api/v1/auth/token", json=sign_in)
        assert_error(refused, "rate_limited", message="Rate Limit Exceeded. 2 per Minute")
        expected[("/api/v1/auth/token", "POST", "200", "")] = 1
        expected[("/api/v1/auth/token", "POST", "429", "rate_limited")] = 1
    http.close()

    scrapes = 6 if served.workers > 1 else 2
    for _ in range(scrapes):  # with two workers, each may be answered by either one
        samples = _scrape(served.url, AUTHORIZED)
        assert _delta(_requests(samples), before) == expected
        durations = {
            (sample.labels["route"], sample.labels["method"]): sample.value
            for sample in samples["stockyard_request_duration_seconds_count"]
        }
        before_items = sum(count for key, count in before.items() if key[:2] == (ITEM_ROUTE, "GET"))
        assert durations[(ITEM_ROUTE, "GET")] - before_items == 5
        _assert_bounded_labels(samples, (item_id, missing_id, tenant.workspace_id, tenant.slug, "/no/such"))
        assert _value(samples, "stockyard_db_connection_wait_seconds_count") > 0
        assert "stockyard_job_queue_depth" in samples
        assert "stockyard_db_connections_in_use" in samples
        if served.workers == 1:
            login_refusals = _value(samples, "stockyard_rate_limited_total", budget="login")
            assert login_refusals - refused_before == 1
            assert _value(samples, "process_resident_memory_bytes") > 0
        else:  # the process metrics of each live worker
            pids = {sample.labels["pid"] for sample in samples["process_start_time_seconds"]}
            assert len(pids) == served.workers, pids


def _value(samples: dict[str, list[Sample]], name: str, **labels: str) -> float:
    return sum(
        sample.value
        for sample in samples.get(name, [])
        if all(sample.labels.get(label) == value for label, value in labels.items())
    )


def _assert_bounded_labels(samples: dict[str, list[Sample]], secrets: tuple[str, ...]) -> None:
    for name, found in samples.items():
        for sample in found:
            for label, value in sample.labels.items():
                assert not any(secret in value for secret in secrets), (name, label, value)
                if label == "route":
                    assert value == "unmatched" or (value.startswith("/") and "itm_" not in value), value


def test_the_token_protects_the_metrics(served: Served) -> None:
    expected_token = served.workers > 1  # the CLI run sets STOCKYARD_METRICS_TOKEN
    if not expected_token:
        assert httpx.get(f"{served.url}/metrics", timeout=30).status_code == 200
        return
    assert_error(httpx.get(f"{served.url}/metrics", timeout=30), "missing_credentials")
    wrong = httpx.get(f"{served.url}/metrics", headers={"Authorization": "Bearer nope"}, timeout=30)
    assert_error(wrong, "token_invalid", message="The metrics token is invalid.")
    assert httpx.get(f"{served.url}/metrics", headers=AUTHORIZED, timeout=30).status_code == 200


def test_the_metrics_are_not_rate_limited(served: Served) -> None:
    """Outside /api: the limiter (on in the one-worker run) neither counts nor marks a scrape."""
    response = httpx.get(f"{served.url}/metrics", headers=AUTHORIZED, timeout=30)
    assert response.status_code == 200
    assert "ratelimit-limit" not in response.headers


def test_an_operators_directory_is_emptied_of_the_last_runs_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "counter_999999999.db"
    stale.write_bytes(b"left by a previous run")
    own = tmp_path / f"histogram_{os.getpid()}.db"
    own.write_bytes(b"")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    assert prepare_multiprocess(2) is None  # the operator's directory stays where it is
    assert not stale.exists()
    assert own.exists()


def test_serve_removes_the_directory_it_made(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    assert prepare_multiprocess(1) is None  # one worker: in memory
    made = prepare_multiprocess(2)
    assert made is not None and made.is_dir()
    assert os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(made)
    remove_multiprocess_dir(made)
    assert not made.exists()
    assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ
