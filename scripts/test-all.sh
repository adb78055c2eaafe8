#!/usr/bin/env bash
# Every test: lint, typecheck, unit, integration (embedded PostgreSQL, and also TEST_EXTERNAL_DATABASE_URL
# when set — .ci/run points it at Debian's PostgreSQL 15), the production build, and Playwright
# end-to-end tests in Debian's headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n=== %s ===\n' "$1"; }

if [ ! -d node_modules ]; then step "npm ci"; npm ci; fi
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "installing Debian's chromium"
    apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "Chromium not found at ${CHROMIUM_PATH:-/usr/bin/chromium}: install Debian's chromium (apt-get install chromium)" >&2
    exit 1
  fi
fi

step "prisma generate"
npx prisma generate >/dev/null
step "lint"
npx eslint .
step "typecheck"
npx tsc --noEmit
step "unit tests"
npx vitest run --project unit
step "integration tests (embedded PostgreSQL)"
npx vitest run --project integration
if [ -n "${TEST_EXTERNAL_DATABASE_URL:-}" ]; then
  step "integration tests (external PostgreSQL at ${TEST_EXTERNAL_DATABASE_URL#*@})"
  TEST_DATABASE_URL="$TEST_EXTERNAL_DATABASE_URL" npx vitest run --project integration
fi
step "build"
npx next build >/dev/null
step "end-to-end tests (Playwright, headless Chromium)"
npx playwright test
