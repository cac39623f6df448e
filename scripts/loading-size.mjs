#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml): gives the page's loader the size of
// the WebAssembly module as served. Trunk 0.21 passes its loader (and so
// src/loading.mjs's progress bar) the module's size before wasm-opt, about
// half again too large, so the bar would jump from two thirds to done.
// This sets the size of the file actually in the build, and fails the
// build if Trunk's loader call is not found (a Trunk upgrade that changed
// it must be looked at, not shipped with a wrong bar).
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("loading-size: run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");
  process.exit(1);
}
const page = join(staging, "index.html");
const html = readFileSync(page, "utf8");
const call = /(__trunkInitializer\(init, '(?:\.\/)?([^']+_bg\.wasm)', )(\d+)(,)/;
const found = html.match(call);
if (!found) {
  console.error("loading-size: Trunk's loader call (__trunkInitializer) is not in index.html; check src/loading.mjs still gets the module's size");
  process.exit(1);
}
const size = statSync(join(staging, found[2])).size;
writeFileSync(page, html.replace(call, `$1${size}$4`));
