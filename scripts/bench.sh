#!/usr/bin/env bash
# `make bench`: builds our release app and both peer editors
# (../shared/peers, or $PEERS), then measures all three on the same cards in
# one run and prints one table (scripts/bench-report.mjs, which also times
# the large card on throttled connections, scripts/slow-network.mjs, and
# our other interactions on it, scripts/interactions.mjs), then the
# first-view floor (scripts/first-view-floor.mjs). RUNS=3 by default.
# Results are appended to bench/history.csv, and the tables written into
# docs/performance.md as its latest run (scripts/bench-latest.mjs). Not
# part of make test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo_root"
PEERS="${PEERS:-$repo_root/../shared/peers}"
RUNS="${RUNS:-3}"
[ -f "$PEERS/bench.mjs" ] || { echo "bench: no peer harness at $PEERS (set PEERS)" >&2; exit 1; }
work="$repo_root/target/bench"
mkdir -p "$work"
rm -rf "$work/peers"
cp -r "$PEERS" "$work/peers"
chmod -R u+w "$work/peers"
echo "Building the peers (npm)…"
(cd "$work/peers" && npm install --no-audit --no-fund --loglevel=error >/dev/null && npm run build >/dev/null && python3 cards/gen_cards.py cards)
echo "Building ours (release)…"
trunk build --release >/dev/null
cargo bench --locked --bench validation_timings -- "$work/peers/cards" > "$work/native.json"
node scripts/bench-report.mjs --peers "$work/peers" --runs "$RUNS" --native "$work/native.json"
node scripts/first-view-floor.mjs
