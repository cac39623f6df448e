#!/usr/bin/env node
// What the download costs a user: how long an editor takes to show the
// large card (the peer harness's `ready_ms`: the target field exists and
// shows the card's value) on a throttled connection, served as a static
// host serves it (every file brotli-compressed, quality 11). `make bench`
// prints it for all three systems (scripts/bench-report.mjs); run alone it
// compares ours with JSON Forms:
//
//   node scripts/slow-network.mjs [--peers target/bench/peers] [--runs 3]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../tests/e2e/support.mjs";
import { TYPES } from "./serve.mjs";

/**
 * The connections measured, as Chrome DevTools emulates them (throughput in
 * bytes per second; `latency` is added to every request's round trip).
 * "Slow 4G" is Lighthouse's mobile profile.
 */
export const CONNECTIONS = [
  { name: "slow 4G (1.6 Mbit/s, 150 ms)", key: "slow_4g", latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 },
  { name: "10 Mbit/s, 40 ms", key: "10mbit", latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 },
];

/** Whether our editor has taken over from its first view (a page function). */
export const EDITOR_READY = () => Boolean(document.getElementById("mce-main")) && !document.getElementById("mce-first-view");

// Every file under `dir` (examples aside), compressed ahead of time as a
// host serves pre-compressed files: compressing a 1 MB module at quality 11
// takes seconds, which must not be counted as transfer.
function compressAll(dir, into = new Map()) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "examples") compressAll(path, into);
    } else if (TYPES[extname(name)]) {
      into.set(path, compressed(path));
    }
  }
  return into;
}

// A file's bytes as a host serves them pre-compressed: brotli, quality 11.
function compressed(path) {
  const bytes = readFileSync(path);
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
}

// Serves `root`, and the large card of `cardsDir` under /cards/, brotli-compressed.
function serveCompressed(root, cardsDir) {
  const files = compressAll(root);
  const card = join(cardsDir, "large.json");
  files.set(card, compressed(card));
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, "http://x");
    let file = pathname.startsWith("/cards/") ? join(cardsDir, pathname.slice(7)) : join(root, pathname);
    if (!files.has(file)) file = join(root, "index.html");
    const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", vary: "accept-encoding" };
    if ((request.headers["accept-encoding"] ?? "").includes("br")) {
      headers["content-encoding"] = "br";
      response.writeHead(200, headers).end(files.get(file));
    } else {
      response.writeHead(200, headers).end(readFileSync(file));
    }
  });
  return new Promise((started) => server.listen(0, "127.0.0.1", () => started(server)));
}

/**
 * Median `ready_ms` on the large card for each system on each connection,
 * over `runs` cold loads (a new browser context each, so nothing is cached).
 * Systems are measured in turn within each run, so a slow moment of the
 * machine does not fall on one system only. Resolves to
 * `{ [system]: { [connection key]: ms | undefined } }`, and for a system
 * with `editorReady` (a page function) `[connection key + "/editor"]`, when
 * that held.
 */
export async function readyOnConnections(systems, cardsDir, runs) {
  const servers = new Map();
  for (const system of systems) servers.set(system.name, await serveCompressed(system.root, cardsDir));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const samples = {};
  try {
    for (const connection of CONNECTIONS) {
      for (let run = 0; run < runs; run++) {
        for (const system of systems) {
          const context = await browser.newContext();
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send("Network.enable");
          const { latency, downloadThroughput, uploadThroughput } = connection;
          await cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput, uploadThroughput });
          const port = servers.get(system.name).address().port;
          const ready = await page
            .goto(`http://127.0.0.1:${port}/index.html?card=/cards/large.json`, { waitUntil: "commit" })
            .then(() => page.waitForFunction((field) => document.querySelector(field)?.value?.length > 0, system.field, { polling: "raf", timeout: 120000 }))
            .then(() => page.evaluate(() => performance.now()))
            .catch(() => undefined);
          // Ours shows the card first in its first view (src/first_view/):
          // when the editor, with its tools, has taken over from it.
          const editor = system.editorReady
            ? await page
                .waitForFunction(system.editorReady, null, { polling: "raf", timeout: 120000 })
                .then(() => page.evaluate(() => performance.now()))
                .catch(() => undefined)
            : undefined;
          await context.close();
          const key = `${system.name}/${connection.key}`;
          (samples[key] ??= []).push(ready);
          (samples[`${key}/editor`] ??= []).push(editor);
        }
      }
    }
  } finally {
    await browser.close();
    for (const server of servers.values()) server.close();
  }
  const median = (values) => {
    const shown = values.filter((value) => value !== undefined).sort((a, b) => a - b);
    return shown.length === values.length ? shown[Math.floor((shown.length - 1) / 2)] : undefined;
  };
  const result = {};
  for (const system of systems) {
    result[system.name] = {};
    for (const connection of CONNECTIONS) {
      const key = `${system.name}/${connection.key}`;
      result[system.name][connection.key] = median(samples[key]);
      result[system.name][`${connection.key}/editor`] = median(samples[`${key}/editor`]);
    }
  }
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const option = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : fallback;
  };
  const repo = resolve(import.meta.dirname, "..");
  const peers = resolve(option("peers", join(repo, "target/bench/peers")));
  const systems = [
    { name: "ours", root: join(repo, "dist"), field: '[data-path="/additional_information/caveats_and_recommendations"]', editorReady: EDITOR_READY },
    { name: "JSON Forms", root: join(peers, "jsonforms/dist"), field: '[id="#/properties/caveats_and_recommendations-input"]' },
  ];
  const result = await readyOnConnections(systems, join(peers, "cards"), Number(option("runs", "3")));
  for (const connection of CONNECTIONS) {
    console.log(`${connection.name}: ${systems.map((system) => `${system.name} ${result[system.name][connection.key]?.toFixed(0) ?? "did not show the card"} ms`).join(", ")}; our editor took over at ${result.ours[`${connection.key}/editor`]?.toFixed(0)} ms`);
  }
}
