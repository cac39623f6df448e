// End-to-end: a start that cannot happen says so. Each test serves the
// build from a server that makes one mistake a host makes (a module served
// with a type browsers refuse, the module missing or answered with the
// page, a broken module, a policy that forbids WebAssembly), and the
// loading line must name the cause and what the host must change within a
// few seconds, instead of "Loading Model Card Editor…" for ever.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { startServer } from "../../scripts/serve.mjs";
import { openApp } from "./support.mjs";

const dist = resolve(import.meta.dirname, "../../dist");
const SHOTS = resolve(import.meta.dirname, "../../target/screenshots");

let app;
before(async () => {
  app = await openApp();
});
after(async () => {
  await app?.close();
});

/**
 * Opens the build from a server making `mistake` (see scripts/serve.mjs)
 * and resolves to what the loading line says once it has found the cause,
 * and how long that took from the page's start.
 */
async function startWith(mistake, { shoot } = {}) {
  const { server, url } = await startServer({ root: dist, mistake });
  const page = await app.context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => {
        const text = document.getElementById("mce-loading")?.textContent ?? "";
        return text.includes("could not start") && !text.includes("finding out why");
      },
      null,
      { timeout: 10000 },
    );
    const said = (await page.locator("#mce-loading").textContent()).trim();
    const took = await page.evaluate(() => performance.now());
    if (shoot) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.screenshot({ path: join(SHOTS, `${shoot}-1440.png`) });
      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
      assert.ok(overflow <= 0, `the message scrolls sideways by ${overflow}px at 320 px`);
      await page.screenshot({ path: join(SHOTS, `${shoot}-320.png`) });
    }
    return { said, took };
  } finally {
    await page.close();
    server.close();
  }
}

const retyped = (test, type) => ({ pathname }) => (test(pathname) ? { headers: { "content-type": type } } : undefined);

test("a module served as something other than JavaScript is named, with the type the host must send", async () => {
  const { said, took } = await startWith(retyped((path) => path.endsWith("-loading.mjs"), "application/octet-stream"), { shoot: "start-refused" });
  assert.match(
    said,
    /^Model Card Editor could not start: the host serves [0-9a-f]+-loading\.mjs as “application\/octet-stream”, and browsers run a module only when it is served as JavaScript\. The host must send Content-Type: text\/javascript for \.js and \.mjs files\.$/,
  );
  assert.ok(took < 5000, `said within ${Math.round(took)} ms`);
  const glue = await startWith(retyped((path) => /^\/model-card-editor-[0-9a-f]+\.js$/.test(path), "text/plain"));
  assert.match(glue.said, /the host serves model-card-editor-[0-9a-f]+\.js as “text\/plain”, and browsers run a module only when/);
});

test("a missing WebAssembly module, or the page answered in its place, is named with what to upload", async () => {
  const missing = await startWith(({ pathname }) => (pathname.endsWith(".wasm") ? { status: 404, headers: { "content-type": "text/plain" }, body: "not found" } : undefined));
  assert.match(
    missing.said,
    /^Model Card Editor could not start: the host answered 404 Not Found for model-card-editor-[0-9a-f]+_bg\.wasm\. Upload every file of the build \(dist\/\) together, and reload\.$/,
  );
  const page = readFileSync(join(dist, "index.html"));
  const fallback = await startWith(({ pathname }) =>
    pathname.endsWith(".wasm") ? { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: page } : undefined,
  );
  assert.match(
    fallback.said,
    /^Model Card Editor could not start: the host answered model-card-editor-[0-9a-f]+_bg\.wasm with an HTML page, not WebAssembly: it serves another page for a file it does not have\./,
  );
});

test("a module that is WebAssembly but broken, and a policy that forbids WebAssembly, are told apart", async () => {
  const broken = await startWith(({ pathname }) => {
    if (!pathname.endsWith(".wasm")) return undefined;
    const whole = readFileSync(join(dist, pathname));
    return { status: 200, headers: { "content-type": "application/wasm" }, body: whole.subarray(0, 4096) };
  });
  assert.match(broken.said, /^Model Card Editor could not start: its WebAssembly module cannot be used \(.+\)\. Upload every file of one build \(dist\/\) together, and reload\.$/);
  const policed = await startWith(({ pathname }) =>
    pathname === "/" || pathname.endsWith(".html")
      ? { headers: { "content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-inline'" } }
      : undefined,
  );
  assert.match(
    policed.said,
    /^Model Card Editor could not start: the page's Content-Security-Policy does not let it run WebAssembly\. The host must allow 'wasm-unsafe-eval' in script-src\.$/,
  );
});

test("served right, the page starts and says nothing of the kind", async () => {
  const { server, url } = await startServer({ root: dist });
  const page = await app.context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => !document.getElementById("mce-loading"));
    assert.equal(await page.getByText("could not start").count(), 0);
  } finally {
    await page.close();
    server.close();
  }
});
