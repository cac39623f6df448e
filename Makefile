# The two commands of the README:
#   make run    sets up, builds the release app and serves it on http://127.0.0.1:8080,
#               with a local SageMaker emulator seeded with a demo registry
#   make test   sets up and runs every test layer (scripts/test.sh)
SHELL := /bin/bash
.DEFAULT_GOAL := run
PORT ?= 8080

.PHONY: run test setup build size bench clean

run: setup build
	@PORT=$(PORT) scripts/run.sh

test: setup
	@scripts/test.sh

setup:
	@scripts/setup.sh

build:
	@source scripts/env.sh && trunk build --release && node scripts/size.mjs dist

# The build prints every asset's size.
size: build

bench: setup
	@scripts/bench.sh

clean:
	cargo clean
	rm -rf dist
