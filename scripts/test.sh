#!/usr/bin/env bash
# Installs everything (pnpm, dependencies, Debian's chromium, postgresql, nginx and systemd) and runs
# every test: typecheck, the production build, unit/golden/property tests on the embedded database
# (the installed CLI, the deployed server and the deploy files among them), the store/API/server
# tests again on a real PostgreSQL server, the rubrics' own checks and tests, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
scripts/install-tools.sh --test
pnpm install --frozen-lockfile
# Everything below runs on Node.js 24 LTS from the root `node` devDependency, whatever Node the
# machine has (pnpm puts node_modules/.bin on PATH for scripts; this does it for the lines here too).
export PATH="$PWD/node_modules/.bin:$PATH"

echo "== Node.js $(node --version), pnpm $(pnpm --version)"

# One package's tests at a time, with generous timeouts: the machines have two cores, and tests
# that race each other for them fail on time, not on substance.
tests=(--concurrency=1 --continue -- --testTimeout=60000 --hookTimeout=120000)

echo "== format and lint (Biome)"
pnpm lint

echo "== typecheck"
pnpm turbo run typecheck

echo "== production build (the CLI, the server with the web app; built once, the tests below use it)"
pnpm turbo run build --filter=@kaoping/cli --filter=@kaoping/server

echo "== tests (embedded PGlite database)"
pnpm turbo run test "${tests[@]}"

echo "== store, API and server tests on PostgreSQL"
scripts/pg-test.sh run pnpm turbo run test --filter=@kaoping/db --filter=@kaoping/api --filter=@kaoping/server --filter=@kaoping/examples "${tests[@]}"

echo "== the rubrics (the built command)"
node apps/cli/dist/kaoping.js check rubrics
node apps/cli/dist/kaoping.js fmt --check rubrics
node apps/cli/dist/kaoping.js test rubrics

echo "== browser tests (Chromium)"
pnpm --filter @kaoping/web test:browser
