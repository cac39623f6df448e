#!/usr/bin/env node
// Prints the release bundle's sizes: every file in dist/ raw, gzip -9 and
// brotli (quality 11), and the total a first visit downloads (the first
// view, which `make bench` counts, needs fewer of them).
// Usage: node scripts/size.mjs [dist]   (`make size` builds first)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const files = readdirSync(dist)
  .filter((name) => !name.startsWith(".") && statSync(join(dist, name)).isFile())
  .filter((name) => !/\.(br|gz)$/.test(name))
  .sort();
if (files.length === 0) {
  console.error(`size: no files in ${dist}; build first (make build)`);
  process.exit(1);
}
const rows = files.map((name) => {
  const bytes = readFileSync(join(dist, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
});
const total = rows.reduce(
  (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const width = Math.max(...files.map((name) => name.length), 5);
const line = (name, row) =>
  `${name.padEnd(width)}  ${kb(row.raw).padStart(11)}  ${kb(row.gzip).padStart(10)}  ${kb(row.brotli).padStart(10)}`;
console.log(`${"file".padEnd(width)}  ${"raw".padStart(11)}  ${"gzip -9".padStart(10)}  ${"brotli 11".padStart(10)}`);
for (const row of rows) console.log(line(row.name, row));
console.log(line("total (the first view's files are fewer: make bench)", total));
