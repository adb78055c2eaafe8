#!/usr/bin/env bash
# Every test: lint, typecheck, unit, integration (embedded PostgreSQL, and also TEST_EXTERNAL_DATABASE_URL
# when set — .ci/run points it at Debian's PostgreSQL 15), the production build, two app servers of that
# build on one database (tests/several-servers), and Playwright end-to-end tests in Debian's headless Chromium.
# Steps that do not need each other's results run side by side; their outputs are shown whole, in order.
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
# Steps that need nothing of each other run side by side (the machines have two cores); each one's
# output is shown whole when it is done, in this order, and any failure fails the run.
logs=$(mktemp -d)
# A failed step ends the run: the steps still running beside it end too.
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
start() { # name, command...
  local name=$1; shift
  "$@" >"$logs/$name.log" 2>&1 &
  eval "pid_${name//-/_}=$!"
}
finish() { # name, title: waits for it, shows its output, remembers a failure
  local name=$1 status=0 pid
  pid=$(eval "echo \$pid_${name//-/_}")
  wait "$pid" || status=$?
  step "$2: exit $status"; cat "$logs/$name.log"
  [ "$status" = 0 ] || { failed+=("$2"); failures "$2" "$logs/$name.log" >>"$logs/failures"; }
}
# The lines naming each failed test and its first error, repeated at the very end: a log cut to its
# tail (as CI shows it) still says what failed.
failures() { # title, log
  printf '%s:\n' "$1"
  sed 's/\x1b\[[0-9;]*m//g' "$2" | grep -E '^\s*(✘|×|FAIL |❯ .*failed)|^\s+[0-9]+\) \[|^\s*(Error|AssertionError|TimeoutError|TypeError)\b|^\s*(Expected|Received)( string| pattern)?:' | head -60 || true
}
failed=()
check() {
  [ "${#failed[@]}" = 0 ] && return
  step "what failed"; cat "$logs/failures" >&2
  echo "failed: ${failed[*]}" >&2; exit 1
}

# The production build is the start of the longest path (build, then the end-to-end tests), so it
# starts first, beside lint and typecheck. It skips its own TypeScript pass: tsc --noEmit is that check.
LUOSHI_BUILD_SKIP_TYPECHECK=1 start build npx next build
start lint npx eslint .
start typecheck npx tsc --noEmit
finish lint "lint"
finish typecheck "typecheck"
check
step "unit tests"
npx vitest run --project unit

# The integration runs wait on their databases far more than on the CPU, so everything after them
# runs beside them: the rest of the build, then the two app servers of the build (waiting most of
# the time for a scheduled job's minute) and the end-to-end tests. With TEST_EXTERNAL_DATABASE_URL
# both database servers are tested at once. Each run has its own database, keys, checkpoint file
# and uploads (the two app servers a test database of their own, data/pg-test-several-servers).
start embedded npx vitest run --project integration
if [ -n "${TEST_EXTERNAL_DATABASE_URL:-}" ]; then
  TEST_DATABASE_URL="$TEST_EXTERNAL_DATABASE_URL" LUOSHI_TEST_PG_DIR=data/pg-test-external LUOSHI_UPLOAD_DIR=data/uploads-test-external \
    start external npx vitest run --project integration
fi
finish build "build"
check
LUOSHI_TEST_PG_DIR=data/pg-test-several-servers start several npx vitest run --project several-servers
start e2e npx playwright test
finish several "two app servers of the build on one database, attachments in S3 (s3rver)"
finish e2e "end-to-end tests (Playwright, headless Chromium)"
# Journeys that passed only on their retry: named at the end too, though they do not fail the run.
flaky=$(sed 's/\x1b\[[0-9;]*m//g' "$logs/e2e.log" | sed -n '/^ *[0-9]* flaky$/,/^ *[0-9]* passed/p' | grep '›' || true)
finish embedded "integration tests (embedded PostgreSQL)"
if [ -n "${TEST_EXTERNAL_DATABASE_URL:-}" ]; then finish external "integration tests (external PostgreSQL at ${TEST_EXTERNAL_DATABASE_URL#*@})"; fi
check
if [ -n "$flaky" ]; then step "journeys that passed on their retry (flaky)"; echo "$flaky"; fi
