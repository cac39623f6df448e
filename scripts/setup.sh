#!/usr/bin/env bash
# Installs what building, running and testing need, and only what is
# missing: a second run checks everything and installs nothing.
#
#   Rust toolchain (rust-toolchain.toml) with the wasm32 target, clippy, rustfmt   rustup
#   trunk 0.21.14                                                                   cargo install
#   wasm-bindgen-cli at the version Cargo.toml pins wasm-bindgen to                 cargo install
#   wasm-opt (npm binaryen), playwright-core, axe-core, as package-lock.json pins   npm ci
#   Chromium and ChromeDriver                                                       apt
#   python-jsonschema, moto, boto3 (tests/reference/requirements.txt)             venv + pip
#   the crates Cargo.lock names (Trunk builds offline)                              cargo fetch
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo_root"

ok() { printf '  ok       %s\n' "$*"; }
installing() { printf '  install  %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

echo "Checking the tools Model Card Editor needs:"

command -v rustup >/dev/null || fail "rustup is missing; install Rust from https://rustup.rs first"
if rustup toolchain list | grep -q "^$RUST_TOOLCHAIN"; then
  ok "Rust $RUST_TOOLCHAIN"
else
  installing "Rust $RUST_TOOLCHAIN"
  rustup toolchain install "$RUST_TOOLCHAIN" --profile minimal
fi
for component in clippy rustfmt; do
  if rustup component list --installed --toolchain "$RUST_TOOLCHAIN" | grep -q "^$component"; then
    ok "$component"
  else
    installing "$component"
    rustup component add --toolchain "$RUST_TOOLCHAIN" "$component"
  fi
done
if rustup target list --installed --toolchain "$RUST_TOOLCHAIN" | grep -qx wasm32-unknown-unknown; then
  ok "wasm32-unknown-unknown target"
else
  installing "wasm32-unknown-unknown target"
  rustup target add --toolchain "$RUST_TOOLCHAIN" wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  ok "trunk $TRUNK_VERSION"
else
  installing "trunk $TRUNK_VERSION (cargo install, about 7 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

[ -n "$WASM_BINDGEN_VERSION" ] || fail "Cargo.toml does not pin wasm-bindgen with '='"
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] &&
  [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $WASM_BINDGEN_VERSION" ]; then
  ok "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
else
  # Not --locked: its lock file pins a webpki-roots the registry does not serve.
  installing "wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

command -v npm >/dev/null || {
  installing "Node.js and npm (apt)"
  as_root apt-get update -qq
  as_root apt-get install -y -qq nodejs npm
}
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f node_modules/.setup-stamp ] && [ "$(cat node_modules/.setup-stamp)" = "$lock_sum" ]; then
  ok "node packages (wasm-opt $(wasm-opt --version | cut -d' ' -f3), playwright-core, axe-core)"
else
  installing "node packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.setup-stamp
fi

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
  ok "chromium and chromedriver"
else
  installing "chromium and chromium-driver (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

requirements="tests/reference/requirements.txt"
requirements_sum="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ -x "$REFERENCE_PYTHON" ] && [ "$(cat "$REFERENCE_VENV/.setup-stamp" 2>/dev/null)" = "$requirements_sum" ]; then
  ok "Python tools: python-jsonschema, moto, boto3 ($REFERENCE_VENV)"
else
  installing "Python tools: python-jsonschema, moto, boto3 (into $REFERENCE_VENV)"
  command -v python3 >/dev/null || { as_root apt-get update -qq; as_root apt-get install -y -qq python3; }
  rm -rf "$REFERENCE_VENV"
  if ! python3 -m venv "$REFERENCE_VENV" 2>/dev/null; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
    python3 -m venv "$REFERENCE_VENV"
  fi
  "$REFERENCE_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  echo "$requirements_sum" > "$REFERENCE_VENV/.setup-stamp"
fi

if cargo fetch --locked --quiet; then
  ok "crates in Cargo.lock"
else
  fail "cargo fetch failed"
fi
echo "All tools present."
