#!/usr/bin/env bash
# Runs the app as a newcomer should first see it: the release build on
# http://127.0.0.1:8080, talking to a local SageMaker emulator on
# 127.0.0.1:5005 seeded with a demo model registry. Ctrl+C stops both.
# (`make run` sets up and builds first.)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo_root"
PORT="${PORT:-8080}"
BACKEND_PORT="${BACKEND_PORT:-5005}"

log="$(mktemp)"
"$REFERENCE_PYTHON" tests/emulator/launcher.py --host 127.0.0.1 --port "$BACKEND_PORT" --seed >"$log" 2>&1 &
emulator=$!
trap 'kill "$emulator" 2>/dev/null || true; rm -f "$log"' EXIT INT TERM
# Ready once seeded: the launcher says so last.
until grep -q "ready on" "$log"; do
  kill -0 "$emulator" 2>/dev/null || { cat "$log" >&2; echo "run: the SageMaker emulator did not start (is port $BACKEND_PORT free?)" >&2; exit 1; }
  sleep 0.2
done
cat "$log"
node scripts/serve.mjs --root dist --host 127.0.0.1 --port "$PORT" --backend "http://127.0.0.1:$BACKEND_PORT/"
