#!/usr/bin/env bash
# Installs dependencies, builds the web app and starts Kaoping on one port (PORT, default 3000)
# with the embedded database in ./data, seeded with demo data on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
scripts/install-tools.sh
pnpm install --frozen-lockfile
# Everything below runs on Node.js 24 LTS from the root `node` devDependency, whatever Node the
# machine has (pnpm puts node_modules/.bin on PATH for scripts; this does it for the lines here too).
export PATH="$PWD/node_modules/.bin:$PATH"
pnpm --filter @kaoping/web build
# exec all the way down: this shell becomes pnpm, whose script execs node, so SIGTERM and SIGINT
# sent to this script reach the server, which finishes its requests and exits 0
# (apps/server/test/launcher.test.ts).
exec pnpm --filter @kaoping/server start
