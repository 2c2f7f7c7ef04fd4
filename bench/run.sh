#!/usr/bin/env bash
# `make bench`: installs wrk when missing, then runs the harness (bench/harness.py), the webhook
# delivery figures (bench/webhooks.py) and the FIFO valuation report (bench/fifo_valuation.py).
# Options go to the harness, e.g. `bash bench/run.sh --backend sqlite --duration 5`.
# Environment: BENCH_DURATION, BENCH_CONNECTIONS, BENCH_PROFILE, BENCH_PG_ADMIN_URL, BENCH_PIN,
# BENCH_MULTI_WORKER (0 leaves out the one-worker-beside-four part on PostgreSQL + Redis, whose
# Redis is BENCH_REDIS_URL, redis://127.0.0.1:6379/0 by default: skipped, with a note, when down),
# BENCH_VALUATION_MOVEMENTS (movements per workspace of the valuation ledger: 100000 by default, a
# few tens of seconds on SQLite; 1000000 is the size of issue 16's target and seeds for ~3 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk (Debian package)..."
    SUDO=""
    if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq wrk >/dev/null
fi

PYTHON="${PYTHON:-.venv/bin/python}"
if [ ! -x "$PYTHON" ]; then
    echo "No virtualenv at .venv: run 'make install' first." >&2
    exit 2
fi
"$PYTHON" -m bench.harness "$@"
# Webhook delivery throughput and commit-to-delivery latency (bench/webhooks.py).
"$PYTHON" -m bench.webhooks --output "${BENCH_WEBHOOKS_OUTPUT:-bench/webhooks.json}"
# The valuation report over a ledger of FIFO items beside the same ledger at average cost (SQLite).
"$PYTHON" -m bench.fifo_valuation --movements "${BENCH_VALUATION_MOVEMENTS:-100000}" \
    --output "${BENCH_VALUATION_OUTPUT:-bench/fifo_valuation.json}"
