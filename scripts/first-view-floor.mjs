#!/usr/bin/env node
// The first-view floor: what the least first view of a card downloads,
// with Leptos and without, next to the app built the same way. Builds the
// app and the three probes in bench/floor/ for wasm32 (release profile),
// runs each through wasm-bindgen and `wasm-opt -Oz` as Trunk does, checks in
// Chromium that each probe shows large.json and takes input (a floor that
// does not work would prove nothing), and prints their brotli sizes.
// `make bench` runs it; alone: `node scripts/first-view-floor.mjs`
// (with scripts/env.sh's PATH).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../tests/e2e/support.mjs";
import { startServer } from "./serve.mjs";

const repo = resolve(import.meta.dirname, "..");
const release = join(repo, "target/wasm32-unknown-unknown/release");
const out = join(repo, "target/first-view-floor");
const field = "/additional_information/caveats_and_recommendations";

const builds = [
  { name: "floor_json_editor", kind: "--example", wasm: join(release, "examples/floor_json_editor.wasm"),
    what: "framework floor: Leptos, serde_json and a fetch; every value a text box labelled with its key" },
  { name: "floor_card_form", kind: "--example", wasm: join(release, "examples/floor_card_form.wasm"),
    what: "card-form floor: + importer, schema-walked form, undo history, drafts; every value a text box" },
  { name: "floor_plain_dom", kind: "--example", wasm: join(release, "examples/floor_plain_dom.wasm"),
    what: "the card-form floor without a framework: the same, the page built with web-sys calls instead of Leptos" },
  { name: "first-view", kind: "--bin", wasm: join(release, "first-view.wasm"),
    what: "the app's first view, as shipped (src/first_view/)" },
  { name: "model-card-editor", kind: "--bin", wasm: join(release, "model-card-editor.wasm"),
    what: "the app's editor" },
];

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);
const run = (command, args) => execFileSync(command, args, { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });

run("cargo", ["build", "--locked", "--release", "--target", "wasm32-unknown-unknown",
  ...builds.flatMap((build) => [build.kind, build.name])]);

rmSync(out, { recursive: true, force: true });
const rows = [];
for (const build of builds) {
  const dir = join(out, build.name);
  mkdirSync(dir, { recursive: true });
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", dir, "--out-name", "app", build.wasm]);
  run("wasm-opt", ["-Oz", join(dir, "app_bg.wasm"), "--output", join(dir, "app_bg.wasm")]);
  const wasm = brotli(readFileSync(join(dir, "app_bg.wasm")));
  const js = brotli(readFileSync(join(dir, "app.js")));
  rows.push({ ...build, dir, wasm, js });
}

// Each probe must show the largest card and take input.
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
for (const row of rows.filter((row) => row.kind === "--example")) {
  writeFileSync(join(row.dir, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${row.name}</title>` +
    `<script type="module">import init from "./app.js"; init();</script></head><body></body></html>`);
  copyFileSync(join(repo, "examples/large.json"), join(row.dir, "large.json"));
  const { server, url } = await startServer({ root: row.dir });
  const page = await browser.newPage();
  await page.goto(new URL("index.html?card=large.json", url).href);
  const input = page.locator(`[data-path="${field}"]`);
  await input.fill("typed in the floor probe", { timeout: 30000 });
  row.fields = await page.locator("[data-path]").count();
  if (row.name !== "floor_json_editor") {
    const saved = await page.evaluate(() => Object.keys(localStorage).map((key) => localStorage.getItem(key)).join(""));
    if (!saved.includes("typed in the floor probe")) throw new Error(`${row.name}: the edit was not saved as a draft`);
  }
  await page.close();
  server.close();
}
await browser.close();

console.log("\nFirst-view floor (wasm-bindgen + wasm-opt -Oz, as Trunk builds; brotli 11; CSS and HTML not included)\n");
console.log("| build | what it is | `.wasm` KB | `.js` KB | total KB |\n| --- | --- | ---: | ---: | ---: |");
for (const row of rows) {
  const shown = row.fields ? ` (shows large.json: ${row.fields} elements with \`data-path\`)` : "";
  console.log(`| ${row.name} | ${row.what}${shown} | ${kb(row.wasm)} | ${kb(row.js)} | ${kb(row.wasm + row.js)} |`);
}
