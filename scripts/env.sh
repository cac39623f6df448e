# Sourced by the other scripts: puts the tools setup installs on PATH, so
# nobody has to edit their shell's PATH by hand.
#   cargo-installed tools (trunk, wasm-bindgen): $CARGO_HOME/bin
#   npm-installed tools (wasm-opt): node_modules/.bin of this repository
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$repo_root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# wasm-bindgen-test-runner drives Chromium through this ChromeDriver.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# The reference validator the differential test compares with.
export REFERENCE_VENV="$repo_root/target/reference-venv"
export REFERENCE_PYTHON="${REFERENCE_PYTHON:-$REFERENCE_VENV/bin/python}"
# The command-line validator, as the native tests build it.
export MODEL_CARD_BIN="${MODEL_CARD_BIN:-$repo_root/target/debug/model-card}"
# Pinned tool versions, read from the files that pin them.
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$repo_root/Cargo.toml")"
RUST_TOOLCHAIN="$(sed -n 's/^channel = "\(.*\)"/\1/p' "$repo_root/rust-toolchain.toml")"
export TRUNK_VERSION WASM_BINDGEN_VERSION RUST_TOOLCHAIN
