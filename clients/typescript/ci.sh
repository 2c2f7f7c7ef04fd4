#!/usr/bin/env bash
# CI for the TypeScript client: a clean install from package-lock.json, then the build and every
# test (a live server is started by the tests themselves, from ../../.venv/bin/stockyard or
# $STOCKYARD_BIN). Takes about 2 minutes, most of it one real rate-limit window.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
npm ci --no-audit --no-fund
npm test
