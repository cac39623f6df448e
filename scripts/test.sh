#!/usr/bin/env bash
# Runs every test layer, in order, and ends with a summary of what ran:
#   two quick checks (src/domain uses no browser or Leptos crate:
#   scripts/check-domain.sh; the README's and docs/'s relative links
#   resolve: scripts/check-links.mjs), format, lint (native and wasm32),
#   native tests, emulator tests (boto3), browser tests
#   (wasm-bindgen-test in headless Chromium), release build, end-to-end
#   tests (headless Chromium against the release build on 127.0.0.1).
# Exits non-zero when any layer fails or a test layer runs no test.
# Expects the tools scripts/setup.sh installs (`make test` runs it first).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo_root"

logs="target/test-logs"
mkdir -p "$logs"
summary=()
failed=0

# run_layer NAME COUNT_KIND COMMAND...
#   COUNT_KIND: "cargo" or "node" to count the tests that passed, "-" for
#   layers that are checks rather than tests.
run_layer() {
  local name="$1" kind="$2"
  shift 2
  local log="$logs/${name// /-}.log" started=$SECONDS status tests="-"
  printf '\n==> %s: %s\n' "$name" "$*"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  case "$kind" in
    cargo) tests=$(sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed.*/\1/p' "$log" | awk '{n += $1} END {print n + 0}') ;;
    node) tests=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log" | tail -n 1) ; tests=${tests:-0} ;;
    python) tests=$(sed -n 's/^Ran \([0-9]*\) tests\{0,1\} in .*/\1/p' "$log" | tail -n 1) ; tests=${tests:-0} ;;
  esac
  local verdict="ok"
  if [ "$status" -ne 0 ]; then
    verdict="FAILED"
  elif [ "$kind" != "-" ] && [ "$tests" -eq 0 ]; then
    verdict="FAILED (ran no test)"
  fi
  [ "$verdict" = "ok" ] || failed=1
  summary+=("$(printf '%-34s %-22s %7s %6ss' "$name" "$verdict" "$tests" "$((SECONDS - started))")")
  [ "$verdict" = "ok" ]
}

run_layer "domain stays pure" - scripts/check-domain.sh
run_layer "documentation links" - node scripts/check-links.mjs
run_layer "format" - cargo fmt --all --check
run_layer "clippy native" - cargo clippy --locked --all-targets -- -D warnings
run_layer "clippy wasm32" - cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
run_layer "native tests" cargo cargo test --locked
run_layer "emulator tests (boto3)" python "$REFERENCE_PYTHON" -m unittest discover -s tests/emulator -p 'test_*.py' -v
run_layer "browser tests (wasm, Chromium)" cargo cargo test --locked --target wasm32-unknown-unknown --test web
if run_layer "release build" - trunk build --release; then
  run_layer "end-to-end tests (Chromium)" node node --test --test-reporter=tap tests/e2e/
else
  summary+=("$(printf '%-34s %-22s' "end-to-end tests (Chromium)" "FAILED (no build)")")
  failed=1
fi

printf '\n%-34s %-22s %7s %7s\n' "layer" "result" "tests" "time"
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
  printf '\nSome layers FAILED; their output is in %s/.\n' "$logs"
  exit 1
fi
printf '\nAll layers passed.\n'
