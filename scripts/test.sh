#!/usr/bin/env bash
# Installs everything (pnpm, dependencies, Debian's chromium and postgresql) and runs every test:
# typecheck and unit/golden/property tests on the embedded database, the store/API/server tests
# again on a real PostgreSQL server, the rubrics' own checks and tests, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
scripts/install-tools.sh --test
pnpm install --frozen-lockfile

echo "== typecheck and tests (embedded PGlite database)"
pnpm turbo run typecheck test

echo "== store, API and server tests on PostgreSQL"
scripts/pg-test.sh run pnpm turbo run test --filter=@kaoping/db --filter=@kaoping/api --filter=@kaoping/server --filter=@kaoping/examples

echo "== the rubrics"
pnpm kaoping check rubrics
pnpm kaoping fmt --check rubrics
pnpm kaoping test rubrics

echo "== browser tests (Chromium)"
pnpm --filter @kaoping/web build
pnpm --filter @kaoping/web test:browser
