// End-to-end: a link that opens a card (?card=), same-origin only.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { openApp } from "./support.mjs";

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
  await page.waitForFunction(() => document.querySelector('[data-path="/additional_information/caveats_and_recommendations"]')?.value.length > 0);
  const expected = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../examples/large.json"), "utf8"));
  assert.equal(await caveats.inputValue(), expected.additional_information.caveats_and_recommendations);
  assert.match(await page.getByTestId("notice").textContent(), /Opened the card at \/examples\/large\.json: a model card\./);
  assert.match(await page.locator(".mce-header__source").textContent(), /the card at \/examples\/large\.json/);
});

test("?card= refuses a card from another site", async () => {
  const { page } = app;
  await page.goto(`${app.url}?card=${encodeURIComponent("https://cards.example.com/card.json")}`);
  const error = page.getByTestId("notice-error");
  await error.waitFor({ state: "visible" });
  assert.match(await error.textContent(), /only cards on this site \(http:\/\/127\.0\.0\.1:\d+\) open by link, and this one is on https:\/\/cards\.example\.com/);
});

test("?card= naming a missing card says so", async () => {
  const { page } = app;
  await page.goto(`${app.url}?card=/examples/missing.json`);
  const error = page.getByTestId("notice-error");
  await error.waitFor({ state: "visible" });
  assert.match(await error.textContent(), /Could not open the linked card \/examples\/missing\.json: the server answered 404/);
});
