#!/usr/bin/env node
// `make bench`: our release build and both peer editors measured the same
// way in one run (../shared/peers/bench.mjs: typical, large and stress
// cards, median of --runs, the systems taking turns run by run), plus validation timings (native, in the
// browser, and ajv in Node), first paint, the large card on throttled
// connections (scripts/slow-network.mjs), printed as one table with our
// ratios to each peer, and our other interactions on the large card
// (scripts/interactions.mjs); all appended to bench/history.csv, and the
// tables written into docs/performance.md as the latest run (through
// target/bench/latest.json and scripts/bench-latest.mjs). Not part of
// `make test`.
//
//   node scripts/bench-report.mjs --peers target/bench/peers --runs 3 --native target/bench/native.json
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../tests/e2e/support.mjs";
import { TYPES, startServer } from "./serve.mjs";
import { CONNECTIONS, EDITOR_READY, readyOnConnections } from "./slow-network.mjs";
import { INTERACTIONS, interactionTable, interactionTimings } from "./interactions.mjs";
import { writeLatest } from "./bench-latest.mjs";

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const repo = resolve(import.meta.dirname, "..");
const peers = resolve(option("peers", "target/bench/peers"));
const runs = Number(option("runs", "3"));
const native = JSON.parse(readFileSync(option("native", "target/bench/native.json"), "utf8"));
const cards = ["typical", "large", "stress"];
const systems = [
  { name: "ours", root: join(repo, "dist"), field: '[data-path="/additional_information/caveats_and_recommendations"]', editorReady: EDITOR_READY },
  { name: "rjsf", root: join(peers, "rjsf/dist"), field: "#root_additional_information_caveats_and_recommendations" },
  { name: "JSON Forms", root: join(peers, "jsonforms/dist"), field: '[id="#/properties/caveats_and_recommendations-input"]' },
];

// One run of the peer harness (../shared/peers/bench.mjs --runs 1): one
// cold load of `card` in a fresh browser profile, then the keystrokes.
function measureOnce(system, card) {
  const result = spawnSync(
    "node",
    ["bench.mjs", "--root", system.root, "--field", system.field, "--card", card, "--runs", "1"],
    { cwd: peers, encoding: "utf8", timeout: 15 * 60 * 1000 },
  );
  const line = result.stdout?.trim().split("\n").filter((l) => l.startsWith("{")).pop();
  if (result.status !== 0 || !line) {
    // The harness gives a page 120 s to show the card; a page that keeps
    // the browser busy past that is stopped here after a quarter of an hour.
    const reason = /Timeout/.test(result.stderr ?? "")
      ? "did not show the card in 120 s"
      : result.error?.code === "ETIMEDOUT"
        ? "did not show the card (stopped after 15 min)"
        : "failed";
    process.stderr.write(`  ${system.name} ${card}: ${reason}\n`);
    return { failed: reason };
  }
  return JSON.parse(line);
}

// Each figure's median over the runs, as the harness takes it (a run that
// failed counts as a failure of the whole: its figures are missing).
function medians(results) {
  const failed = results.find((result) => result.failed);
  if (failed) return failed;
  const sorted = (key) => results.map((result) => result[key]).sort((a, b) => a - b);
  const keys = Object.keys(results[0]).filter((key) => typeof results[0][key] === "number");
  return Object.fromEntries(keys.map((key) => [key, sorted(key)[Math.floor((results.length - 1) / 2)]]));
}

function brotli(bytes) {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

// Our editor's own files, which the first view does without: its module and
// glue, and its loader (they download beside the first view's;
// tests/e2e/first-view.test.mjs shows the card and types into it with all
// of these held back). The peers have none: all of their script is their
// first view.
const AFTER_FIRST_VIEW = /^model-card-editor-|-loading\.mjs$/;

function firstViewBrotli(dir) {
  return assets(dir)
    .filter((asset) => !AFTER_FIRST_VIEW.test(asset.name))
    .reduce((total, asset) => total + asset.brotli, 0);
}

function afterFirstViewBrotli(dir) {
  return assets(dir)
    .filter((asset) => AFTER_FIRST_VIEW.test(asset.name))
    .reduce((total, asset) => total + asset.brotli, 0);
}

// Every file of a bundle, with its brotli size.
function assets(dir) {
  const rows = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (name !== "examples") walk(path);
      } else if (/\.(m?js|wasm|css|html)$/.test(name)) {
        const bytes = readFileSync(path);
        rows.push({ name: path.slice(dir.length + 1), raw: bytes.length, brotli: brotli(bytes) });
      }
    }
  };
  walk(dir);
  return rows.sort((a, b) => b.brotli - a.brotli);
}

