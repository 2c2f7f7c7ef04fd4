#!/usr/bin/env bash
# `make bench`: installs wrk when missing, then runs the harness (bench/harness.py) and the webhook
# delivery figures (bench/webhooks.py).
# Options go to the harness, e.g. `bash bench/run.sh --backend sqlite --duration 5`.
# Environment: BENCH_DURATION, BENCH_CONNECTIONS, BENCH_PROFILE, BENCH_PG_ADMIN_URL, BENCH_PIN.
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
