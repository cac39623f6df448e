#!/usr/bin/env node
// `make bench`'s latest tables, written into docs/performance.md: the text
// between the markers <!-- bench:latest:start --> and
// <!-- bench:latest:end --> becomes the run in target/bench/latest.json
// (which scripts/bench-report.mjs writes, then calls this). The rest of the
// page, written by hand, is left as it is.
//
//   node scripts/bench-latest.mjs [target/bench/latest.json] [docs/performance.md]
//
// latest.json: {"date", "commit", "runs", "sections": [{"title", "note",
// "table": ["| markdown | row |", ...]} or {"title", "note", "lines": [...]}
// (shown as a code block)]}.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

export const START = "<!-- bench:latest:start -->";
export const END = "<!-- bench:latest:end -->";

/** The Markdown for one run: a line saying which, then each section. */
export function renderLatest({ date, commit, runs, sections }) {
  const parts = [`The latest run (${date}, commit ${commit}, ${runs} runs of each editor, headless Chromium).`];
  for (const { title, note, table, lines } of sections) {
    parts.push(note ? `**${title}** (${note})` : `**${title}**`);
    parts.push(table ? table.join("\n") : ["```", ...lines, "```"].join("\n"));
  }
  return parts.join("\n\n");
}

/** `page` with the text between the markers replaced by `content`. */
export function replaceLatest(page, content) {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the page has no ${START} … ${END} markers, in that order`);
  return `${page.slice(0, start + START.length)}\n${content}\n${page.slice(end)}`;
}

/** Rewrites the latest run in the page at `pagePath` from `jsonPath`. */
export function writeLatest(jsonPath, pagePath) {
  const latest = JSON.parse(readFileSync(jsonPath, "utf8"));
  writeFileSync(pagePath, replaceLatest(readFileSync(pagePath, "utf8"), renderLatest(latest)));
}

if (resolve(process.argv[1] ?? "") === resolve(import.meta.filename)) {
  const repo = resolve(import.meta.dirname, "..");
  const json = resolve(process.argv[2] ?? `${repo}/target/bench/latest.json`);
  const page = resolve(process.argv[3] ?? `${repo}/docs/performance.md`);
  writeLatest(json, page);
  console.log(`The latest run from ${json} written into ${page}.`);
}
