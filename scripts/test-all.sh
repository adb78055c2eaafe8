#!/usr/bin/env bash
# Every test: lint, typecheck, unit, integration (embedded PostgreSQL, and also TEST_EXTERNAL_DATABASE_URL
# when set — .ci/run points it at Debian's PostgreSQL 15), the production build, two app servers of that
# build on one database (tests/several-servers), and Playwright end-to-end tests in Debian's headless Chromium.
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
if [ -z "${TEST_EXTERNAL_DATABASE_URL:-}" ]; then
  step "integration tests (embedded PostgreSQL)"
  npx vitest run --project integration
else
  # Both servers at once: the runs wait on their databases far more than on the CPU, and each has
  # its own database, keys, checkpoint file and uploads. Each run's output is shown whole when done.
  step "integration tests (embedded PostgreSQL, and external PostgreSQL at ${TEST_EXTERNAL_DATABASE_URL#*@}, side by side)"
  logs=$(mktemp -d)
  npx vitest run --project integration >"$logs/embedded.log" 2>&1 &
  embedded=$!
  TEST_DATABASE_URL="$TEST_EXTERNAL_DATABASE_URL" LUOSHI_TEST_PG_DIR=data/pg-test-external LUOSHI_UPLOAD_DIR=data/uploads-test-external \
    npx vitest run --project integration >"$logs/external.log" 2>&1 &
  external=$!
  embedded_status=0; wait "$embedded" || embedded_status=$?
  external_status=0; wait "$external" || external_status=$?
  step "integration tests (embedded PostgreSQL): exit $embedded_status"; cat "$logs/embedded.log"
  step "integration tests (external PostgreSQL): exit $external_status"; cat "$logs/external.log"
  [ "$embedded_status" = 0 ] && [ "$external_status" = 0 ]
fi
step "build"
npx next build >/dev/null
step "two app servers of the build on one database, attachments in S3 (s3rver)"
npx vitest run --project several-servers
step "end-to-end tests (Playwright, headless Chromium)"
npx playwright test
