// End-to-end: a link that opens a card (?card=), same-origin only.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { startServer } from "../../scripts/serve.mjs";
import { openApp, slowConnection, waitForEditor } from "./support.mjs";

let app;
before(async () => {
  app = await openApp();
});
after(async () => {
  await app?.close();
});

test("?card= opens a card from this site", async () => {
  const { page } = app;
  await page.goto(`${app.url}?card=/examples/large.json`);
  const caveats = page.locator('[data-path="/additional_information/caveats_and_recommendations"]');
  await waitForEditor(page, "/additional_information/caveats_and_recommendations");
  const expected = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../examples/large.json"), "utf8"));
  assert.equal(await caveats.inputValue(), expected.additional_information.caveats_and_recommendations);
  assert.match(await page.getByTestId("notice").textContent(), /Opened the card at \/examples\/large\.json: a model card\./);
  assert.match(await page.locator(".mce-header__source").textContent(), /the card at \/examples\/large\.json/);
});

test("?card= refuses a card from another site, without asking that site", async () => {
  const { page } = app;
  const asked = [];
  const record = (request) => asked.push(request.url());
  page.on("request", record);
  await page.goto(`${app.url}?card=${encodeURIComponent("https://cards.example.com/card.json")}`);
  const error = page.getByTestId("notice-error");
  await error.waitFor({ state: "visible" });
  page.off("request", record);
  assert.match(await error.textContent(), /only cards on this site \(http:\/\/127\.0\.0\.1:\d+\) open by link, and this one is on https:\/\/cards\.example\.com/);
  assert.deepEqual(asked.filter((url) => !url.startsWith(app.url)), []);
});

test("the linked card is fetched once, while the app itself downloads", async () => {
  const { page } = app;
  await page.goto(`${app.url}?card=/examples/complete.json`);
  await waitForEditor(page, "/model_overview/model_creator");
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType("resource");
    return {
      card: entries.filter((entry) => entry.name.endsWith("/examples/complete.json")).map((entry) => entry.startTime),
      config: entries.filter((entry) => entry.name.endsWith("/config.json")).length,
      appStart: performance.getEntriesByName("mce:start")[0].startTime,
    };
  });
  assert.equal(timing.card.length, 1, "one request for the card");
  assert.equal(timing.config, 1, "one request for config.json");
  assert.ok(timing.card[0] < timing.appStart, `the card was asked for at ${timing.card[0]} ms, before the app started at ${timing.appStart} ms`);
  assert.equal(await page.locator("#mce-loading").count(), 0, "the loading line is gone");
});

// A new page on which the request for `pathname` is held back until the
// returned `release` is called.
async function pageHolding(pathname) {
  const page = await app.context.newPage();
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route((url) => url.pathname === pathname, async (route) => {
    await held;
    await route.continue();
  });
  return { page, release };
}

test("while a linked card opens, the page says so instead of showing an empty card", async () => {
  const { page, release } = await pageHolding("/examples/complete.json");
  // A request still open holds the load event back.
  await page.goto(`${app.url}?card=/examples/complete.json`, { waitUntil: "domcontentloaded" });
  const status = page.locator(".mce-opening");
  await status.waitFor();
  assert.equal(await status.textContent(), "Opening the card at /examples/complete.json\u2026");
  assert.equal(await page.locator("[data-path]").count(), 0, "no empty form meanwhile");
  release();
  await page.waitForFunction(() => document.querySelector('[data-path="/model_overview/model_creator"]')?.value.length > 0);
  assert.equal(await status.count(), 0);
  await page.close();
});

test("a card the user opens while a link is still loading is not replaced when the link arrives", async () => {
  const { page, release } = await pageHolding("/examples/large.json");
  await slowConnection(page); // where the first view loads too, and must not show the late card
  await page.goto(`${app.url}?card=/examples/large.json`, { waitUntil: "domcontentloaded" });
  await page.locator(".mce-opening").waitFor();
  await page.locator("summary", { hasText: "Examples" }).click();
  await page.getByRole("button", { name: "Complete example" }).click();
  const creator = page.locator('[data-path="/model_overview/model_creator"]');
  await page.waitForFunction(() => document.querySelector('[data-path="/model_overview/model_creator"]')?.value.length > 0);
  assert.equal(await page.locator(".mce-opening").count(), 0, "the link's status gave way to the card the user chose");
  await creator.fill("Edited while the link loaded");
  const linkAnswered = page.waitForEvent("requestfinished", (request) => new URL(request.url()).pathname === "/examples/large.json");
  release();
  await linkAnswered;
  await page.waitForTimeout(500);
  assert.equal(await creator.inputValue(), "Edited while the link loaded");
  assert.equal(await page.locator("#mce-first-view").count(), 0, "the late card was not shown over the editor");
  assert.match(await page.locator(".mce-header__source").textContent(), /the complete example/);
  assert.equal(await page.getByTestId("notice-error").isVisible(), false);
  assert.match(await page.getByTestId("notice").textContent(), /Opened the complete example/);
  await page.close();
});

