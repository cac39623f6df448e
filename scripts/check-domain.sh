#!/usr/bin/env bash
# The first layer of `make test`: the pure core stays pure. No file under
# src/domain may use the view framework or the browser (leptos, web_sys,
# wasm_bindgen, js_sys, gloo, and their companion crates such as
# wasm_bindgen_futures or gloo_net), so that `cargo test` checks all of it
# natively and the view calls in, never the other way round.
#
# Matches `use leptos...`, `extern crate leptos` and any path `leptos::...`
# (likewise for the others) outside `//` comment lines. Lists every
# offending file:line and exits 1; exits 0 when there is none.
#   scripts/check-domain.sh [DIR]   (DIR defaults to src/domain)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir="${1:-src/domain}"
crates='(leptos|web_sys|wasm_bindgen|js_sys|gloo)[[:alnum:]_]*'
pattern="(^|[^[:alnum:]_])${crates}[[:space:]]*::|(^|[^[:alnum:]_])(use|extern[[:space:]]+crate)[[:space:]]+(::)?${crates}([^[:alnum:]_]|$)"

[ -d "$dir" ] || { echo "check-domain: no directory $dir" >&2; exit 2; }
files=$(find "$dir" -name '*.rs' | wc -l)
# file:line:text, without lines that are only a comment.
found=$(grep -rnE --include='*.rs' "$pattern" "$dir" | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//')
if [ -n "$found" ]; then
  echo "check-domain: $dir must not use leptos, web_sys, wasm_bindgen, js_sys or gloo"
  echo "(the pure core is tested natively; browser and Leptos code belongs in src/view or src/first_view):"
  printf '%s\n' "$found"
  exit 1
fi
echo "check-domain: $files files under $dir, none uses leptos, web_sys, wasm_bindgen, js_sys or gloo"