// First contentful paint of a system opening the large card, median of
// `runs` cold loads, served the way the peer harness serves it.
async function firstPaint(system) {
  const cardsDir = join(peers, "cards");
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, "http://x");
    let file = pathname.startsWith("/cards/") ? join(cardsDir, pathname.slice(7)) : join(system.root, pathname);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(system.root, "index.html");
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html?card=/cards/large.json`);
    const paint = await page
      .waitForFunction(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime, null, { timeout: 60000 })
      .then((handle) => handle.jsonValue())
      .catch(() => undefined);
    if (paint !== undefined) samples.push(paint);
    await browser.close();
  }
  server.close();
  samples.sort((a, b) => a - b);
  return samples.length ? samples[Math.floor((samples.length - 1) / 2)] : undefined;
}

async function browserValidation() {
  const { server, url } = await startServer({ root: join(repo, "dist") });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.wasmBindings?.validation_timing_ms);
  const timings = {};
  for (const card of cards) {
    const text = readFileSync(join(peers, "cards", `${card}.json`), "utf8");
    timings[card] = {
      whole: await page.evaluate(([t, n]) => window.wasmBindings.validation_timing_ms(t, n), [text, card === "stress" ? 30 : 2000]),
      keystroke: await page.evaluate(
        ([t, n]) => window.wasmBindings.keystroke_validation_ms(t, "/additional_information/caveats_and_recommendations", n),
        [text, 5000],
      ),
    };
  }
  await browser.close();
  server.close();
  return timings;
}

// ajv 8, the validator JSON Forms and rjsf use, compiled from the same
// schema: timed in Node and, as standalone code, in the same Chromium as
// our WASM (the mean of many validations of each card).
async function ajvValidation() {
  const require = createRequire(join(peers, "package.json"));
  const Ajv2020 = require("ajv/dist/2020").default;
  const standalone = require("ajv/dist/standalone").default;
  const ajv = new Ajv2020({ strict: false, allErrors: true, code: { source: true } });
  const validate = ajv.compile(JSON.parse(readFileSync(join(repo, "schemas/model-package-card.schema.json"), "utf8")));
  const texts = Object.fromEntries(cards.map((card) => [card, readFileSync(join(peers, "cards", `${card}.json`), "utf8")]));
  const times = (card) => (card === "stress" ? 50 : 2000);
  const node = {};
  for (const card of cards) {
    const data = JSON.parse(texts[card]);
    const samples = [];
    for (let i = 0; i < times(card); i++) {
      const start = performance.now();
      validate(data);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    node[card] = samples[Math.floor(samples.length / 2)];
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const inBrowser = await page.evaluate(
    ({ source, texts, counts }) => {
      // The one runtime helper ajv's standalone code requires: string
      // length in code points, as JSON Schema counts it.
      const helpers = { "ajv/dist/runtime/ucs2length": { default: (text) => [...text].length } };
      const module = { exports: {} };
      const load = (name) => {
        if (!(name in helpers)) throw new Error(`ajv's standalone code needs ${name}`);
        return helpers[name];
      };
      new Function("require", "module", "exports", source)(load, module, module.exports);
      const check = module.exports.default ?? module.exports;
      // The page's clock is coarse: time batches, keep the median batch's mean.
      const result = {};
      for (const [card, text] of Object.entries(texts)) {
        const data = JSON.parse(text);
        const size = Math.max(1, Math.floor(counts[card] / 15));
        const means = [];
        for (let batch = 0; batch < 15; batch++) {
          const start = performance.now();
          for (let i = 0; i < size; i++) check(data);
          means.push((performance.now() - start) / size);
        }
        means.sort((a, b) => a - b);
        result[card] = means[7];
      }
      return result;
    },
    { source: standalone(ajv, validate), texts, counts: Object.fromEntries(cards.map((card) => [card, times(card)])) },
  );
  await browser.close();
  return { node, browser: inBrowser };
}