test("while the app downloads, the loading line's bar shows how much of it has arrived", async () => {
  const page = await app.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  // 2 MB/s: the module takes a good half second to arrive.
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: 2e6, uploadThroughput: 2e6 });
  await page.addInitScript(() => {
    window.barSeen = [];
    new MutationObserver((changes) => {
      for (const { target } of changes) {
        if (target.closest?.("#mce-loading progress")) window.barSeen.push([target.value, target.max]);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["value", "max"] });
  });
  await page.goto(app.url, { waitUntil: "commit" });
  await page.waitForFunction(() => !document.getElementById("mce-loading"));
  const seen = await page.evaluate(() => window.barSeen);
  const dist = resolve(import.meta.dirname, "../../dist");
  const wasm = readdirSync(dist).find((name) => /^model-card-editor-.*_bg\.wasm$/.test(name));
  const size = statSync(join(dist, wasm)).size;
  assert.ok(seen.length > 2, `the bar moved (${seen.length} updates)`);
  assert.ok(seen.every(([, max]) => max === size), `its total is the module's size as served, ${size} bytes`);
  assert.ok(seen.some(([value]) => value > 0 && value < size), "it showed part of the module arrived");
  assert.deepEqual(seen.at(-1), [size, size], "and all of it, before the app started");
  await page.close();
});

test("a page whose app cannot load says so instead of loading forever", async () => {
  const page = await app.context.newPage();
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto(app.url);
  const loading = page.locator("#mce-loading");
  await page.waitForFunction(() => /could not start: (?!finding)/.test(document.getElementById("mce-loading")?.textContent ?? ""));
  assert.match(await loading.textContent(), /^Model Card Editor could not start: model-card-editor-[0-9a-f]+_bg\.wasm could not be fetched \(.+\)\. Reload the page to try again\.$/);
  await page.close();
});

test("?card= answered with a redirect is refused without following it, and a card over 10 MB without reading it whole", async () => {
  // The redirect leads to another origin (localhost, not 127.0.0.1), whose
  // server counts what it is asked.
  const elsewhere = [];
  const other = await startServer({ root: resolve(import.meta.dirname, "../../dist"), mistake: ({ pathname }) => void elsewhere.push(pathname) });
  const otherUrl = other.url.replace("127.0.0.1", "localhost");
  const huge = Buffer.alloc(11 * 1024 * 1024, 32);
  const { server, url } = await startServer({
    root: resolve(import.meta.dirname, "../../dist"),
    mistake: ({ pathname }) => {
      if (pathname === "/cards/moved.json") return { status: 302, headers: { location: `${otherUrl}examples/large.json` }, body: "" };
      if (pathname === "/cards/huge.json") return { status: 200, headers: { "content-type": "application/json", "content-length": huge.length }, body: huge };
      return undefined;
    },
  });
  const page = await app.context.newPage();
  try {
    await page.goto(`${url}?card=/cards/moved.json`);
    const error = page.getByTestId("notice-error");
    await error.waitFor({ state: "visible" });
    assert.match(
      await error.textContent(),
      /Could not open the linked card \/cards\/moved\.json: the server answered with a redirect, which is not followed: the page fetches only from this site, and a redirect could lead anywhere\. Link to the card's own address/,
    );
    await page.waitForTimeout(300);
    assert.deepEqual(elsewhere, [], "the other site was never asked");
    await page.goto(`${url}?card=/cards/huge.json`);
    await page.waitForFunction(() => /huge\.json/.test(document.querySelector("[data-testid=notice-error]")?.textContent ?? ""));
    assert.match(await error.textContent(), /Could not open the linked card \/cards\/huge\.json: it is 11 MB; cards over 10 MB are not opened/);
  } finally {
    await page.close();
    server.close();
    other.server.close();
  }
});

test("?card= naming a missing card says so", async () => {
  const { page } = app;
  await page.goto(`${app.url}?card=/examples/missing.json`);
  const error = page.getByTestId("notice-error");
  await error.waitFor({ state: "visible" });
  assert.match(await error.textContent(), /Could not open the linked card \/examples\/missing\.json: the server answered 404/);
});
