#!/usr/bin/env bash
# Installs dependencies and runs every test: typecheck, unit/golden/property tests, the rubrics'
# own checks and tests. Used by the README and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm install --frozen-lockfile
pnpm turbo run typecheck test
pnpm kaoping check rubrics
pnpm kaoping fmt --check rubrics