// The systems take turns, run by run (ours, rjsf, JSON Forms, ours, …),
// so that whatever else the machine is doing weighs on each alike; run
// one system's runs back to back and a slow minute can decide a
// comparison. rjsf does not show the stress card within the harness's two
// minutes: one run is enough to record that.
const figures = {};
for (const card of cards) {
  const results = Object.fromEntries(systems.map((system) => [system.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const system of systems) {
      if (system.name === "rjsf" && card === "stress" && run > 0) continue;
      if (results[system.name].some((result) => result.failed)) continue;
      process.stderr.write(`measuring ${system.name} on ${card}, run ${run + 1} of ${runs}…\n`);
      results[system.name].push(measureOnce(system, card));
    }
  }
  for (const system of systems) figures[`${system.name}/${card}`] = medians(results[system.name]);
}
const wasm = await browserValidation();
const ajv = await ajvValidation();
const sizes = {
  ours: firstViewBrotli(join(repo, "dist")),
  rjsf: firstViewBrotli(join(peers, "rjsf/dist")),
  "JSON Forms": firstViewBrotli(join(peers, "jsonforms/dist")),
};
const editorAfter = afterFirstViewBrotli(join(repo, "dist"));
const paints = {};
for (const system of systems) {
  process.stderr.write(`first paint of ${system.name}…\n`);
  paints[system.name] = await firstPaint(system);
}
process.stderr.write("the large card on throttled connections…\n");
const throttled = await readyOnConnections(systems, join(peers, "cards"), runs);
process.stderr.write("our interactions on the large card…\n");
const interactions = await interactionTimings(join(repo, "dist"), runs);

const fmt = (value, digits = 0) => (value === undefined || value === null || Number.isNaN(value) ? "—" : value.toFixed(digits));
const ratio = (theirs, ours) => (theirs && ours ? `${(theirs / ours).toFixed(1)}x` : "—");
const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(" | ")} |`);
row("card", "figure", "ours", "rjsf", "JSON Forms", "rjsf / ours", "JSON Forms / ours");
row("---", "---", "---:", "---:", "---:", "---:", "---:");
for (const card of cards) {
  for (const [figure, digits] of [["ready_ms", 0], ["key_p50_ms", 1], ["key_p95_ms", 1], ["heap_mb", 1], ["wasm_mb", 1]]) {
    const value = (name) => figures[`${name}/${card}`]?.[figure];
    const note = (name) => figures[`${name}/${card}`]?.failed ?? fmt(value(name), digits);
    const better = figure === "wasm_mb" ? ["—", "—"] : [ratio(value("rjsf"), value("ours")), ratio(value("JSON Forms"), value("ours"))];
    row(card, figure, note("ours"), note("rjsf"), note("JSON Forms"), ...better);
  }
}
row("large", "first_paint_ms", fmt(paints.ours), fmt(paints.rjsf), fmt(paints["JSON Forms"]), ratio(paints.rjsf, paints.ours), ratio(paints["JSON Forms"], paints.ours));
for (const connection of CONNECTIONS) {
  const ready = (name) => throttled[name]?.[connection.key];
  row("large", `ready_ms, ${connection.name}`, fmt(ready("ours")), fmt(ready("rjsf")), fmt(ready("JSON Forms")), ratio(ready("rjsf"), ready("ours")), ratio(ready("JSON Forms"), ready("ours")));
}
for (const connection of CONNECTIONS) {
  const editor = throttled.ours?.[`${connection.key}/editor`];
  row("large", `our editor takes over from its first view, ${connection.name}`, fmt(editor), "—", "—", "—", "—");
}
row("—", "first view, brotli KB", fmt(sizes.ours / 1024, 1), fmt(sizes.rjsf / 1024, 1), fmt(sizes["JSON Forms"] / 1024, 1), ratio(sizes.rjsf, sizes.ours), ratio(sizes["JSON Forms"], sizes.ours));
row("—", "our editor, after the first view, brotli KB", fmt(editorAfter / 1024, 1), "—", "—", "—", "—");
const validation = [];
validation.push("| card | whole card, ours native (ms) | whole card, ours WASM in Chromium (ms) | whole card, ajv 8 in Chromium (ms) | whole card, ajv 8 in Node (ms) | a keystroke, ours native (ms) | a keystroke, ours WASM (ms) |");
validation.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const card of cards) {
  validation.push(
    `| ${card} | ${fmt(native[card]?.issues_ms, 3)} | ${fmt(wasm[card]?.whole, 3)} | ${fmt(ajv.browser[card], 3)} | ${fmt(ajv.node[card], 3)} | ${fmt(native[card]?.keystroke_ms, 4)} | ${fmt(wasm[card]?.keystroke, 4)} |`,
  );
}
// Each table once, as a section: printed here, and written into
// docs/performance.md as the latest run (scripts/bench-latest.mjs).
const [interactionHeading, , ...interactionRows] = interactionTable(interactions, runs).split("\n");
const [, interactionTitle, interactionNote] = interactionHeading.match(/^(.*?) \((.*)\)$/) ?? [, interactionHeading, ""];
const files = ["| file | loaded | raw KB | brotli KB |", "| --- | --- | ---: | ---: |"];
for (const asset of assets(join(repo, "dist"))) {
  const when = AFTER_FIRST_VIEW.test(asset.name) ? "after the first view" : "first view";
  files.push(`| ${asset.name.replace(/-[0-9a-f]{16}/, "").replace(/^[0-9a-f]{16}-/, "")} | ${when} | ${fmt(asset.raw / 1024, 1)} | ${fmt(asset.brotli / 1024, 1)} |`);
}
const sections = [
  { title: "Editors", note: `median of ${runs} runs of ../shared/peers/bench.mjs, the three taking turns run by run; lower is better`, table: lines },
  {
    title: "Validation",
    note: "medians of many runs; in Chromium, whose clock is coarse, the median of 15 batches' means; a keystroke: typing one character, the edit and bringing every error and warning up to date",
    table: validation,
  },
  { title: interactionTitle, note: interactionNote, table: interactionRows },
  { title: "Our files", note: "the examples aside", table: files },
];
for (const { title, note, table } of sections) console.log(`\n${title} (${note})\n\n${table.join("\n")}`);

// The issue's targets, each checked against this run's figures.
const f = (system, card, figure) => figures[`${system}/${card}`]?.[figure];
const memory = (system) => (f(system, "large", "heap_mb") ?? NaN) + (f(system, "large", "wasm_mb") ?? 0);
const budget = Math.min(sizes.rjsf, sizes["JSON Forms"]);
const targets = [
  ["typing p95, large: under 16 ms, 20x rjsf, better than JSON Forms",
    f("ours", "large", "key_p95_ms") < 16 && f("rjsf", "large", "key_p95_ms") / f("ours", "large", "key_p95_ms") >= 20 && f("ours", "large", "key_p95_ms") < f("JSON Forms", "large", "key_p95_ms")],
  ["typing p95, stress: under 50 ms", f("ours", "stress", "key_p95_ms") < 50],
  ["form usable, large: under 1,000 ms, 5x rjsf, better than JSON Forms",
    f("ours", "large", "ready_ms") < 1000 && f("rjsf", "large", "ready_ms") / f("ours", "large", "ready_ms") >= 5 && f("ours", "large", "ready_ms") < f("JSON Forms", "large", "ready_ms")],
  ["form usable, stress: under 3,000 ms", f("ours", "stress", "ready_ms") < 3000],
  [`first view: at most the smaller peer's (${fmt(budget / 1024, 1)} KB brotli)`, sizes.ours <= budget],
  ["memory after typing, large: less than each peer's", memory("ours") < memory("rjsf") && memory("ours") < memory("JSON Forms")],
  ["one whole-card validation, large, WASM: no slower than ajv in the same browser", wasm.large?.whole <= ajv.browser.large],
  ["validation work per keystroke, stress: under 1 ms", wasm.stress?.keystroke < 1],
];
const verdicts = targets.map(([target, met]) => `${met ? "met " : "MISS"}  ${target}`);
sections.push({ title: "Targets", note: "issue 7", lines: verdicts });
console.log(`\nTargets (issue 7)\n\n${verdicts.join("\n")}`);
if (sizes.ours > budget) {
  process.stderr.write(
    `\n*** OVER BUDGET: our first view is ${fmt(sizes.ours / 1024, 1)} KB brotli, the budget ${fmt(budget / 1024, 1)} KB (the smaller peer's). ***\n`,
  );
}

