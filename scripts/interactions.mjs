#!/usr/bin/env node
// How fast our editor answers what a reviewer does on the largest card
// (large.json, the service's 100,000 characters) beyond loading and typing
// in the form: opening a metric group, switching views, undo and redo,
// typing in the source view. Each figure runs from the input to the frame
// after it (the answer on screen), as the peer harness times a keystroke;
// the median of `runs` fresh browsers. The peers have nothing to compare
// with (no printable view, no source view, no undo), so only ours is
// measured. `make bench` prints it (scripts/bench-report.mjs) and records
// it in bench/history.csv; alone, after `make build`:
//
//   node scripts/interactions.mjs [--runs 3]   (with scripts/env.sh's PATH)
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../tests/e2e/support.mjs";
import { startServer } from "./serve.mjs";

/** What is measured, in the order measured; `key` names the history column. */
export const INTERACTIONS = [
  { key: "open_group_ms", name: "open a metric group (about 2,850 elements; median of one evaluation's groups)" },
  { key: "preview_ms", name: "switch to the printable preview" },
  { key: "source_ms", name: "switch to the source view" },
  { key: "source_key_p95_ms", name: "typing in the source view, p95 of 30 keys" },
  { key: "form_ms", name: "switch back to the form" },
  { key: "undo_ms", name: "undo the source view's typing" },
  { key: "redo_ms", name: "redo it" },
  // Added after the history's columns were laid out: written at the end of
  // each row (scripts/bench-report.mjs), so older rows keep their places.
  { key: "charts_key_p95_ms", name: "typing in the form with every chart of an open evaluation drawn, p95 of 30 keys", late: true },
];

const FIELD = '[data-path="/additional_information/caveats_and_recommendations"]';

// Runs `act` in the page and resolves to the milliseconds from it to the
// frame after it.
function untilNextFrame(page, act, argument) {
  return page.evaluate(
    async ([source, argument]) => {
      const start = performance.now();
      new Function("argument", source)(argument);
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      return performance.now() - start;
    },
    [act, argument],
  );
}

const clickTab = "[...document.querySelectorAll('[role=tab]')].find((tab) => tab.textContent.trim() === argument).click();";
const clickButton = "[...document.querySelectorAll('button')].find((button) => button.textContent.trim() === argument).click();";
const clickToggle = "document.querySelector(`[data-path=\"${argument}\"] .mce-item__toggle`).click();";

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/**
 * Types 30 keys (`keyOf(index)`) into `selector`, focused where it is,
 * and resolves to the p95 of the time from each keydown to the frame
 * after it, as the peer harness times a keystroke.
 */
async function typingP95(page, selector, keyOf) {
  await page.evaluate((selector) => {
    const target = document.querySelector(selector);
    if (document.activeElement !== target) target.focus();
    window.mceKeys = [];
    target.addEventListener("keydown", () => {
      const start = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.mceKeys.push(performance.now() - start), 0));
    }, true);
  }, selector);
  for (let key = 0; key < 30; key++) {
    await page.keyboard.type(keyOf(key));
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(300);
  const keys = (await page.evaluate(() => window.mceKeys)).sort((a, b) => a - b);
  return keys[Math.min(keys.length - 1, Math.floor(0.95 * keys.length))];
}

async function oneRun(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(new URL("index.html?card=examples/large.json", url).href);
  // The editor, not its first view (src/first_view/), which shows the card
  // while the editor downloads.
  await page.waitForFunction(
    (field) => !document.getElementById("mce-first-view") && document.querySelector(`#mce-main ${field}`)?.value.length > 0,
    FIELD,
  );
  await page.waitForTimeout(1000);
  const settle = () => page.waitForTimeout(300);
  const figures = {};

  await untilNextFrame(page, clickToggle, "/evaluation_details/0");
  await settle();
  const groups = await page.evaluate(() =>
    [...document.querySelectorAll('[data-path^="/evaluation_details/0/metric_groups/"] .mce-item__toggle')]
      .map((toggle) => toggle.closest("[data-path]").dataset.path)
      .filter((path) => /^\/evaluation_details\/0\/metric_groups\/\d+$/.test(path)),
  );
  if (!groups.length) throw new Error("interactions: large.json's first evaluation shows no metric groups");
  const opens = [];
  for (const group of groups) {
    opens.push(await untilNextFrame(page, clickToggle, group));
    await settle();
  }
  figures.open_group_ms = median(opens);

  // Every chart of the open evaluation drawn (each group's first metrics,
  // and the evaluation's overview), then typing in the form elsewhere.
  await page.waitForFunction(() => document.querySelectorAll("#mce-main .mce-chart-panel svg").length >= 12 && document.querySelectorAll("#mce-main .mce-overview svg").length >= 12);
  await settle();
  figures.charts_key_p95_ms = await typingP95(page, `#mce-main ${FIELD}`, (key) => String(key % 10));

  figures.preview_ms = await untilNextFrame(page, clickTab, "Preview");
  await settle();
  figures.source_ms = await untilNextFrame(page, clickTab, "Source");
  await settle();

  // Typing in the middle of the text, timed as the peer harness times it.
  await page.evaluate(() => {
    const text = document.getElementById("mce-source-text");
    const at = text.value.indexOf("caveats_and_recommendations") + 32;
    text.focus();
    text.setSelectionRange(at, at);
  });
  figures.source_key_p95_ms = await typingP95(page, "#mce-source-text", (key) => String.fromCharCode(97 + (key % 26)));

  figures.form_ms = await untilNextFrame(page, clickTab, "Form");
  await settle();
  figures.undo_ms = await untilNextFrame(page, clickButton, "Undo");
  await settle();
  figures.redo_ms = await untilNextFrame(page, clickButton, "Redo");
  if (!(await page.locator(FIELD).inputValue()).includes("abcdefghijklmnopqrstuvwxyzabcd")) {
    throw new Error("interactions: the source view's typing did not reach the card");
  }
  await page.close();
  return figures;
}

/**
 * Our interaction timings on large.json, served from `root` (a release
 * build, which ships the card among its examples): each figure's median
 * over `runs` fresh browsers.
 */
export async function interactionTimings(root, runs) {
  const { server, url } = await startServer({ root });
  const samples = [];
  try {
    for (let run = 0; run < runs; run++) {
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
      try {
        samples.push(await oneRun(browser, url));
      } finally {
        await browser.close();
      }
    }
  } finally {
    server.close();
  }
  return Object.fromEntries(INTERACTIONS.map(({ key }) => [key, median(samples.map((sample) => sample[key]))]));
}

/** The printed table of `timings`. */
export function interactionTable(timings, runs) {
  const lines = [
    `Our interactions on large (ms from the input to the frame after it; median of ${runs} runs)`,
    "",
    "| interaction | ms |",
    "| --- | ---: |",
  ];
  for (const { key, name } of INTERACTIONS) lines.push(`| ${name} | ${timings[key]?.toFixed(0) ?? "—"} |`);
  return lines.join("\n");
}

if (resolve(process.argv[1] ?? "") === resolve(import.meta.filename)) {
  const index = process.argv.indexOf("--runs");
  const runs = index > 0 ? Number(process.argv[index + 1]) : 3;
  const root = resolve(import.meta.dirname, "../dist");
  console.log(interactionTable(await interactionTimings(root, runs), runs));
}