const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repo, encoding: "utf8" }).trim();
const date = new Date().toISOString().slice(0, 10);
const history = join(repo, "bench/history.csv");
const header = `date,commit,system,card,ready_ms,key_p50_ms,key_p95_ms,heap_mb,wasm_mb,validation_ms,keystroke_validation_ms,first_paint_ms,first_view_brotli_kb,${CONNECTIONS.map((connection) => `ready_${connection.key}_ms`).join(",")},${INTERACTIONS.filter(({ late }) => !late).map(({ key }) => key).join(",")},${CONNECTIONS.map((connection) => `editor_${connection.key}_ms`).join(",")},editor_after_first_view_brotli_kb,${INTERACTIONS.filter(({ late }) => late).map(({ key }) => key).join(",")}`;
if (!existsSync(history)) {
  writeFileSync(history, `${header}\n`);
} else {
  // Columns added since the file was started: older rows leave them empty.
  const [first, ...rest] = readFileSync(history, "utf8").split("\n");
  if (first !== header) writeFileSync(history, [header, ...rest].join("\n"));
}
for (const card of cards) {
  for (const system of systems) {
    const interactionCell = (key) => (system.name === "ours" && card === "large" ? (interactions[key]?.toFixed(0) ?? "") : "");
    const f = figures[`${system.name}/${card}`] ?? {};
    const validationMs = system.name === "ours" ? wasm[card]?.whole?.toFixed(4) : "";
    const keystrokeMs = system.name === "ours" ? wasm[card]?.keystroke?.toFixed(4) : "";
    const paintMs = card === "large" ? (paints[system.name]?.toFixed(0) ?? "") : "";
    appendFileSync(
      history,
      [
        date, commit, system.name, card, f.ready_ms ?? "", f.key_p50_ms ?? "", f.key_p95_ms ?? "", f.heap_mb ?? "", f.wasm_mb ?? "",
        validationMs, keystrokeMs, paintMs, (sizes[system.name] / 1024).toFixed(1),
        ...CONNECTIONS.map((connection) => (card === "large" ? (throttled[system.name]?.[connection.key]?.toFixed(0) ?? "") : "")),
        ...INTERACTIONS.filter(({ late }) => !late).map(({ key }) => interactionCell(key)),
        ...CONNECTIONS.map((connection) =>
          system.name === "ours" && card === "large" ? (throttled.ours?.[`${connection.key}/editor`]?.toFixed(0) ?? "") : "",
        ),
        system.name === "ours" ? (editorAfter / 1024).toFixed(1) : "",
        ...INTERACTIONS.filter(({ late }) => late).map(({ key }) => interactionCell(key)),
      ].join(",") + "\n",
    );
  }
}
console.log(`\nAppended to bench/history.csv (${date}, ${commit}).`);

const latest = join(repo, "target/bench/latest.json");
mkdirSync(dirname(latest), { recursive: true });
writeFileSync(latest, `${JSON.stringify({ date, commit, runs, sections }, null, 2)}\n`);
writeLatest(latest, join(repo, "docs/performance.md"));
console.log("The tables above are the latest run in docs/performance.md.");
